import "server-only";
import { prisma } from "@/lib/db";

// A sliding window kept in Postgres, so every app process sees the same counts
// and a restart does not reset an attacker's budget.
export async function countHits(key: string, windowMs: number): Promise<number> {
  return prisma.rateLimitHit.count({ where: { key, createdAt: { gt: new Date(Date.now() - windowMs) } } });
}

export async function recordHit(key: string, windowMs: number): Promise<void> {
  await prisma.$transaction([
    prisma.rateLimitHit.create({ data: { key } }),
    // Expired hits are useless; trimming them here keeps the table small without a cron job.
    prisma.rateLimitHit.deleteMany({ where: { key, createdAt: { lt: new Date(Date.now() - windowMs) } } }),
  ]);
}

export async function clearHits(key: string): Promise<void> {
  await prisma.rateLimitHit.deleteMany({ where: { key } });
}
