import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { diffFields } from "@/lib/audit/diff";
import { hashPassword } from "@/lib/auth/passwords";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { can, hasRole, type Actor, type Role } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AppError, forbidden, invalidInput, notFound } from "@/lib/errors";
import { createApiToken, revokeApiToken } from "@/lib/tokens/mutations";
import { adminChangeRefusal } from "./admin-rules";
import { getUserView, userSelect, type UserView } from "./data";
import type { TokenCreateInput, UserCreateInput, UserUpdateInput } from "./schema";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";

const emailTaken = () => new AppError("conflict", "A user with this email already exists", { fields: { email: "is already in use" } });

export async function createUser(actor: Actor, input: UserCreateInput): Promise<UserView> {
  if (!can(actor, "user:manage")) throw forbidden();
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const weakness = passwordWeakness(input.password, input, env().DEMO_PASSWORD);
  if (weakness) throw invalidInput({ password: weakness });
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: userSelect });
      // The password (or its hash) is never part of the audit trail.
      await recordAudit(tx, { actorId: actor.id, action: "user.create", entityType: "User", entityId: user.id, changes: { email: user.email, name: user.name, role: user.role } });
      return user;
    });
  } catch (e) {
    // Two admins creating the same account at once: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw emailTaken();
    throw e;
  }
}

const lowers = (from: Role, to: Role | undefined) => to !== undefined && to !== from && hasRole({ role: from }, to) && !hasRole({ role: to }, from);

/**
 * Role, active flag and name. Takes effect on the user's next request on this
 * instance, within a second on another (lib/auth/session-user-cache.ts). A role change or a
 * deactivation also ends the user's sessions (they sign in again and see what
 * they may now do); a lower role or a deactivation revokes their API tokens,
 * which would otherwise carry on with whatever the user may still do.
 */
export async function updateUser(actor: Actor, id: string, patch: UserUpdateInput): Promise<UserView> {
  if (!can(actor, "user:manage")) throw forbidden();
  const updated = await prisma.$transaction(async (tx) => {
    // Lock the active admins: two admins demoting each other at the same moment
    // must not both succeed and leave nobody able to administer Verity. The
    // second waits here, then sees the first's commit.
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
    const adminIds = admins.map((a) => a.id);
    if (!adminIds.includes(actor.id)) throw forbidden("You are no longer an active admin");
    const before = await getUserView(id, tx);
    if (!before) throw notFound("User");
    const refusal = adminChangeRefusal(actor.id, before, patch, adminIds);
    if (refusal) throw new AppError("conflict", refusal.message, { fields: { [refusal.field]: refusal.message } });
    const changes = diffFields({ role: before.role, active: before.active, name: before.name }, { role: patch.role, active: patch.active, name: patch.name });
    if (Object.keys(changes).length === 0) return before;
    const endsSessions = "role" in changes || (before.active && patch.active === false);
    const after = await tx.user.update({
      where: { id },
      data: { role: patch.role, active: patch.active, name: patch.name, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) },
      select: userSelect,
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: id, changes: { ...(changes as Record<string, Prisma.InputJsonValue>), ...(endsSessions ? { sessionsEnded: true } : {}) } });
    const deactivated = before.active && after.active === false;
    const demoted = lowers(before.role, patch.role);
    if (deactivated || demoted) {
      // Deactivation ends the user's API tokens for good: reactivating someone
      // must not bring back tokens that may have leaked while they were away.
      // A demotion does too: a token made for admin work must not outlive it.
      const reason = deactivated ? "user deactivated" : `role lowered to ${patch.role}`;
      const live = await tx.apiToken.findMany({ where: { userId: id, revokedAt: null }, select: { id: true } });
      if (live.length) {
        await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: new Date() } });
        for (const t of live) await recordAudit(tx, { actorId: actor.id, action: "token.revoke", entityType: "ApiToken", entityId: t.id, changes: { reason, userId: id } });
      }
    }
    return after;
  });
  forgetSessionUser(id);
  return updated;
}

/** A token acting as the admin who creates it; the plain token is in this answer only. */
export async function issueApiToken(actor: Actor, input: TokenCreateInput) {
  if (!can(actor, "token:manage")) throw forbidden();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const t = await createApiToken(actor.id, actor.id, input.name, expiresAt);
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt, expiresAt: t.expiresAt, token: t.token };
}

/** Revoking twice is fine (idempotent); an unknown id is a 404. */
export async function revokeToken(actor: Actor, id: string): Promise<void> {
  if (!can(actor, "token:manage")) throw forbidden();
  if (!(await prisma.apiToken.findUnique({ where: { id }, select: { id: true } }))) throw notFound("API token");
  await revokeApiToken(actor.id, id);
}
