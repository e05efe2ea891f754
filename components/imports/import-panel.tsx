"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ImportForms } from "./import-forms";
import { ImportProgress } from "./import-progress";
import { useImportJob } from "./use-import-job";

/** The import page's live part: the forms, then the progress of the job they queued. */
export function ImportPanel({ initialJobId }: { initialJobId: string | null }) {
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  // The recent-imports list on the server part of the page picks up the new counts.
  const { job, error } = useImportJob(jobId, () => router.refresh());

  function onQueued(id: string) {
    setJobId(id);
    // The address names the job, so a reload keeps following it.
    router.replace(`/admin/import?job=${encodeURIComponent(id)}`, { scroll: false });
  }

  return (
    <div className="space-y-8">
      <ImportForms onQueued={onQueued} />
      {jobId && (
        <section aria-labelledby="import-progress-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="import-progress-heading" className="mb-3 text-lg font-semibold">Import progress</h2>
          <ImportProgress job={job} error={error} />
        </section>
      )}
    </div>
  );
}
