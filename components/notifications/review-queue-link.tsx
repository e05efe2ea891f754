"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { api } from "@/components/ui/api";
import { useLiveEvents } from "@/components/live/live-provider";

/** Events that may change how many claims wait for review. */
const QUEUE_EVENTS = new Set(["claim.created", "claim.updated", "claim.deleted", "review.created", "resync"]);
/** A burst of claim events (an import, a busy desk) costs one read of the count. */
const DEBOUNCE_MS = 800;

/** The header's "Review queue" link with its "<n> waiting" badge, kept current from the live stream. */
export function ReviewQueueLink({ initialCount, className }: { initialCount: number; className: string }) {
  const [count, setCount] = useState(initialCount);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async () => {
    const res = await api<{ total: number }>("GET", "/api/review-queue?pageSize=1");
    if (res.ok && typeof res.data.total === "number") setCount(res.data.total);
  }, []);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), DEBOUNCE_MS);
  }, [refresh]);

  useLiveEvents((e) => {
    if (QUEUE_EVENTS.has(e.type)) schedule();
  });

  useEffect(() => {
    window.addEventListener("focus", schedule);
    return () => {
      window.removeEventListener("focus", schedule);
      clearTimeout(timer.current);
    };
  }, [schedule]);

  return (
    <Link href="/review" className={className}>
      Review queue
      <span className="rounded-full bg-blue-700 px-1.5 text-xs font-semibold text-white" aria-label={`${count} waiting`}>{count}</span>
    </Link>
  );
}
