// Shapes shared by the import job code, the API and the import page.
import type { ImportJobStatus } from "@/lib/enums";
import type { Verdict } from "@/lib/claims/constants";

/** One input of a job, stored raw on the job row until the job expands it into items. */
export type ImportSource =
  | { type: "file"; name: string; content: string }
  | { type: "url"; url: string }
  | { type: "feed"; url: string }
  /** Articles as POST /api/articles takes them, and/or ClaimReview records (or lists of them), unvalidated. */
  | { type: "items"; items: unknown[] }
  /** One article, validated when the request came in. */
  | { type: "paste"; article: Record<string, unknown> };

export type ImportJobInput = { sources: ImportSource[] };

export type { ImportJobStatus } from "@/lib/enums";

export type ImportItemError = { index: number; label: string; fields?: Record<string, string>; message: string };

export type ImportedArticleRef = { index: number; label: string; status: "imported" | "duplicate"; articleId: string; title: string };

/** A ClaimReview record's item: the fact-check it stored, or the earlier one with the same URL. */
export type ImportedFactCheckRef = {
  index: number;
  label: string;
  status: "imported" | "duplicate";
  factCheckId: string;
  claimReviewed: string;
  url: string;
  /** The publisher's rating as written (alternateName, else "<value>/<best>"). */
  rating: string | null;
  /** Verity's nearest verdict; null: unmapped. */
  verdict: Verdict | null;
};

/**
 * GET /api/imports/:jobId. `articles` only with ?include=articles; with it,
 * `factChecks` too when the job has ClaimReview items.
 */
export type ImportJobDto = {
  id: string;
  kind: string;
  label: string;
  status: ImportJobStatus;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  errors: ImportItemError[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  articles?: ImportedArticleRef[];
  factChecks?: ImportedFactCheckRef[];
};

export const isFinished = (status: ImportJobStatus) => status !== "QUEUED" && status !== "RUNNING";
