"use client";
import { useEffect, useState } from "react";
import { isFinished, type ImportJobDto } from "@/lib/imports/types";
import { api } from "@/components/ui/api";

const POLL_MS = 700;

const readImportJob = (jobId: string, withArticles: boolean) =>
  api<ImportJobDto>("GET", `/api/imports/${encodeURIComponent(jobId)}${withArticles ? "?include=articles" : ""}`);

/**
 * Follows one import job: polls its counts every 700 ms while it runs, then
 * reads it once more with the articles it made. `onFinished` fires once.
 */
export function useImportJob(jobId: string | null, onFinished?: () => void) {
  const [state, setState] = useState<{ jobId: string | null; job: ImportJobDto | null; error: string | null }>({ jobId: null, job: null, error: null });

  useEffect(() => {
    if (!jobId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const res = await readImportJob(jobId, false);
      if (cancelled) return;
      if (!res.ok) {
        setState((s) => ({ ...s, jobId, error: res.error.message }));
        // A 4xx will not get better by asking again; a network blip or 5xx may.
        if (res.error.status === 0 || res.error.status >= 500) timer = setTimeout(tick, POLL_MS * 3);
        return;
      }
      if (isFinished(res.data.status)) {
        const full = await readImportJob(jobId, true);
        if (cancelled) return;
        setState({ jobId, job: full.ok ? full.data : res.data, error: null });
        onFinished?.();
        return;
      }
      setState({ jobId, job: res.data, error: null });
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // onFinished is a notification; a new callback identity must not restart polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);

  // A job switched to but not read yet shows as loading, not as the previous job.
  return state.jobId === jobId ? { job: state.job, error: state.error } : { job: null, error: null };
}
