import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findConflicts } from "@/lib/claims/conflicts";
import type { ReviewQueueQuery } from "./schema";

/** Submitted claims, oldest submission first, each flagged when it contradicts an overlapping claim. */
export async function listReviewQueue(query: ReviewQueueQuery = {}) {
  const where: Prisma.ClaimWhereInput = {
    status: "SUBMITTED",
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.reviewerId ? { authorId: query.reviewerId } : {}),
    ...(query.verdict ? { verdict: query.verdict } : {}),
  };
  const rows = await prisma.claim.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, exact: true, start: true, end: true, claimText: true, verdict: true, version: true, submittedAt: true, anchorStatus: true,
      article: { select: { id: true, title: true } },
      author: { select: { id: true, name: true } },
      _count: { select: { sources: true } },
    },
  });
  const conflicts = await conflictsFor([...new Set(rows.map((r) => r.article.id))]);
  return rows.map(({ _count, ...r }) => ({ ...r, sourceCount: _count.sources, hasConflict: conflicts.has(r.id) }));
}

/** Ids of conflicting claims across the given articles. */
export async function conflictsFor(articleIds: string[]): Promise<Set<string>> {
  if (!articleIds.length) return new Set();
  const claims = await prisma.claim.findMany({
    where: { articleId: { in: articleIds }, status: { not: "REJECTED" }, anchorStatus: { not: "ORPHANED" } },
    select: { id: true, articleId: true, start: true, end: true, verdict: true },
  });
  const out = new Set<string>();
  const byArticle = new Map<string, typeof claims>();
  for (const c of claims) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  for (const list of byArticle.values()) for (const id of findConflicts(list)) out.add(id);
  return out;
}

export async function reviewQueueSize(): Promise<{ count: number; oldest: Date | null }> {
  const [count, oldest] = await Promise.all([
    prisma.claim.count({ where: { status: "SUBMITTED" } }),
    prisma.claim.findFirst({ where: { status: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, select: { submittedAt: true } }),
  ]);
  return { count, oldest: oldest?.submittedAt ?? null };
}

/** The queue's filter choices: articles and reviewers with submitted claims. */
export async function reviewQueueFacets() {
  const [articles, reviewers] = await Promise.all([
    prisma.article.findMany({ where: { claims: { some: { status: "SUBMITTED" } } }, select: { id: true, title: true }, orderBy: { title: "asc" } }),
    prisma.user.findMany({ where: { claims: { some: { status: "SUBMITTED" } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { articles, reviewers };
}

/** A claim's timeline from its audit events, oldest first. */
export async function claimHistory(claimId: string) {
  return prisma.auditEvent.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, changes: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
}
