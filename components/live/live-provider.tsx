"use client";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type DependencyList } from "react";
import { usePathname } from "next/navigation";
import { articleIdFromPath, backoffDelay, isAfter, parseLiveEvent, streamUrl, type LiveEvent } from "./stream";

export type { LiveEvent } from "./stream";
export type LiveStatus = "connecting" | "open" | "closed";

type Handler = (e: LiveEvent) => void;
type Hub = {
  subscribe: (h: Handler) => () => void;
  /** The latest presence event seen for an article (a component mounted after it arrived starts from it). */
  presence: (articleId: string) => LiveEvent | null;
};

const HubContext = createContext<Hub | null>(null);
const StatusContext = createContext<{ status: LiveStatus; everOpen: boolean }>({ status: "closed", everOpen: false });

/** How many event ids are remembered to drop a replayed duplicate (a replay covers far fewer). */
const SEEN_IDS = 2000;

function remember(seen: Set<string>, seq: string) {
  seen.add(seq);
  // A Set iterates in insertion order: the first is the oldest.
  if (seen.size > SEEN_IDS) seen.delete(seen.values().next().value as string);
}

/** Consecutive failed reconnects left to the browser (it retries every 2 s, sending Last-Event-ID) before backing off. */
const BROWSER_RETRIES = 3;

/**
 * One event stream per tab for the signed-in user: article events, their own
 * notifications (and import progress for admins), plus the article open at
 * `/articles/<id>`, which also tells others this user is viewing it.
 *
 * A dropped connection is first retried by the browser, which resumes with the
 * Last-Event-ID header; if it gives up (an HTTP error) or keeps failing, the
 * stream is re-opened here with backoff and `?lastEventId=`. A navigation to
 * another article re-opens it the same way, so nothing is missed in between.
 */
export function LiveProvider({ userId, isAdmin, children }: { userId: string; isAdmin: boolean; children: React.ReactNode }) {
  const articleId = articleIdFromPath(usePathname());
  const handlers = useRef(new Set<Handler>());
  const lastSeq = useRef<string | null>(null);
  const seen = useRef(new Set<string>());
  const presence = useRef(new Map<string, LiveEvent>());
  const [status, setStatus] = useState<{ status: LiveStatus; everOpen: boolean }>({ status: "connecting", everOpen: false });

  const dispatch = useCallback((e: LiveEvent) => {
    if (e.type === "presence" && typeof e.articleId === "string") presence.current.set(e.articleId, e);
    for (const h of Array.from(handlers.current)) {
      try {
        h(e);
      } catch (err) {
        // One subscriber's bug must not stop the others from hearing the event.
        console.error("live event handler failed", err);
      }
    }
  }, []);

  useEffect(() => {
    // A different user in this tab (sign-out, sign-in) starts from scratch.
    lastSeq.current = null;
    seen.current.clear();
    presence.current.clear();
  }, [userId]);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let attempt = 0;
    let browserRetries = 0;
    // Re-opened without a position to resume from: what the page shows may be stale.
    let resyncOnOpen = false;

    const open = () => {
      if (stopped) return;
      setStatus((s) => ({ ...s, status: "connecting" }));
      const es = new EventSource(streamUrl({ articleId, isAdmin, lastEventId: lastSeq.current }));
      source = es;
      es.onopen = () => {
        attempt = 0;
        browserRetries = 0;
        setStatus({ status: "open", everOpen: true });
        if (resyncOnOpen) {
          resyncOnOpen = false;
          dispatch({ type: "resync", id: "", seq: "" });
        }
      };
      es.onmessage = (m: MessageEvent<string>) => {
        const seq = m.lastEventId ?? "";
        const event = parseLiveEvent(m.data, seq);
        if (!event) return;
        if (event.type !== "resync" && event.type !== "presence" && seq) {
          // A replay overlapping what was already seen: each event is handled once. (By id, not
          // "newer than the last": an event may arrive after one with a higher id.)
          if (seen.current.has(seq)) return;
          remember(seen.current, seq);
        }
        if (seq && isAfter(seq, lastSeq.current)) lastSeq.current = seq;
        dispatch(event);
      };
      es.onerror = () => {
        if (stopped) return;
        if (es.readyState === EventSource.CONNECTING && browserRetries < BROWSER_RETRIES) {
          browserRetries++;
          setStatus((s) => ({ ...s, status: "connecting" }));
          return;
        }
        es.close();
        source = null;
        browserRetries = 0;
        if (lastSeq.current === null) resyncOnOpen = true;
        setStatus((s) => ({ ...s, status: "closed" }));
        timer = setTimeout(open, backoffDelay(attempt++, Math.random()));
      };
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [articleId, isAdmin, userId, dispatch]);

  const hub = useMemo<Hub>(
    () => ({
      subscribe: (h) => {
        handlers.current.add(h);
        return () => {
          handlers.current.delete(h);
        };
      },
      presence: (id) => presence.current.get(id) ?? null,
    }),
    [],
  );

  return (
    <HubContext.Provider value={hub}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </HubContext.Provider>
  );
}

/**
 * Calls `handler` with every event of the tab's stream (it filters by type and
 * articleId itself). The latest handler is always the one called, so `deps`
 * only re-subscribe; without a LiveProvider (signed out) nothing is ever called.
 */
export function useLiveEvents(handler: (e: LiveEvent) => void, deps: DependencyList = []) {
  const hub = useContext(HubContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!hub) return;
    return hub.subscribe((e) => latest.current(e));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hub, ...deps]);
}

/** The stream's state: "open" while events flow. */
export function useLiveStatus(): LiveStatus {
  return useContext(StatusContext).status;
}

/** Whether the stream has been open at least once in this tab (to tell "connecting" from "reconnecting"). */
export function useLiveEverOpen(): boolean {
  return useContext(StatusContext).everOpen;
}

/** The users with `articleId` open according to the latest presence event (null until one arrives). */
export function usePresence(articleId: string): Array<{ id: string; name: string }> | null {
  const hub = useContext(HubContext);
  const [users, setUsers] = useState<Array<{ id: string; name: string }> | null>(() => presenceUsers(hub?.presence(articleId) ?? null));
  useLiveEvents(
    (e) => {
      if (e.type === "presence" && e.articleId === articleId) setUsers(presenceUsers(e));
    },
    [articleId],
  );
  return users;
}

function presenceUsers(e: LiveEvent | null): Array<{ id: string; name: string }> | null {
  if (!e || !Array.isArray(e.users)) return null;
  return (e.users as unknown[]).filter((u): u is { id: string; name: string } => !!u && typeof (u as { id?: unknown }).id === "string" && typeof (u as { name?: unknown }).name === "string");
}
