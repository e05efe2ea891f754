import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { toClaimReview } from "./claimreview";

/** A published fact-check: the article and its approved claims only. Null when not published. */
export const getPublishedFactCheck = cache(async (slug: string) => {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, author: true, publisher: true, sourceUrl: true, publishedAt: true, language: true,
      text: true, blocks: true, status: true, factCheckPublishedAt: true,
      claims: {
        where: { status: "APPROVED", anchorStatus: { not: "ORPHANED" } },
        orderBy: [{ start: "asc" }, { end: "desc" }],
        select: {
          id: true, exact: true, start: true, end: true, claimText: true, verdict: true, rationale: true,
          sources: { orderBy: { position: "asc" }, select: { id: true, url: true, title: true, publisher: true, stance: true, archivedUrl: true, excerpt: true } },
          reviews: { where: { decision: "APPROVE" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        },
      },
    },
  });
  if (!article || article.status !== "PUBLISHED" || !article.factCheckPublishedAt) return null;
  return { ...article, publishedAtFactCheck: article.factCheckPublishedAt };
});

export type PublishedFactCheck = NonNullable<Awaited<ReturnType<typeof getPublishedFactCheck>>>;

export function claimReviewsFor(fc: PublishedFactCheck, baseUrl: string) {
  const { ORG_NAME, ORG_URL } = env();
  const pageUrl = `${baseUrl}/fact-checks/${fc.slug}`;
  return fc.claims.map((c) =>
    toClaimReview({
      pageUrl,
      org: { name: ORG_NAME, url: ORG_URL || baseUrl },
      article: fc,
      claim: { id: c.id, claimText: c.claimText, verdict: c.verdict, approvedAt: c.reviews[0]?.createdAt ?? null },
      publishedAt: fc.publishedAtFactCheck,
    }),
  );
}
