import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { can, type Actor } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";

/**
 * The quick start seeds demo accounts whose password is published in the
 * README. One admin action deactivates every one of them still on that
 * password, except the admin's own (they change it on the Account page:
 * deactivating it could leave nobody able to sign in as an admin). Each is
 * audited, its sessions end and its API tokens are revoked, as for any
 * deactivation.
 */
export async function disableDemoAccounts(actor: Actor): Promise<{ disabled: string[] }> {
  if (!can(actor, "user:manage")) throw forbidden();
  const result = await prisma.$transaction(async (tx) => {
    const demo = await tx.user.findMany({ where: { demoPassword: true, active: true, id: { not: actor.id } }, select: { id: true, email: true } });
    if (!demo.length) return { disabled: [], ids: [] };
    const ids = demo.map((d) => d.id);
    // The where clause re-checks the flag: an account whose password changed meanwhile stays active.
    await tx.user.updateMany({ where: { id: { in: ids }, demoPassword: true, active: true }, data: { active: false, sessionVersion: { increment: 1 } } });
    const now = await tx.user.findMany({ where: { id: { in: ids }, active: false }, select: { id: true, email: true } });
    const tokens = await tx.apiToken.findMany({ where: { userId: { in: now.map((u) => u.id) }, revokedAt: null }, select: { id: true, userId: true } });
    if (tokens.length) await tx.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) } }, data: { revokedAt: new Date() } });
    for (const u of now) {
      await recordAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: u.id, changes: { active: { from: true, to: false }, reason: "demo account disabled" } });
    }
    for (const t of tokens) {
      await recordAudit(tx, { actorId: actor.id, action: "token.revoke", entityType: "ApiToken", entityId: t.id, changes: { reason: "demo account disabled", userId: t.userId } });
    }
    return { disabled: now.map((u) => u.email).sort(), ids: now.map((u) => u.id) };
  });
  for (const id of result.ids) forgetSessionUser(id);
  return { disabled: result.disabled };
}
