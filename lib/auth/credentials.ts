import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { clearHits, countHits, recordHit } from "./rate-limit";
import { dummyHash, verifyPassword } from "./passwords";
import type { Role } from "./permissions";

export const SIGNIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export type SignedInUser = { id: string; email: string; name: string; role: Role };

const accountKey = (email: string) => `signin:account:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/** Throws rate_limited when this account or address has failed too often lately. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const [byAccount, byIp] = await Promise.all([
    countHits(accountKey(email.toLowerCase()), SIGNIN_WINDOW_MS),
    countHits(ipKey(ip), SIGNIN_WINDOW_MS),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError("rate_limited", "Too many failed sign-in attempts. Wait 15 minutes and try again.");
  }
}

/**
 * Checks an email and password. Returns the user, or null for a wrong
 * email/password or a deactivated account (the caller cannot tell which, on purpose).
 * Every failure counts towards the limits and is audited.
 */
export async function verifyCredentials(emailInput: string, password: string, ip: string): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
  await assertSignInAllowed(email, ip);
  const user = email ? await prisma.user.findUnique({ where: { email } }) : null;
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (!user || !ok || !user.active) {
    await Promise.all([recordHit(accountKey(email), SIGNIN_WINDOW_MS), recordHit(ipKey(ip), SIGNIN_WINDOW_MS)]);
    await recordAudit(prisma, {
      actorId: null,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id ?? email.slice(0, 200),
      changes: { email: email.slice(0, 200), reason: !user ? "unknown_email" : !ok ? "wrong_password" : "deactivated" },
      ip,
    });
    return null;
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "User", entityId: user.id, ip });
  });
  await clearHits(accountKey(email));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
