import "server-only";
import { cache } from "react";
import { createHash } from "node:crypto";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { prisma, sql } from "@/lib/db";
import { authSecret, env, sessionMaxAgeSeconds } from "@/lib/env";
import type { Actor, Role } from "./permissions";
import { readSessionClaims, sessionEndReason, type SessionClaims } from "./session";
import { decodeSessionToken } from "./session-jwt";
import { cachedSessionUser, forgetSessionUser, keepSessionUser, type SessionUserRow } from "./session-user-cache";

export type CurrentUser = Actor & {
  email: string;
  name: string;
  via: "session" | "token";
  /** An admin reset the password: nothing but choosing a new one until then. */
  mustChangePassword: boolean;
  /** Still using the published demo password. */
  demoPassword: boolean;
  /** The session's claims (cookie sessions only), e.g. to re-issue it after a password change. */
  session?: SessionClaims;
};

/** The session cookie is the __Secure- one when Verity's public URL is https (as next-auth sets it). */
const secureSession = () => env().NEXTAUTH_URL?.startsWith("https://") ?? false;

const userSelect = { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, mustChangePassword: true, demoPassword: true } as const;

function toCurrentUser(u: { id: string; email: string; name: string; role: string; active: boolean; mustChangePassword: boolean; demoPassword: boolean }, via: CurrentUser["via"], session?: SessionClaims): CurrentUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, active: u.active, via, mustChangePassword: u.mustChangePassword, demoPassword: u.demoPassword, session };
}

async function readSessionUser(uid: string): Promise<SessionUserRow | null> {
  // Plain SQL on the shared pool, planned once per connection.
  const [u] = await sql<SessionUserRow>(
    "verity_session_user",
    `SELECT id, email, name, role::text AS role, active, "sessionVersion", "mustChangePassword", "demoPassword" FROM "User" WHERE id = $1`,
    [uid],
  );
  return u ?? null;
}

/**
 * The user behind a session cookie's claims: a deactivated user, a changed
 * role, a sign-out or password change elsewhere (session version) and the
 * absolute lifetime all take effect at once on this instance, within a
 * second on another (lib/auth/session-user-cache.ts).
 */
export async function loadSessionUser(claims: SessionClaims | null): Promise<CurrentUser | null> {
  if (!claims) return null;
  const maxAge = sessionMaxAgeSeconds() * 1000;
  // Only a cached row that lets the session through is used; a refusal is always decided on a fresh read.
  const hit = cachedSessionUser(claims.uid);
  if (hit && !sessionEndReason(claims, hit, maxAge)) return toCurrentUser(hit, "session", claims);
  const u = await readSessionUser(claims.uid);
  if (sessionEndReason(claims, u, maxAge)) {
    forgetSessionUser(claims.uid);
    return null;
  }
  keepSessionUser(u!);
  return toCurrentUser(u!, "session", claims);
}

/** The signed-in user for pages and server actions (session cookie), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jwt = await getToken({ req: { cookies: await cookies(), headers: await headers() } as never, secret: authSecret(), secureCookie: secureSession(), decode: decodeSessionToken });
  return loadSessionUser(readSessionClaims(jwt));
});

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function loadTokenUser(plain: string): Promise<CurrentUser | null> {
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(plain) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: userSelect } },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now()) || !token.user.active) return null;
  // lastUsedAt is for the admin's list, so a minute's precision spares a write per request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return toCurrentUser(token.user, "token");
}

/** The caller of an API route: a Bearer API token, else the session cookie. */
export async function resolveRequestUser(req: NextRequest): Promise<CurrentUser | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S{1,200})$/i.exec(header.trim());
    return m ? loadTokenUser(m[1]) : null;
  }
  const jwt = await getToken({ req, secret: authSecret(), secureCookie: secureSession(), decode: decodeSessionToken });
  return loadSessionUser(readSessionClaims(jwt));
}
