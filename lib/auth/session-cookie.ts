import "server-only";
import { encodeSessionToken } from "./session-jwt";
import { authSecret, sessionMaxAgeSeconds } from "@/lib/env";
import { secureCookies } from "./options";
import type { CurrentUser } from "./current-user";

/** next-auth's session cookie name (its defaults: __Secure- prefixed over https). */
export const sessionCookieName = () => `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;

/**
 * A Set-Cookie header carrying this browser's session under a new session
 * version: after the user changes their password every other session ends
 * but this one goes on. The sign-in time is kept, so the absolute lifetime
 * does not restart.
 */
export async function reissuedSessionCookie(user: CurrentUser, sessionVersion: number): Promise<string | null> {
  if (user.via !== "session" || !user.session) return null;
  const maxAge = sessionMaxAgeSeconds();
  const token = await encodeSessionToken({
    token: { sub: user.id, uid: user.id, role: user.role, name: user.name, email: user.email, sv: sessionVersion, sia: user.session.sia },
    secret: authSecret() ?? "",
    maxAge,
  });
  const remaining = Math.max(0, Math.floor((user.session.sia + maxAge * 1000 - Date.now()) / 1000));
  return [
    `${sessionCookieName()}=${token}`,
    "Path=/",
    `Max-Age=${remaining}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secureCookies() ? ["Secure"] : []),
  ].join("; ");
}
