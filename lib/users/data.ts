import "server-only";
import { prisma, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Explicit selects: a user row holds passwordHash and a token row its hash, and
// neither may ever reach a response, a page or a log.
export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  lastLoginAt: true,
  mustChangePassword: true,
  demoPassword: true,
  passwordChangedAt: true,
} satisfies Prisma.UserSelect;

export type UserView = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  expiresAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

export type TokenView = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }> & { expired: boolean };

export function listUsers(): Promise<UserView[]> {
  return prisma.user.findMany({ select: userSelect, orderBy: [{ name: "asc" }, { email: "asc" }] });
}

export function getUserView(id: string, db: Db = prisma): Promise<UserView | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** API tokens, newest first (optionally one user's): admins manage all of them, a departed colleague's included. */
export async function listApiTokens(userId?: string): Promise<TokenView[]> {
  const rows = await prisma.apiToken.findMany({ where: userId ? { userId } : {}, select: tokenSelect, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 500 });
  const now = Date.now();
  return rows.map((t) => ({ ...t, expired: !!t.expiresAt && t.expiresAt.getTime() <= now }));
}

/** Active accounts still using the published demo password (the admins' banner). */
export function activeDemoAccounts(): Promise<{ id: string; email: string; role: string }[]> {
  return prisma.user.findMany({ where: { demoPassword: true, active: true }, select: { id: true, email: true, role: true }, orderBy: { email: "asc" } });
}
