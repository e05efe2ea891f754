import "server-only";
import { cache } from "react";
import { createHash } from "node:crypto";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { authOptions } from "./options";
import type { Actor, Role } from "./permissions";

export type CurrentUser = Actor & { email: string; name: string; via: "session" | "token" };

async function loadActive(id: string, via: CurrentUser["via"]): Promise<CurrentUser | null> {
  // Re-read on every request: a deactivated user or a changed role takes effect at once.
  const u = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!u || !u.active) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, active: u.active, via };
}

/** The signed-in user for pages and server actions (session cookie), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? loadActive(id, "session") : null;
});

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The caller of an API route: a Bearer API token, else the session cookie. */
export async function resolveRequestUser(req: NextRequest): Promise<CurrentUser | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) return null;
    const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(m[1]) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
    if (!token || token.revokedAt) return null;
    const user = await loadActive(token.userId, "token");
    // lastUsedAt is for the admin's list, so a minute's precision spares a write per request.
    if (user && (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000))
      await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    return user;
  }
  const jwt = await getToken({ req, secret: authSecret() });
  return typeof jwt?.uid === "string" ? loadActive(jwt.uid, "session") : null;
}
