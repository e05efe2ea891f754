// Import progress from the live stream, merged into the job a page shows. Pure.
import type { ImportJobDto } from "@/lib/imports/types";
import type { LiveEvent } from "./stream";

const STATUSES: ReadonlyArray<ImportJobDto["status"]> = ["QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"];
const stage = (s: ImportJobDto["status"]) => (s === "QUEUED" ? 0 : s === "RUNNING" ? 1 : 2);
const settled = (j: Pick<ImportJobDto, "imported" | "duplicates" | "failed">) => j.imported + j.duplicates + j.failed;
const count = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback);

/**
 * Whether `b` is at least as far along as `a` (a job only moves forward: queued,
 * running, finished; counts only grow), so a slow read answered after a newer
 * event does not move the bar back.
 */
export function isSameOrLater(a: Pick<ImportJobDto, "status" | "imported" | "duplicates" | "failed">, b: Pick<ImportJobDto, "status" | "imported" | "duplicates" | "failed">): boolean {
  return stage(b.status) !== stage(a.status) ? stage(b.status) > stage(a.status) : settled(b) >= settled(a);
}

/** `job` with the counts and status of an `import.progress` event for it, or `job` itself (same object) when the event is not news. */
export function applyImportProgress(job: ImportJobDto, e: LiveEvent): ImportJobDto {
  if (e.type !== "import.progress" || e.id !== job.id) return job;
  const status = STATUSES.includes(e.status as ImportJobDto["status"]) ? (e.status as ImportJobDto["status"]) : job.status;
  const next: ImportJobDto = {
    ...job,
    status,
    total: count(e.total, job.total),
    imported: count(e.imported, job.imported),
    duplicates: count(e.duplicates, job.duplicates),
    failed: count(e.failed, job.failed),
  };
  return isSameOrLater(job, next) ? next : job;
}
