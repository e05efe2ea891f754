// What a session cookie must carry to be a session, and when it ends. Pure.
//
// next-auth re-issues the cookie with a fresh expiry whenever the session is
// read (every GET /api/auth/session), so the cookie's own expiry is no limit: a
// stolen cookie refreshed now and then lived for ever. The sign-in time travels
// in the token and the session ends SESSION_MAX_AGE after it, however often it
// is refreshed. The user's session version travels too: bumping it in the
// database (sign-out, password change or reset, role change, deactivation) ends
// every session issued before.

export type SessionClaims = {
  uid: string;
  /** The user's sessionVersion when the session was issued. */
  sv: number;
  /** Sign-in time, ms since the epoch. */
  sia: number;
};

export function readSessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { uid, sv, sia } = token;
  if (typeof uid !== "string" || !uid || !Number.isInteger(sv) || typeof sia !== "number" || !Number.isFinite(sia)) return null;
  return { uid, sv: sv as number, sia };
}

export type SessionUserState = { active: boolean; sessionVersion: number };

/** Why a session no longer counts, or null while it does. */
export function sessionEndReason(claims: SessionClaims, user: SessionUserState | null, maxAgeMs: number, now = Date.now()): string | null {
  if (!user) return "no such user";
  if (!user.active) return "deactivated";
  if (claims.sv !== user.sessionVersion) return "ended";
  if (claims.sia > now + 60_000) return "issued in the future";
  if (now >= claims.sia + maxAgeMs) return "expired";
  return null;
}
