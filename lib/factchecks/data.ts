import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Verdict } from "@/lib/claims/constants";

/** An imported fact-check as the app shows it: the publisher's rating as written, and Verity's nearest verdict (null: unmapped). */
export type FactCheckDto = {
  id: string;
  url: string;
  claimReviewed: string;
  title: string | null;
  claimant: string | null;
  appearanceUrl: string | null;
  rating: { alternateName: string | null; ratingValue: number | null; bestRating: number | null; worstRating: number | null };
  verdict: Verdict | null;
  publisher: string | null;
  /** ISO 8601, or null when the record had no date. */
  datePublished: string | null;
  language: string | null;
  createdAt: string;
};

export const FACT_CHECK_PAGE_SIZE = 20;

const select = {
  id: true, url: true, claimReviewed: true, title: true, claimant: true, appearanceUrl: true,
  ratingName: true, ratingValue: true, bestRating: true, worstRating: true, verdict: true,
  publisher: true, datePublished: true, language: true, createdAt: true,
} satisfies Prisma.FactCheckSelect;

type Row = Prisma.FactCheckGetPayload<{ select: typeof select }>;

export function toFactCheckDto(r: Row): FactCheckDto {
  return {
    id: r.id,
    url: r.url,
    claimReviewed: r.claimReviewed,
    title: r.title,
    claimant: r.claimant,
    appearanceUrl: r.appearanceUrl,
    rating: { alternateName: r.ratingName, ratingValue: r.ratingValue, bestRating: r.bestRating, worstRating: r.worstRating },
    verdict: r.verdict,
    publisher: r.publisher,
    datePublished: r.datePublished ? r.datePublished.toISOString() : null,
    language: r.language,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function getFactCheck(id: string): Promise<FactCheckDto | null> {
  const row = await prisma.factCheck.findUnique({ where: { id }, select });
  return row ? toFactCheckDto(row) : null;
}

/** Newest first by the publisher's date (undated last), then by import. */
export async function listFactChecks({ page = 1, pageSize = FACT_CHECK_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  const take = Math.min(Math.max(1, Math.floor(pageSize)), 100);
  const current = Math.max(1, Math.floor(page));
  const [rows, total] = await prisma.$transaction([
    prisma.factCheck.findMany({
      select,
      orderBy: [{ datePublished: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * take,
      take,
    }),
    prisma.factCheck.count(),
  ]);
  return { items: rows.map(toFactCheckDto), total, page: current, pageSize: take };
}
