import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/mutations";
import { dummyHash, hashQueueBusy, hashQueueHasRoom, verifyPassword } from "./passwords";
import { chargeAttempt, clearKeys, pruneThrottle, refundKeys, throttleKey, type ThrottleKey } from "./throttle";
import type { Role } from "./permissions";

export type SignedInUser = { id: string; email: string; name: string; role: Role; sessionVersion: number; mustChangePassword: boolean };

export type SignInContext = {
  ip: string;
  /** The browser carries a valid device cookie for this account (see device.ts). */
  knownDevice?: boolean;
};

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many failed sign-in attempts. Try again in ${describeWait(retryAfterSeconds)}.`);
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function keysFor(email: string, ctx: SignInContext): { keys: ThrottleKey[]; pair: ThrottleKey } {
  const pair = throttleKey("pair", email, ctx.ip);
  const keys = [pair, throttleKey("address", ctx.ip)];
  if (!ctx.knownDevice) keys.push(throttleKey("account", email));
  return { keys, pair };
}

/**
 * Checks an email and password. Returns the user, or null for a wrong
 * email/password or a deactivated account (the caller cannot tell which, on
 * purpose). Throws RateLimited while a key backs off, and unavailable (503)
 * when the password checker's queue is full; neither is charged or judged.
 */
export async function verifyCredentials(emailInput: string, password: string, ctx: SignInContext): Promise<SignedInUser | null> {
  const email = emailInput.trim().toLowerCase();
  // Refuse before charging: a busy server is not the caller's failure.
  if (!hashQueueHasRoom()) throw hashQueueBusy();
  const { keys, pair } = keysFor(email, ctx);
  const charge = await chargeAttempt(keys);
  if (!charge.allowed) {
    // Keys that were charged alongside a backing-off one were never judged.
    await refundKeys(charge.charged);
    throw new RateLimited(Math.ceil(charge.retryAfterMs / 1000));
  }
  if (Math.random() < 0.01) void pruneThrottle().catch(() => {});

  let user, ok;
  try {
    user = email ? await prisma.user.findUnique({ where: { email } }) : null;
    ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  } catch (e) {
    await refundKeys(charge.charged).catch(() => {});
    throw e;
  }
  if (!user || !ok || !user.active) {
    await recordAudit(prisma, {
      actorId: null,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id ?? email.slice(0, 200),
      changes: { email: email.slice(0, 200), reason: !user ? "unknown_email" : !ok ? "wrong_password" : "deactivated" },
      ip: ctx.ip,
    });
    return null;
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "auth.sign_in", entityType: "User", entityId: user.id, ip: ctx.ip });
  });
  // This account at this address starts afresh; the wider keys only take back this attempt.
  await clearKeys([pair.key]);
  await refundKeys(charge.charged.filter((k) => k !== pair.key));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword };
}
