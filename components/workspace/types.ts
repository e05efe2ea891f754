import type { AnchorStatus, ClaimStatus, Stance, Verdict } from "@/lib/claims/constants";

/** A claim as the API sends it (dates as ISO strings). */
export type ClaimDto = {
  id: string;
  articleId: string;
  articleRevision: number;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  anchorStatus: AnchorStatus;
  claimText: string;
  verdict: Verdict;
  rationale: string;
  status: ClaimStatus;
  author: { id: string; name: string };
  version: number;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sourceCount: number;
  /** Marks a full claim (with sources, reviews, comments) as opposed to a summary. */
  detail: true;
  sources: Array<{ id: string; url: string; title: string; publisher: string | null; stance: Stance; archivedUrl: string | null; excerpt: string | null; accessedAt: string }>;
  reviews: Array<{ id: string; decision: string; comment: string | null; claimVersion: number; editor: { id: string; name: string }; createdAt: string }>;
  comments: Array<{ id: string; body: string; author: { id: string; name: string }; createdAt: string }>;
};

export type Viewer = { id: string; name: string; role: "REVIEWER" | "EDITOR" | "ADMIN" };

/** What the reader's first paint carries per claim; the rest comes when a claim is opened. */
export type ClaimSummaryDto = Pick<ClaimDto, "id" | "anchorStatus" | "claimText" | "verdict" | "status" | "author" | "version" | "updatedAt" | "sourceCount"> & {
  selector: Pick<ClaimDto["selector"], "exact" | "start" | "end">;
};

/** A claim in the workspace: a summary until opened, then the full claim. */
export type WorkspaceClaim = (ClaimSummaryDto & { detail?: false }) | ClaimDto;
