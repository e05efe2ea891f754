import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { passwordWeakness } from "@/lib/auth/password-policy";
import { can, type Actor } from "@/lib/auth/permissions";
import type { PasswordChangeInput, PasswordResetInput } from "@/lib/auth/schema";
import { chargeAttempt, clearKeys, throttleKey } from "@/lib/auth/throttle";
import { AppError, forbidden, invalidInput, notFound } from "@/lib/errors";
import { forgetSessionUser } from "@/lib/auth/session-user-cache";

// Passwords after sign-up: a user changes their own, an admin resets anyone
// else's. Either ends the user's sessions (the session version goes up), in the
// same transaction as the new hash and its audit event; neither is ever logged.

function assertStrong(field: string, password: string, person: { email: string; name: string }) {
  const weakness = passwordWeakness(password, person, env().DEMO_PASSWORD);
  if (weakness) throw invalidInput({ [field]: weakness });
}

/**
 * The signed-in user's own change. Returns the new session version, so the
 * caller can re-issue this browser's session while every other one ends.
 */
export async function changeOwnPassword(user: CurrentUser, input: PasswordChangeInput, ip?: string): Promise<{ sessionVersion: number }> {
  if (!can(user, "account:password")) throw forbidden();
  // A stolen session must not become a way to guess the password behind it.
  const key = throttleKey("pair", `password-change:${user.id}`, "any");
  const charge = await chargeAttempt([key]);
  if (!charge.allowed) throw new AppError("rate_limited", `Too many wrong current passwords. Try again in ${Math.ceil(charge.retryAfterMs / 1000)} seconds.`);
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true, email: true, name: true } });
  if (!row) throw notFound("User");
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await recordAudit(prisma, { actorId: user.id, action: "user.password_change_failed", entityType: "User", entityId: user.id, ip });
    throw invalidInput({ currentPassword: "is not your current password" });
  }
  await clearKeys([key.key]);
  if (input.newPassword === input.currentPassword) throw invalidInput({ newPassword: "must be different from your current password" });
  assertStrong("newPassword", input.newPassword, row);
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await prisma.$transaction(async (tx) => {
    // Guarded by the version read above: a reset or sign-out in between wins, and this change is refused, not lost.
    const r = await tx.user.updateMany({
      where: { id: user.id, sessionVersion: row.sessionVersion, active: true },
      data: { passwordHash, mustChangePassword: false, demoPassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (r.count === 0) throw new AppError("conflict", "Your account changed meanwhile (signed out elsewhere or reset by an admin). Sign in again and retry.");
    await recordAudit(tx, { actorId: user.id, action: "user.password_change", entityType: "User", entityId: user.id, changes: { otherSessionsEnded: true }, ip });
    return { sessionVersion: row.sessionVersion + 1 };
  });
  forgetSessionUser(user.id);
  return changed;
}

/** An admin sets a temporary password: the user's sessions end and they must choose their own at next sign-in. */
export async function resetPassword(actor: Actor, id: string, input: PasswordResetInput): Promise<void> {
  if (!can(actor, "user:manage")) throw forbidden();
  if (id === actor.id) throw new AppError("conflict", "Change your own password on your Account page", { fields: { password: "use your Account page for your own password" } });
  const target = await prisma.user.findUnique({ where: { id }, select: { email: true, name: true } });
  if (!target) throw notFound("User");
  assertStrong("password", input.password, target);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const r = await tx.user.updateMany({
      where: { id },
      data: { passwordHash, mustChangePassword: true, demoPassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    if (r.count === 0) throw notFound("User");
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "User", entityId: id, changes: { mustChangePassword: true, sessionsEnded: true } });
  });
  forgetSessionUser(id);
}

/**
 * The operator's way back in when no admin can sign in (`npm run user:reset-password`):
 * a generated temporary password for `email`, which must be changed at next
 * sign-in; the user's sessions end. Audited with no actor ("command line").
 */
export async function resetPasswordFromCommandLine(email: string): Promise<{ password: string; user: { email: string; name: string; role: string; active: boolean } }> {
  const { randomBytes } = await import("node:crypto");
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user) throw notFound(`User ${email}`);
  // 24 characters of base64url: about 144 bits, far past any guessing.
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true, demoPassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: null, action: "user.password_reset", entityType: "User", entityId: user.id, changes: { mustChangePassword: true, sessionsEnded: true, via: "command line" } });
  });
  return { password, user };
}
