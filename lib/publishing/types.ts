// Shapes the publishing API returns; shared by the route handlers and the dialog.
import type { ClaimStatus, Verdict } from "@/lib/claims/constants";
import type { ChangedField, SnapshotClaim, StayOutCode } from "./snapshot";

export type PreviewClaim = { id: string; number: number; claimText: string; exact: string; verdict: Verdict };

export type PublishPreview = {
  articleId: string;
  slug: string;
  /** "publish": the page is not public now (first publish, or again after unpublishing); "update": it is. */
  kind: "publish" | "update";
  /** The number the next publication will get. */
  nextNumber: number;
  latest: { number: number; createdAt: string; note: string | null } | null;
  /** What goes live, with how each differs from the latest publication. */
  goesLive: Array<PreviewClaim & { change: "added" | "changed" | "unchanged"; changedFields: ChangedField[] }>;
  /** Claims of the latest publication that this one drops, with why. */
  removed: Array<PreviewClaim & { reason: string }>;
  /** Claims of the article that do not go live, with why. */
  staysOut: Array<{ id: string; claimText: string; verdict: Verdict; status: ClaimStatus; code: StayOutCode; reason: string }>;
  /** Whether the text revision differs from the latest publication's. */
  textChanged: boolean;
  /** Why publishing would be refused now (plain words), or null. */
  blocker: string | null;
  noteRequired: boolean;
  fingerprint: string;
};

export type PublicationItem = {
  number: number;
  note: string | null;
  createdAt: string;
  articleRevision: number;
  editor: { id: string; name: string };
  claims: SnapshotClaim[];
};
