"use client";
import { useLiveEverOpen, useLiveStatus } from "./live-provider";

/**
 * A quiet line saying whether the page is receiving live updates. Not a live
 * region: a flaky connection must not keep interrupting a screen reader.
 */
export function LiveStatusLine() {
  const status = useLiveStatus();
  const everOpen = useLiveEverOpen();
  const open = status === "open";
  const text = open ? "Live" : everOpen ? "Reconnecting…" : "Connecting…";
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-600" data-live-status={status}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${open ? "bg-green-600" : "bg-amber-500"}`} />
      <span>
        <span className="sr-only">Updates: </span>
        {text}
      </span>
    </p>
  );
}
