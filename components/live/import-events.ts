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

/**
 * What a page knows of the one job it follows, kept outside React's render so
 * that events read it as it is now: several events can arrive in one chunk of
 * the stream, before the page has re-rendered with the read that came just
 * before them (the rendered state would then still say "not read yet", and an
 * import's last event was set aside and never shown: a browser test waited 30 s
 * on "Queued").
 */
export class ImportJobTracker {
  private job: ImportJobDto | null = null;
  /** The latest progress event that came before the first read answered (a short job can finish meanwhile). */
  private early: LiveEvent | null = null;

  constructor(readonly jobId: string) {}

  get current(): ImportJobDto | null {
    return this.job;
  }

  /** A read's answer: the job as shown now (an earlier event put on it; an answer older than what is shown ignored). */
  read(answer: ImportJobDto): ImportJobDto {
    const withEarly = this.early ? applyImportProgress(answer, this.early) : answer;
    this.early = null;
    if (!this.job || isSameOrLater(this.job, withEarly)) this.job = withEarly;
    return this.job;
  }

  /** An event from the stream: the job as shown now when it moved, else null (kept for the first read, if none came yet). */
  event(e: LiveEvent): ImportJobDto | null {
    if (e.type !== "import.progress" || e.id !== this.jobId) return null;
    if (!this.job) {
      this.early = e;
      return null;
    }
    const next = applyImportProgress(this.job, e);
    const was = this.job;
    if (next === was || (next.status === was.status && next.total === was.total && settled(next) === settled(was) && next.imported === was.imported && next.failed === was.failed)) return null;
    this.job = next;
    return next;
  }
}
