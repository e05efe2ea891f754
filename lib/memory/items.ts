import "server-only";
import { prisma, type Db } from "@/lib/db";

// An earlier claim or an imported fact-check as "Checked before" and the
// "Same claim" links show it (GET /api/claims/similar, GET /api/claims/:id/links).

export const MAX_ITEM_SOURCES = 10;

export type MemorySource = { url: string; title: string; publisher: string | null; stance: string };
export type ClaimItem = {
  kind: "claim";
  id: string;
  claimText: string;
  verdict: string;
  status: string;
  articleId: string;
  articleTitle: string;
  date: string;
  sources: MemorySource[];
};
export type FactCheckItem = {
  kind: "factcheck";
  id: string;
  claimText: string;
  /** Verity's nearest verdict; null when the publisher's rating could not be mapped. */
  verdict: string | null;
  /** The rating as the publisher wrote it ("Pants on Fire!"), or "2/5" for a number only. */
  rating: string | null;
  publisher: string | null;
  url: string;
  date: string;
};
export type MemoryItem = ClaimItem | FactCheckItem;

export function ratingText(r: { ratingName: string | null; ratingValue: number | null; bestRating: number | null }): string | null {
  if (r.ratingName) return r.ratingName;
  if (r.ratingValue === null) return null;
  return r.bestRating !== null ? `${r.ratingValue}/${r.bestRating}` : String(r.ratingValue);
}

export async function claimItems(ids: readonly string[], db: Db = prisma): Promise<Map<string, ClaimItem>> {
  if (!ids.length) return new Map();
  const rows = await db.claim.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      claimText: true,
      verdict: true,
      status: true,
      articleId: true,
      createdAt: true,
      article: { select: { title: true } },
      sources: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], take: MAX_ITEM_SOURCES, select: { url: true, title: true, publisher: true, stance: true } },
    },
  });
  return new Map(
    rows.map((c) => [
      c.id,
      {
        kind: "claim",
        id: c.id,
        claimText: c.claimText,
        verdict: c.verdict,
        status: c.status,
        articleId: c.articleId,
        articleTitle: c.article.title,
        date: c.createdAt.toISOString(),
        sources: c.sources,
      },
    ]),
  );
}

export async function factCheckItems(ids: readonly string[], db: Db = prisma): Promise<Map<string, FactCheckItem>> {
  if (!ids.length) return new Map();
  const rows = await db.factCheck.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, claimReviewed: true, verdict: true, ratingName: true, ratingValue: true, bestRating: true, publisher: true, url: true, datePublished: true, createdAt: true },
  });
  return new Map(
    rows.map((f) => [
      f.id,
      {
        kind: "factcheck",
        id: f.id,
        claimText: f.claimReviewed,
        verdict: f.verdict,
        rating: ratingText(f),
        publisher: f.publisher,
        url: f.url,
        date: (f.datePublished ?? f.createdAt).toISOString(),
      },
    ]),
  );
}
