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
  const [articles, byVerdict, byStatus] = await Promise.all([
    prisma.article.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.claim.groupBy({ by: ["verdict"], _count: { _all: true } }),
    prisma.claim.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const count = <K extends string>(rows: Array<Record<string, unknown> & { _count: { _all: number } }>, key: string, keys: readonly K[]) =>
    keys.map((k) => [k, rows.find((r) => r[key] === k)?._count._all ?? 0] as const);
  return {
    articles: count(articles, "status", ARTICLE_STATUSES),
    byVerdict: count(byVerdict, "verdict", VERDICTS),
    byStatus: count(byStatus, "status", CLAIM_STATUSES),
  };
}
