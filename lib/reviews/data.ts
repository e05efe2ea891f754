import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflictPartners } from "@/lib/claims/conflicts";
import type { ClaimStatus, Verdict } from "@/lib/claims/constants";
import { buildClaimHistory } from "@/lib/history/claim-history";
import { REVIEW_API_PAGE_SIZE, type ReviewQueueQuery } from "./schema";

/**
 * Submitted claims, oldest submission first, one page at a time, each flagged
 * when it contradicts an overlapping claim (checked on the page's articles
 * only) with the claims it contradicts, and with whether its article's
 * fact-check is published (live), with the number waiting in all.
 */
export async function listReviewQueue(query: ReviewQueueQuery = {}, defaultPageSize = REVIEW_API_PAGE_SIZE) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultPageSize;
  const where: Prisma.ClaimWhereInput = {
    status: "SUBMITTED",
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.reviewerId ? { authorId: query.reviewerId } : {}),
    ...(query.verdict ? { verdict: query.verdict } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.claim.count({ where }),
    prisma.claim.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, exact: true, start: true, end: true, claimText: true, verdict: true, version: true, submittedAt: true, anchorStatus: true,
        article: { select: { id: true, title: true, status: true, factCheckPublishedAt: true } },
        author: { select: { id: true, name: true } },
        _count: { select: { sources: true } },
      },
    }),
  ]);
  const conflicts = await conflictsFor([...new Set(rows.map((r) => r.article.id))]);
  const items = rows.map(({ _count, article, ...r }) => ({
    ...r,
    article: { ...article, isPublished: article.status === "PUBLISHED" },
    sourceCount: _count.sources,
    hasConflict: conflicts.has(r.id),
    conflictsWith: conflicts.get(r.id) ?? [],
  }));
  return { items, total, page, pageSize };
}

/** A claim that contradicts another: enough to name it and link to it. */
export type ConflictPartner = { id: string; claimText: string; verdict: Verdict; status: ClaimStatus };

/** Across the given articles: each conflicting claim's id → the claims it contradicts, in text order. */
export async function conflictsFor(articleIds: string[]): Promise<Map<string, ConflictPartner[]>> {
  const out = new Map<string, ConflictPartner[]>();
  if (!articleIds.length) return out;
  const claims = await prisma.claim.findMany({
    where: { articleId: { in: articleIds }, status: { not: "REJECTED" }, anchorStatus: { not: "ORPHANED" } },
    select: { id: true, articleId: true, start: true, end: true, verdict: true, claimText: true, status: true },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const byArticle = new Map<string, typeof claims>();
  for (const c of claims) {
    const list = byArticle.get(c.articleId);
    if (list) list.push(c);
    else byArticle.set(c.articleId, [c]);
  }
  for (const list of byArticle.values()) {
    for (const [id, partners] of conflictPartners(list)) {
      out.set(id, partners.map((p) => byId.get(p)!).map(({ id, claimText, verdict, status }) => ({ id, claimText, verdict, status })));
    }
  }
  return out;
}

export async function reviewQueueSize(): Promise<{ count: number; oldest: Date | null }> {
  const [count, oldest] = await Promise.all([
    prisma.claim.count({ where: { status: "SUBMITTED" } }),
    prisma.claim.findFirst({ where: { status: "SUBMITTED" }, orderBy: { submittedAt: "asc" }, select: { submittedAt: true } }),
  ]);
  return { count, oldest: oldest?.submittedAt ?? null };
}

/** The article filter offers at most this many articles: those whose claims have waited longest. */
export const FACET_ARTICLES = 100;

/**
 * The queue's filter choices: reviewers with submitted claims, and the articles
 * with claims waiting longest (at most FACET_ARTICLES, by title, plus the one
 * selected), with how many articles have claims waiting in all. A newsroom can
 * have thousands; a list of thousands helps nobody and costs the page its speed.
 */
export async function reviewQueueFacets(selectedArticleId?: string) {
  const [waiting, articleCount, reviewers] = await Promise.all([
    prisma.claim.groupBy({
      by: ["articleId"],
      where: { status: "SUBMITTED" },
      _min: { submittedAt: true },
      orderBy: { _min: { submittedAt: "asc" } },
      take: FACET_ARTICLES,
    }),
    prisma.$queryRaw<Array<{ n: number }>>`SELECT count(DISTINCT "articleId")::int AS n FROM "Claim" WHERE status = 'SUBMITTED'`,
    prisma.user.findMany({ where: { claims: { some: { status: "SUBMITTED" } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const ids = new Set(waiting.map((w) => w.articleId));
  if (selectedArticleId) ids.add(selectedArticleId);
  const articles = ids.size ? await prisma.article.findMany({ where: { id: { in: [...ids] } }, select: { id: true, title: true }, orderBy: { title: "asc" } }) : [];
  return { articles, articlesWaiting: articleCount[0]?.n ?? 0, reviewers };
}

/**
 * A claim's timeline from its audit events, oldest first, as people read it:
 * revisions numbered 1, 2, 3 by changes of content and edited texts as word
 * differences (lib/history/claim-history.ts says why not the `version` counter).
 */
export async function claimHistory(claimId: string) {
  const events = await prisma.auditEvent.findMany({
    where: { entityType: "Claim", entityId: claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, action: true, changes: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  return buildClaimHistory(events);
}
