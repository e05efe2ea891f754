// The session user's row, kept for a moment: a burst of requests from one
// reviewer (a page and its API calls, a script writing claims) reads it once.
// lib/auth/current-user.ts uses a cached row only when it lets the session
// through; anything that would end the session (the cookie's version differs,
// the user is inactive or gone) is decided on a fresh read. Changes made by
// this instance (sign-out, password, role, deactivation) forget the row at
// once; one made by another instance is seen here within SESSION_USER_TTL_MS.
// No Next or database imports: the user mutations and the CLI import it.

export type SessionUserRow = { id: string; email: string; name: string; role: string; active: boolean; sessionVersion: number; mustChangePassword: boolean; demoPassword: boolean };

export const SESSION_USER_TTL_MS = 1000;
const CACHE_MAX = 1000;
// On globalThis: Next bundles route handlers, pages and server actions
// separately, each with its own copy of this module; they must share one cache,
// so a change made through one is forgotten by all.
type Store = { ttlMs: number; rows: Map<string, { row: SessionUserRow; at: number }> };
const g = globalThis as typeof globalThis & { __veritySessionUsers?: Store };
const store: Store = (g.__veritySessionUsers ??= { ttlMs: SESSION_USER_TTL_MS, rows: new Map() });
const cached = store.rows;

export function cachedSessionUser(id: string, now = Date.now()): SessionUserRow | null {
  const hit = cached.get(id);
  if (!hit) return null;
  if (now - hit.at >= store.ttlMs) {
    cached.delete(id);
    return null;
  }
  return hit.row;
}

export function keepSessionUser(row: SessionUserRow, now = Date.now()): void {
  if (store.ttlMs <= 0) return;
  cached.delete(row.id);
  // Oldest first out: a Map iterates in insertion order.
  if (cached.size >= CACHE_MAX) cached.delete(cached.keys().next().value!);
  cached.set(row.id, { row, at: now });
}

/** Forget one user's cached row (after changing it, once committed), or every row. */
export function forgetSessionUser(id?: string): void {
  if (id === undefined) cached.clear();
  else cached.delete(id);
}

/** Tests that change users behind the app's back (straight through Prisma) turn the cache off with 0. */
export function setSessionUserTtl(ms: number): void {
  store.ttlMs = ms;
  cached.clear();
}
