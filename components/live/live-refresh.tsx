"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useLiveEvents } from "./live-provider";
import { matchesTypes } from "./refresh-rules";

/**
 * Re-renders a server-rendered page (router.refresh: same address, filters and
 * focus kept, no scroll) when an event of one of `types` arrives: at most once
 * per `delayMs` for a burst, and not while the tab is hidden (once when it is
 * shown again). A resync (the stream could not resume) refreshes too.
 */
export function LiveRefresh({ types, delayMs = 1000 }: { types: readonly string[]; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);

  useLiveEvents(
    (e) => {
      if (e.type !== "resync" && !matchesTypes(e.type, types)) return;
      dirty.current = true;
      if (timer.current || document.hidden) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        if (document.hidden) return;
        dirty.current = false;
        router.refresh();
      }, delayMs);
    },
    [types.join(","), delayMs],
  );

  useEffect(() => {
    const onShow = () => {
      if (document.hidden || !dirty.current || timer.current) return;
      dirty.current = false;
      router.refresh();
    };
    document.addEventListener("visibilitychange", onShow);
    return () => {
      document.removeEventListener("visibilitychange", onShow);
      clearTimeout(timer.current);
    };
  }, [router]);

  return null;
}
