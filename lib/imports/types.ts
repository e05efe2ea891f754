// Shapes shared by the import job code, the API and the import page.
import type { ImportJobStatus } from "@/lib/enums";

/** One input of a job, stored raw on the job row until the job expands it into items. */
export type ImportSource =
  | { type: "file"; name: string; content: string }
  | { type: "url"; url: string }
  | { type: "feed"; url: string }
  /** Articles as POST /api/articles takes them, unvalidated. */
  | { type: "items"; items: unknown[] }
  /** One article, validated when the request came in. */
  | { type: "paste"; article: Record<string, unknown> };

export type ImportJobInput = { sources: ImportSource[] };

export type { ImportJobStatus } from "@/lib/enums";

export type ImportItemError = { index: number; label: string; fields?: Record<string, string>; message: string };

export type ImportedArticleRef = { index: number; label: string; status: "imported" | "duplicate"; articleId: string; title: string };

/** GET /api/imports/:jobId. `articles` only with ?include=articles. */
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
};

export const isFinished = (status: ImportJobStatus) => status !== "QUEUED" && status !== "RUNNING";
