"use client";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { isFinished, type ImportJobDto } from "@/lib/imports/types";
import { api } from "@/components/ui/api";
import { useLiveEvents, useLiveStatus } from "@/components/live/live-provider";
import { ImportJobTracker } from "@/components/live/import-events";

/** Only while the live stream is not open: a slow read keeps the page moving. */
const FALLBACK_POLL_MS = 10_000;

const readImportJob = (jobId: string, withArticles: boolean) =>
  api<ImportJobDto>("GET", `/api/imports/${encodeURIComponent(jobId)}${withArticles ? "?include=articles" : ""}`);

type State = { jobId: string | null; job: ImportJobDto | null; error: string | null };

/**
 * Follows one import job: reads it once, then takes its progress from the
 * live stream's `import.progress` events (polling every 10 s only while the
 * stream is down), and reads it once more with the articles it made when it
 * ends. `onFinished` fires once.
 */
export function useImportJob(jobId: string | null, onFinished?: () => void) {
  const [state, setState] = useState<State>({ jobId: null, job: null, error: null });
  const streaming = useLiveStatus() === "open";
  const current = useRef(jobId);
  const finishedFor = useRef<string | null>(null);
  /** The job the reading effect last ran for: a job chosen again is read again, even one seen finishing before. */
  const followed = useRef<string | null>(null);
  const onFinishedRef = useRef(onFinished);
  /** The followed job as known now (reads and events), not as last rendered. */
  const tracker = useRef<ImportJobTracker | null>(null);
  const trackerFor = useCallback((id: string) => {
    if (tracker.current?.jobId !== id) tracker.current = new ImportJobTracker(id);
    return tracker.current;
  }, []);
  useLayoutEffect(() => {
    current.current = jobId;
    onFinishedRef.current = onFinished;
  });

  const show = useCallback((id: string, job: ImportJobDto) => {
    if (current.current === id) setState({ jobId: id, job, error: null });
  }, []);

  const finish = useCallback(async (id: string, last: ImportJobDto) => {
    if (finishedFor.current === id) return;
    finishedFor.current = id;
    show(id, last);
    const full = await readImportJob(id, true);
    if (current.current !== id) return;
    setState({ jobId: id, job: full.ok ? full.data : last, error: null });
    onFinishedRef.current?.();
  }, [show]);

  useEffect(() => {
    if (!jobId) return;
    if (followed.current !== jobId) {
      followed.current = jobId;
      // Finished job X, then running job Y, then X again: X would otherwise stay "Loading…".
      finishedFor.current = null;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (finishedFor.current === jobId) return;
      const res = await readImportJob(jobId, false);
      if (cancelled) return;
      if (!res.ok) {
        setState((s) => ({ ...s, jobId, error: res.error.message }));
        // A 4xx will not get better by asking again; a network blip or 5xx may.
        if (res.error.status === 0 || res.error.status >= 500) timer = setTimeout(tick, streaming ? FALLBACK_POLL_MS : 2000);
        return;
      }
      // An event that overtook this read is newer than it, and a read older than an event shown is not news.
      const job = trackerFor(jobId).read(res.data);
      if (isFinished(job.status)) return void finish(jobId, job);
      show(jobId, job);
      if (!streaming) timer = setTimeout(tick, FALLBACK_POLL_MS);
    };
    // Read at once: when a job is chosen, and when the stream opens or drops (events may have been missed meanwhile).
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [jobId, streaming, finish, show, trackerFor]);

  useLiveEvents(
    (e) => {
      if (!jobId || finishedFor.current === jobId) return;
      // Until the first read arrives the tracker keeps the event for it (a pasted article can finish in 300 ms).
      const next = trackerFor(jobId).event(e);
      if (!next) return;
      if (isFinished(next.status)) void finish(jobId, next);
      else show(jobId, next);
    },
    [jobId],
  );

  // A job switched to but not read yet shows as loading, not as the previous job.
  return state.jobId === jobId ? { job: state.job, error: state.error } : { job: null, error: null };
}
