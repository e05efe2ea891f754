"use client";
import Link from "next/link";
import { isFinished, type ImportJobDto } from "@/lib/imports/types";
import { Alert } from "@/components/ui/alert";
import { VerdictBadge } from "@/components/workspace/verdict-badge";

const STATUS_TEXT: Record<ImportJobDto["status"], string> = {
  QUEUED: "Queued",
  RUNNING: "Importing",
  SUCCEEDED: "Finished",
  PARTIAL: "Finished with failures",
  FAILED: "Failed",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(job: ImportJobDto): string {
  const settled = job.imported + job.duplicates + job.failed;
  if (job.status === "QUEUED") return "Waiting for the import worker…";
  if (job.status === "RUNNING") return job.total ? `Importing: ${settled} of ${plural(job.total, "item")} done…` : "Reading the input…";
  const done = `Import finished: ${job.imported} imported, ${plural(job.duplicates, "duplicate")}, ${job.failed} failed.`;
  const checks = job.factChecks;
  if (!checks?.length) return done;
  const imported = checks.filter((f) => f.status === "imported").length;
  return `${done} Of these, ${plural(imported, "fact-check")} imported and ${plural(checks.length - imported, "fact-check")} already in Verity.`;
}

type FactCheckRef = NonNullable<ImportJobDto["factChecks"]>[number];

/** The claim reviewed (a link to the publisher's page), the result, and the rating as written beside Verity's nearest verdict. */
function FactCheckItem({ f }: { f: FactCheckRef }) {
  return (
    <li>
      <a href={f.url} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 hover:underline">{f.claimReviewed}</a>
      {" — "}
      <span>{f.status === "imported" ? "fact-check imported" : "duplicate of an earlier fact-check"}</span>
      <span className="text-slate-700">
        {" · "}rating {f.rating ? `“${f.rating}”` : "none"}
        {" → "}
        {f.verdict ? <VerdictBadge verdict={f.verdict} /> : <span className="rounded border border-slate-400 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide">Unmapped</span>}
      </span>
    </li>
  );
}


/**
 * One job's status, bar and counts. Until the job's first read, a job just queued
 * shows as "Queued…" at zero (never the numbers of the job before it); one opened
 * from the address shows as loading.
 */
export function ImportProgress({ job, error, justQueued = false }: { job: ImportJobDto | null; error: string | null; justQueued?: boolean }) {
  if (!job) {
    if (error) return <Alert tone="error">{error}</Alert>;
    if (!justQueued) return <p role="status">Loading the import…</p>;
    return (
      // The same elements in the same order as below, so the status line stays one live region as the numbers arrive.
      <div className="space-y-4">
        <p className="text-sm text-slate-700"><span className="font-medium">Queued</span></p>
        <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} aria-valuetext="Queued" className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-blue-700" style={{ width: "0%" }} />
        </div>
        <p role="status" aria-live="polite" className="text-sm">Queued…</p>
      </div>
    );
  }
  const settled = job.imported + job.duplicates + job.failed;
  const done = isFinished(job.status);
  const pct = done ? 100 : job.total ? Math.floor((settled / job.total) * 100) : 0;
  const imported = job.articles?.filter((a) => a.status === "imported") ?? [];
  const duplicates = job.articles?.filter((a) => a.status === "duplicate") ?? [];
  const checksImported = job.factChecks?.filter((f) => f.status === "imported") ?? [];
  const checksKnown = job.factChecks?.filter((f) => f.status === "duplicate") ?? [];

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        <span className="font-medium">{STATUS_TEXT[job.status]}</span> · <span className="break-all">{job.label || job.kind}</span>
      </p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={done ? "Finished" : job.total ? `${settled} of ${job.total} items` : "Starting"}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${job.failed && done && !job.imported && !job.duplicates ? "bg-red-600" : "bg-blue-700"}`} style={{ width: `${pct}%` }} />
      </div>
      <p role="status" aria-live="polite" className="text-sm">{summary(job)}</p>
      {error && <Alert tone="error">{error}</Alert>}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Counts">
        {[
          ["Items", job.total],
          ["Imported", job.imported],
          ["Duplicates", job.duplicates],
          ["Failed", job.failed],
        ].map(([label, n]) => (
          <div key={label} className="rounded border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold" data-testid={`count-${String(label).toLowerCase()}`}>{n}</dd>
          </div>
        ))}
      </dl>

      {job.errors.length > 0 && (
        <section aria-labelledby="import-failed-heading">
          <h3 id="import-failed-heading" className="font-semibold">Failed items</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {job.errors.map((e) => (
              <li key={e.index} className="rounded border border-red-200 bg-red-50 px-3 py-1.5 text-red-900">
                <span className="font-medium">{e.label}</span>: {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {imported.length > 0 && (
        <section aria-labelledby="import-imported-heading">
          <h3 id="import-imported-heading" className="font-semibold">Imported articles</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {imported.map((a) => (
              <li key={a.index}><Link href={`/articles/${a.articleId}`} className="text-blue-700 hover:underline">{a.title}</Link></li>
            ))}
          </ul>
        </section>
      )}
      {duplicates.length > 0 && (
        <section aria-labelledby="import-duplicates-heading">
          <h3 id="import-duplicates-heading" className="font-semibold">Already in Verity (not imported again)</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {duplicates.map((a) => (
              <li key={a.index}>
                {a.label}: <Link href={`/articles/${a.articleId}`} className="text-blue-700 hover:underline">{a.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {checksImported.length > 0 && (
        <section aria-labelledby="import-factchecks-heading">
          <h3 id="import-factchecks-heading" className="font-semibold">Imported fact-checks</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {checksImported.map((f) => <FactCheckItem key={f.index} f={f} />)}
          </ul>
        </section>
      )}
      {checksKnown.length > 0 && (
        <section aria-labelledby="import-factchecks-known-heading">
          <h3 id="import-factchecks-known-heading" className="font-semibold">Fact-checks already in Verity (not imported again)</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {checksKnown.map((f) => <FactCheckItem key={f.index} f={f} />)}
          </ul>
        </section>
      )}
    </div>
  );
}
