import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isValidBlocks, type Block } from "./blocks";
import { articleIdsMatching } from "@/lib/search/data";
import type { ArticleListQuery } from "./schema";

const listSelect = {
  id: true,
  slug: true,
  title: true,
  author: true,
  publisher: true,
  sourceUrl: true,
  publishedAt: true,
  language: true,
  status: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { claims: true } },
} satisfies Prisma.ArticleSelect;

export async function listArticles(query: ArticleListQuery) {
  if (query.q) return listMatchingArticles({ ...query, q: query.q });
  const where: Prisma.ArticleWhereInput = query.status ? { status: query.status } : {};
  const [rows, total] = await prisma.$transaction([
    prisma.article.findMany({
      where,
      select: listSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    prisma.article.count({ where }),
  ]);
  const items = rows.map(({ _count, ...a }) => ({ ...a, claimCount: _count.claims }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * `q` finds articles by title (any part of it, any case) and by their words
 * (title and body, stemmed in the article's language, accents ignored, web
 * search syntax) through the full-text index (lib/search/data.ts).
 */
async function listMatchingArticles(query: ArticleListQuery & { q: string }) {
  const { ids, total } = await articleIdsMatching(query.q, { status: query.status, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
  const rows = ids.length ? await prisma.article.findMany({ where: { id: { in: ids } }, select: listSelect }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { _count, ...a } = row;
    return [{ ...a, claimCount: _count.claims }];
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticle>>>;

/** One article with its text and blocks; cached per request (the page and its metadata both read it). */
export const getArticle = cache(async (id: string) => {
  const a = await prisma.article.findUnique({
    where: { id },
    select: {
      id: true, slug: true, title: true, author: true, publisher: true, sourceUrl: true, publishedAt: true,
      language: true, text: true, blocks: true, html: true, contentHash: true, status: true, revision: true,
      factCheckPublishedAt: true, createdAt: true, updatedAt: true,
    },
  });
  if (!a) return null;
  const blocks: Block[] = isValidBlocks(a.blocks, a.text.length) ? a.blocks : [{ type: "paragraph", start: 0, end: a.text.length }];
  return { ...a, blocks };
});

/**
 * An article's heading (no text, blocks or HTML), cached per request: the
 * reader page's server part needs only this; the text is loaded by the page
 * in the browser (GET /api/articles/:id/reader) so it travels once.
 */
export const getArticleHeading = cache(async (id: string) =>
  prisma.article.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, author: true, publisher: true, sourceUrl: true, publishedAt: true, language: true, status: true, revision: true },
  }),
);
