import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleTag, factCheckTag, rowConfig, rowQuery, type Domain } from "./languages";
import { HIDE, MARK_START, MARK_STOP, markedSnippet, RESERVED } from "./snippet";
import type { SearchItem, SearchType } from "./schema";

// The page's rows only: what each result shows, with a headline (ts_headline,
// the costly part: it parses the text again) of the matched words in context.

/** ts_headline marks with private-use characters, removed from the text first (snippet.ts escapes and turns them into <mark>). */
const OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** One translate(): "<>&" become HIDE.to, and the reserved characters already in the text are dropped. */
const FROM = HIDE.from + RESERVED;
/**
 * An article's headline is cut from its first characters only: a headline
 * parses all of the text it is given (about 0.15 ms per KB), and an article
 * may hold 900,000 characters. A match further in still finds the article; its
 * snippet then shows the opening words unmarked.
 */
const HEADLINE_CHARS = 20_000;

type Picked = { type: SearchType; id: string; score: number };
type Detail = Omit<SearchItem, "type" | "score" | "snippet"> & { raw: string | null; date: Date | null };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function headline(cfg: Prisma.Sql, text: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_headline(${cfg}, translate(${text}, ${FROM}, ${HIDE.to}), ${query}, ${OPTIONS})`;
}

async function articles(ids: string[], q: string, d: Domain): Promise<Detail[]> {
  return prisma.$queryRaw<Detail[]>`
    SELECT a.id, a.title, a.status::text AS status, a.publisher, coalesce(a."publishedAt", a."createdAt") AS date, a.id AS "articleId",
           ${headline(rowConfig(d, articleTag), Prisma.sql`left(a.text, ${HEADLINE_CHARS})`, rowQuery(d, articleTag, q))} AS raw
    FROM "Article" a WHERE a.id = ANY(${ids}::text[])`;
}

async function claims(ids: string[], q: string, d: Domain): Promise<Detail[]> {
  const text = Prisma.sql`concat_ws(' … ', c."claimText", '“' || c.exact || '”', nullif(c.rationale, ''))`;
  return prisma.$queryRaw<Detail[]>`
    SELECT c.id, c."claimText" AS title, c."articleId", c.id AS "claimId", c.verdict::text AS verdict, c.status::text AS status,
           a.publisher, a.title AS "articleTitle", c."createdAt" AS date,
           ${headline(rowConfig(d, articleTag), text, rowQuery(d, articleTag, q))} AS raw
    FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.id = ANY(${ids}::text[])`;
}

async function sources(ids: string[], q: string, d: Domain): Promise<Detail[]> {
  const text = Prisma.sql`concat_ws(' · ', s.title, s.publisher, s.url)`;
  return prisma.$queryRaw<Detail[]>`
    SELECT s.id, s.title, s.url, s.publisher, c."articleId", c.id AS "claimId", c.verdict::text AS verdict, c.status::text AS status,
           a.title AS "articleTitle", c."claimText", s."createdAt" AS date,
           ${headline(rowConfig(d, articleTag), text, rowQuery(d, articleTag, q))} AS raw
    FROM "Source" s JOIN "Claim" c ON c.id = s."claimId" JOIN "Article" a ON a.id = c."articleId" WHERE s.id = ANY(${ids}::text[])`;
}

async function factChecks(ids: string[], q: string, d: Domain): Promise<Detail[]> {
  const text = Prisma.sql`concat_ws(' · ', f."claimReviewed", f.title, f.claimant, f.publisher)`;
  return prisma.$queryRaw<Detail[]>`
    SELECT f.id, coalesce(f.title, f."claimReviewed") AS title, f."claimReviewed" AS "claimText", f.url, f.publisher, f.verdict::text AS verdict,
           f."ratingName" AS rating, coalesce(f."datePublished", f."createdAt") AS date,
           ${headline(rowConfig(d, factCheckTag), text, rowQuery(d, factCheckTag, q))} AS raw
    FROM "FactCheck" f WHERE f.id = ANY(${ids}::text[])`;
}

const LOADERS = { article: articles, claim: claims, source: sources, factcheck: factChecks } as const;

/** The picked rows, in the order given, as the API's items. */
export async function searchDetails(picked: Picked[], q: string, [articleDomain, factCheckDomain]: [Domain, Domain]): Promise<SearchItem[]> {
  const byType = new Map<SearchType, string[]>();
  for (const p of picked) byType.set(p.type, [...(byType.get(p.type) ?? []), p.id]);
  const loaded = await Promise.all(
    [...byType].map(async ([type, ids]) => [type, await LOADERS[type](ids, q, type === "factcheck" ? factCheckDomain : articleDomain)] as const),
  );
  const found = new Map<string, Detail>();
  for (const [type, rows] of loaded) for (const r of rows) found.set(`${type}:${r.id}`, r);
  const items: SearchItem[] = [];
  for (const p of picked) {
    const r = found.get(`${p.type}:${p.id}`);
    // Deleted between the ranking and this read: left out of the page.
    if (!r) continue;
    const { raw, date, ...rest } = r;
    const extras = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
    items.push({ type: p.type, ...extras, id: r.id, title: r.title, snippet: markedSnippet(raw ?? ""), score: Math.round(p.score * 1e6) / 1e6, date: iso(date) } as SearchItem);
  }
  return items;
}
