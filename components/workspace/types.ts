import type { AnchorStatus, ClaimStatus, Stance, Verdict } from "@/lib/claims/constants";

/** A claim as the browser holds it (dates as ISO strings, as the API sends them). */
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
  sources: Array<{ id: string; url: string; title: string; publisher: string | null; stance: Stance; archivedUrl: string | null; excerpt: string | null; accessedAt: string }>;
  reviews: Array<{ id: string; decision: string; comment: string | null; claimVersion: number; editor: { id: string; name: string }; createdAt: string }>;
  comments: Array<{ id: string; body: string; author: { id: string; name: string }; createdAt: string }>;
};

export type Viewer = { id: string; name: string; role: "REVIEWER" | "EDITOR" | "ADMIN" };
