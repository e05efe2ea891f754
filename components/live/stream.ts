// Pure pieces of the live stream client (no React, no browser globals), unit-tested:
// which stream a page opens, how long to wait before reconnecting, how an SSE
// message becomes a LiveEvent.

/** One event from GET /api/events, plus `seq`: its SSE id (the outbox position). */
export type LiveEvent = { type: string; id: string; articleId?: string; version?: number; [k: string]: unknown } & { seq: string };

/** The article a path shows in the reader (`/articles/<id>` exactly; not `/articles/<id>/edit`). */
export function articleIdFromPath(pathname: string | null | undefined): string | null {
  const m = /^\/articles\/([^/?#]+)\/?$/.exec(pathname ?? "");
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/**
 * The stream a tab opens: every article event and the user's notifications (and
 * import progress for admins), plus the article it has open (which also
 * registers the viewer's presence). `lastEventId` resumes a stream re-opened
 * after a navigation, where the browser's own Last-Event-ID does not apply.
 */
export function streamUrl({ articleId, isAdmin, lastEventId }: { articleId: string | null; isAdmin: boolean; lastEventId: string | null }): string {
  const params = new URLSearchParams();
  params.set("topics", isAdmin ? "article,notification,import" : "article,notification");
  if (articleId) params.set("articleId", articleId);
  if (lastEventId) params.set("lastEventId", lastEventId);
  return `/api/events?${params.toString()}`;
}

const BASE_MS = 1000;
const MAX_MS = 30_000;

/**
 * The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s… up to 30 s,
 * with up to 25% taken off at random (`random` in [0, 1)) so that many tabs
 * dropped by one server restart do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, random = 0): number {
  const full = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
  return Math.round(full * (1 - 0.25 * Math.min(Math.max(random, 0), 1)));
}

/** An SSE message as a LiveEvent, or null for anything that is not one (never throws). */
export function parseLiveEvent(data: string, seq: string): LiveEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const o = parsed as Record<string, unknown>;
  if (typeof o.type !== "string" || !o.type) return null;
  const id = typeof o.id === "string" ? o.id : o.id === undefined || o.id === null ? "" : String(o.id);
  return { ...o, type: o.type, id, seq };
}

/** Whether SSE id `a` comes after `b` (decimal integer strings of any length; null is before all). */
export function isAfter(a: string, b: string | null): boolean {
  if (!/^\d+$/.test(a)) return false;
  if (b === null || !/^\d+$/.test(b)) return true;
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  return x.length !== y.length ? x.length > y.length : x > y;
}
