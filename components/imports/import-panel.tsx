"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ImportForms, type ImportSource } from "./import-forms";
import { ImportProgress } from "./import-progress";
import { useImportJob } from "./use-import-job";

type Followed = { jobId: string | null; source: ImportSource | null };

/**
 * The import page's live part: the forms and the progress of one job. A job
 * queued from a form shows right under that form, scrolled into view with focus
 * on its heading; a job opened from the address ("Recent imports") shows above
 * the forms.
 */
export function ImportPanel({ initialJobId }: { initialJobId: string | null }) {
  const router = useRouter();
  const [followed, setFollowed] = useState<Followed>({ jobId: initialJobId, source: null });
  // A "Recent imports" link changes the address, and so this prop: follow that job.
  // Our own router.replace after queueing brings the id we already follow, which changes nothing.
  const [addressJob, setAddressJob] = useState(initialJobId);
  if (initialJobId !== addressJob) {
    setAddressJob(initialJobId);
    if (initialJobId !== followed.jobId) setFollowed({ jobId: initialJobId, source: null });
  }
  const { jobId, source } = followed;
  // The recent-imports list on the server part of the page picks up the new counts.
  const { job, error } = useImportJob(jobId, () => router.refresh());
  const regionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!jobId || !source) return;
    // The submit button was disabled while sending, so focus is lost anyway: take it
    // (and the screen reader) to the progress, and bring the progress on screen.
    headingRef.current?.focus({ preventScroll: true });
    regionRef.current?.scrollIntoView({ block: "nearest" });
  }, [jobId, source]);

  function onQueued(id: string, from: ImportSource) {
    setFollowed({ jobId: id, source: from });
    // The address names the job, so a reload keeps following it.
    router.replace(`/admin/import?job=${encodeURIComponent(id)}`, { scroll: false });
  }

  const progress = jobId && (
    <section ref={regionRef} aria-labelledby="import-progress-heading" className="scroll-mb-4 scroll-mt-4 rounded-lg border border-blue-200 bg-white p-5">
      <h2 id="import-progress-heading" ref={headingRef} tabIndex={-1} className="mb-3 text-lg font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700">
        Import progress
      </h2>
      {/* Keyed by job: nothing of the previous job's numbers survives into the next. */}
      <ImportProgress key={jobId} job={job} error={error} justQueued={source !== null} />
    </section>
  );

  return (
    <div className="space-y-8">
      {!source && progress}
      <ImportForms onQueued={onQueued} progressFor={source} progress={progress} />
    </div>
  );
}
