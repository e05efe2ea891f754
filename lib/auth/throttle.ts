import "server-only";
import { prisma } from "@/lib/db";

// Sign-in throttling, shared by every app process through one table.
//
// Each attempt is charged to its keys *before* the password is checked, by one
// INSERT … ON CONFLICT statement that is both the check and the count: a key
// that is backing off is neither charged nor updated (its row is left out of
// RETURNING), one that is not gets its failure counted and, at its threshold,
// starts backing off at once. Row locks make concurrent attempts on a key queue
// up, so 40 simultaneous wrong passwords get exactly `threshold` evaluations
// (the old read-then-write let 27 of 40 through a limit of 5).
//
// Backoff, not lockout: past the threshold a key waits BASE, then twice as long
// after each further failure, up to MAX; a success clears it. Keys are an
// account *at an address*, an address, and an account from browsers it has not
// signed in on (see device cookie in credentials.ts), so an attacker elsewhere
// cannot keep the real user out.

export const FAILURE_MEMORY_MS = 15 * 60 * 1000;
export const BACKOFF_BASE_MS = 30 * 1000;
export const BACKOFF_MAX_MS = 15 * 60 * 1000;

export const THRESHOLDS = {
  /** One account from one address: a person mistyping, or a guesser. */
  pair: 5,
  /** One address across accounts: a spray from one place. */
  address: 20,
  /** One account from anywhere it has not signed in before: a spray from many places. */
  account: 50,
} as const;

export type ThrottleKind = keyof typeof THRESHOLDS;
export type ThrottleKey = { key: string; threshold: number };

export const throttleKey = (kind: ThrottleKind, ...parts: string[]): ThrottleKey => ({
  key: `signin:${kind}:${parts.join("|")}`,
  threshold: THRESHOLDS[kind],
});

export type ChargeResult = { allowed: true; charged: string[] } | { allowed: false; charged: string[]; retryAfterMs: number };

/** Counts one attempt against every key unless one of them is backing off. */
export async function chargeAttempt(keys: ThrottleKey[]): Promise<ChargeResult> {
  // Rows are locked in key order by every statement here, so concurrent charges
  // and refunds never wait on each other in a cycle (a deadlock).
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = sorted.map((k) => k.key);
  const thresholds = sorted.map((k) => k.threshold);
  const memory = FAILURE_MEMORY_MS / 1000;
  const base = BACKOFF_BASE_MS / 1000;
  const max = BACKOFF_MAX_MS / 1000;
  // `n` is the failure count this attempt brings the key to (a key quiet for
  // FAILURE_MEMORY_MS starts again at 1). At n ≥ threshold the key backs off
  // for base × 2^(n − threshold), capped; the attempt itself still goes ahead.
  // A key already backing off charges nothing (the NOT EXISTS); one that starts
  // backing off while this statement waits for its row lock is left alone by the
  // DO UPDATE's WHERE, and the others' charges are refunded below.
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "threshold", "lastFailureAt", "blockedUntil")
    SELECT i.k, 1, i.th, now(),
           CASE WHEN 1 >= i.th THEN now() + make_interval(secs => ${base}::float8) END
    FROM unnest(${names}::text[], ${thresholds}::int[]) WITH ORDINALITY AS i(k, th, ord)
    WHERE NOT EXISTS (SELECT 1 FROM "SignInThrottle" b WHERE b."key" = ANY(${names}::text[]) AND b."blockedUntil" > now())
    ORDER BY i.ord
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."lastFailureAt" < now() - make_interval(secs => ${memory}::float8) THEN 1 ELSE t."failures" + 1 END,
      "threshold" = EXCLUDED."threshold",
      "lastFailureAt" = now(),
      "blockedUntil" = CASE
        WHEN (CASE WHEN t."lastFailureAt" < now() - make_interval(secs => ${memory}::float8) THEN 1 ELSE t."failures" + 1 END) >= EXCLUDED."threshold"
        THEN now() + make_interval(secs => LEAST(${max}::float8, ${base}::float8 * power(2, (CASE WHEN t."lastFailureAt" < now() - make_interval(secs => ${memory}::float8) THEN 1 ELSE t."failures" + 1 END) - EXCLUDED."threshold")))
        ELSE NULL END
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= now()
    RETURNING t."key"`;
  const charged = rows.map((r) => r.key);
  if (charged.length === names.length) return { allowed: true, charged };
  const blocked = names.filter((n) => !charged.includes(n));
  const [{ until }] = await prisma.$queryRaw<{ until: Date | null }[]>`
    SELECT max("blockedUntil") AS until FROM "SignInThrottle" WHERE "key" = ANY(${blocked}::text[])`;
  return { allowed: false, charged, retryAfterMs: Math.max(1000, (until?.getTime() ?? Date.now()) - Date.now()) };
}

/** After a success: these keys forget their failures (the account at this address). */
export async function clearKeys(keys: string[]): Promise<void> {
  if (keys.length) await prisma.signInThrottle.deleteMany({ where: { key: { in: keys } } });
}

/**
 * After a success or an attempt that was never judged (the password queue was
 * full): the charge is taken back, and a backoff this attempt started is lifted.
 */
export async function refundKeys(keys: string[]): Promise<void> {
  if (!keys.length) return;
  // Locked in key order first, as chargeAttempt does (see there).
  await prisma.$executeRaw`
    UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0),
      "blockedUntil" = CASE WHEN "failures" - 1 >= "threshold" THEN "blockedUntil" ELSE NULL END
    WHERE "key" IN (SELECT "key" FROM "SignInThrottle" WHERE "key" = ANY(${keys}::text[]) ORDER BY "key" FOR UPDATE)`;
}

/** Rows nobody has failed on for a while carry no information; dropped now and then. */
export async function pruneThrottle(): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "lastFailureAt" < now() - make_interval(secs => ${(FAILURE_MEMORY_MS + BACKOFF_MAX_MS) / 1000}::float8)`;
}
