import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { articleTag, factCheckTag, languageDomain, matches, rowQuery, type Domain } from "./languages";
import { searchDetails } from "./details";
import { CANDIDATE_LIMIT, SEARCH_TYPES, type SearchCounts, type SearchItem, type SearchQuery, type SearchResult, type SearchType } from "./schema";

// How a search stays fast on a newsroom's archive (10,000 articles, 100,000
// claims): each type's matches come from its GIN index, at most
// CANDIDATE_LIMIT + 1 of them (a LIMIT the index scan stops at, so a word in
// every article costs the same as a word in a thousand); only those are
// ranked (ts_rank) and counted, and only the page's rows get a headline
// (details.ts). A type with more matches is reported as capped: its count is
// a floor ("1,000+").

type Ranked = { id: string; score: number; date: string | null };
type TypeResult = { n: number; rows: Ranked[] };

const LIMIT = CANDIDATE_LIMIT + 1;

// A claim's article (a source's claim) is looked up by primary key for each
// matching row: a LATERAL subquery with OFFSET 0 cannot be turned into a join,
// which the planner would otherwise run as a hash join over every article (or
// every claim) to serve a few hundred matches.
const ARTICLE_OF_CLAIM = Prisma.sql`CROSS JOIN LATERAL (SELECT a0."language", a0.publisher FROM "Article" a0 WHERE a0.id = c."articleId" OFFSET 0) a`;
const CLAIM_OF_SOURCE = Prisma.sql`CROSS JOIN LATERAL (SELECT c0."articleId", c0.verdict, c0.status FROM "Claim" c0 WHERE c0.id = s."claimId" OFFSET 0) c`;
const ARTICLE_STATES = new Set<string>(ARTICLE_STATUSES);

/** `%text%` for ILIKE, its own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty);

function dateRange(col: Prisma.Sql, q: SearchQuery): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (q.from) out.push(Prisma.sql`${col} >= ${q.from}`);
  if (q.to) out.push(Prisma.sql`${col} < ${q.to}`);
  return out;
}

/** Whether a filter rules a whole type out (a verdict for articles, a claim state for fact-checks). */
export function typeApplies(type: SearchType, q: Pick<SearchQuery, "verdict" | "status">): boolean {
  const articleState = q.status ? ARTICLE_STATES.has(q.status) : null;
  switch (type) {
    case "article":
      return !q.verdict && articleState !== false;
    case "claim":
    case "source":
      return articleState !== true;
    case "factcheck":
      return !q.status;
  }
}

/** One type's matching rows with their filters: `SELECT id, score, date … LIMIT CANDIDATE_LIMIT + 1` (exported for EXPLAIN in the bench). */
export function candidates(type: SearchType, q: SearchQuery, articles: Domain, factChecks: Domain): Prisma.Sql {
  const text = q.q;
  const publisher = q.publisher ? containsPattern(q.publisher) : null;
  switch (type) {
    case "article": {
      const vec = Prisma.sql`a."searchVector"`;
      const date = Prisma.sql`coalesce(a."publishedAt", a."createdAt")`;
      const where = [
        ...(q.status ? [Prisma.sql`a.status = ${q.status}::"ArticleStatus"`] : []),
        ...(publisher ? [Prisma.sql`a.publisher ILIKE ${publisher}`] : []),
        ...dateRange(date, q),
      ];
      return Prisma.sql`SELECT a.id, ts_rank(${vec}, ${rowQuery(articles, articleTag, text)}, 1) AS score, ${date} AS date
        FROM "Article" a WHERE ${matches(articles, vec, articleTag, text)} ${and(where)} LIMIT ${LIMIT}`;
    }
    case "claim": {
      const vec = Prisma.sql`c."searchVector"`;
      const where = [
        ...(q.verdict ? [Prisma.sql`c.verdict = ${q.verdict}::"Verdict"`] : []),
        ...(q.status ? [Prisma.sql`c.status = ${q.status}::"ClaimStatus"`] : []),
        ...(publisher ? [Prisma.sql`a.publisher ILIKE ${publisher}`] : []),
        ...dateRange(Prisma.sql`c."createdAt"`, q),
      ];
      // The article is read only when its language or publisher is needed.
      const join = articles.arms.length || publisher ? ARTICLE_OF_CLAIM : Prisma.empty;
      return Prisma.sql`SELECT c.id, ts_rank(${vec}, ${rowQuery(articles, articleTag, text)}, 1) AS score, c."createdAt" AS date
        FROM "Claim" c ${join} WHERE ${matches(articles, vec, articleTag, text)} ${and(where)} LIMIT ${LIMIT}`;
    }
    case "source": {
      const vec = Prisma.sql`s."searchVector"`;
      const byClaim = !!(q.verdict || q.status);
      const where = [
        ...(q.verdict ? [Prisma.sql`c.verdict = ${q.verdict}::"Verdict"`] : []),
        ...(q.status ? [Prisma.sql`c.status = ${q.status}::"ClaimStatus"`] : []),
        ...(publisher ? [Prisma.sql`s.publisher ILIKE ${publisher}`] : []),
        ...dateRange(Prisma.sql`s."createdAt"`, q),
      ];
      const join = articles.arms.length ? Prisma.sql`${CLAIM_OF_SOURCE} ${ARTICLE_OF_CLAIM}` : byClaim ? CLAIM_OF_SOURCE : Prisma.empty;
      return Prisma.sql`SELECT s.id, ts_rank(${vec}, ${rowQuery(articles, articleTag, text)}, 1) AS score, s."createdAt" AS date
        FROM "Source" s ${join} WHERE ${matches(articles, vec, articleTag, text)} ${and(where)} LIMIT ${LIMIT}`;
    }
    case "factcheck": {
      const vec = Prisma.sql`f."searchVector"`;
      const date = Prisma.sql`coalesce(f."datePublished", f."createdAt")`;
      const where = [
        ...(q.verdict ? [Prisma.sql`f.verdict = ${q.verdict}::"Verdict"`] : []),
        ...(publisher ? [Prisma.sql`f.publisher ILIKE ${publisher}`] : []),
        ...dateRange(date, q),
      ];
      return Prisma.sql`SELECT f.id, ts_rank(${vec}, ${rowQuery(factChecks, factCheckTag, text)}, 1) AS score, ${date} AS date
        FROM "FactCheck" f WHERE ${matches(factChecks, vec, factCheckTag, text)} ${and(where)} LIMIT ${LIMIT}`;
    }
  }
}

/** A type's candidate count and, when `take` > 0, its best `take` rows after `skip` (never past CANDIDATE_LIMIT). */
async function rankType(type: SearchType, q: SearchQuery, domains: [Domain, Domain], wanted: number, skip: number): Promise<TypeResult> {
  if (!typeApplies(type, q)) return { n: 0, rows: [] };
  const cand = candidates(type, q, ...domains);
  const take = Math.min(wanted, CANDIDATE_LIMIT - skip);
  if (take <= 0) {
    const [{ n }] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM (${cand}) m`;
    return { n, rows: [] };
  }
  // One row whatever the page: the count and the page's rows as JSON.
  const [r] = await prisma.$queryRaw<Array<{ n: number; rows: Ranked[] }>>`
    WITH m AS MATERIALIZED (${cand})
    SELECT (SELECT count(*)::int FROM m) AS n,
           (SELECT coalesce(json_agg(p), '[]'::json) FROM (
              SELECT id, score, date FROM m ORDER BY score DESC, date DESC NULLS LAST, id LIMIT ${take} OFFSET ${skip}) p) AS rows`;
  return r;
}

const TYPE_ORDER: Record<SearchType, number> = { article: 0, claim: 1, factcheck: 2, source: 3 };

/** GET /api/search: ranked, filtered, paged matches of every type with each type's count. */
export async function search(q: SearchQuery): Promise<SearchResult> {
  const domains: [Domain, Domain] = await Promise.all([languageDomain("article"), languageDomain("factcheck")]);
  const { page, pageSize } = q;
  // One type: its page. Every type: the best page × pageSize of each, merged by score.
  const results = await Promise.all(
    SEARCH_TYPES.map((t) =>
      q.type ? rankType(t, q, domains, t === q.type ? pageSize : 0, t === q.type ? (page - 1) * pageSize : 0) : rankType(t, q, domains, page * pageSize, 0),
    ),
  );
  const counts = {} as SearchCounts;
  const capped = {} as Record<SearchType, boolean>;
  SEARCH_TYPES.forEach((t, i) => {
    counts[t] = Math.min(results[i].n, CANDIDATE_LIMIT);
    capped[t] = results[i].n > CANDIDATE_LIMIT;
  });
  let picked = SEARCH_TYPES.flatMap((t, i) => results[i].rows.map((r) => ({ ...r, type: t })));
  if (!q.type) {
    picked = picked
      .sort((x, y) => y.score - x.score || (y.date ?? "").localeCompare(x.date ?? "") || TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.id < y.id ? -1 : 1))
      .slice((page - 1) * pageSize, page * pageSize);
  }
  const items: SearchItem[] = await searchDetails(picked, q.q, domains);
  const total = q.type ? counts[q.type] : SEARCH_TYPES.reduce((s, t) => s + counts[t], 0);
  return { items, total, page, pageSize, counts, capped };
}

/**
 * The articles list's `q`: ids of articles whose title contains `q` (any case)
 * or whose title and body match it as a web search (stemmed, accents ignored),
 * newest first, with how many there are.
 *
 * A word found in every article must not cost a read of every article's
 * vector. The page comes from the newest matches of each part (at most
 * skip + take each; the text part walks the createdAt index and stops). The
 * text matches are counted from the GIN index: the planner prices a bitmap
 * scan over every row above a sequential scan, but the sequential scan has to
 * unpack each row's vector to test it (24 ms for 10,000 articles of 5 KB)
 * while the bitmap needs no recheck for a plain word (3 ms), so the count runs
 * with sequential scans off for its transaction. Title-only matches are
 * counted apart (a scan of the titles).
 */
export async function articleIdsMatching(text: string, opts: { status?: string; skip: number; take: number }): Promise<{ ids: string[]; total: number }> {
  const domain = await languageDomain("article");
  const status = opts.status ? Prisma.sql`AND a.status = ${opts.status}::"ArticleStatus"` : Prisma.empty;
  const words = matches(domain, Prisma.sql`a."searchVector"`, articleTag, text);
  const title = Prisma.sql`a.title ILIKE ${containsPattern(text)}`;
  const upTo = opts.skip + opts.take;
  const [page, wordCount, titleCount] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM (
        (SELECT a.id, a."createdAt" FROM "Article" a WHERE ${words} ${status} ORDER BY a."createdAt" DESC, a.id DESC LIMIT ${upTo})
        UNION
        (SELECT a.id, a."createdAt" FROM "Article" a WHERE ${title} ${status} ORDER BY a."createdAt" DESC, a.id DESC LIMIT ${upTo})
      ) m ORDER BY "createdAt" DESC, id DESC LIMIT ${opts.take} OFFSET ${opts.skip}`,
    prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const [r] = await tx.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Article" a WHERE ${words} ${status}`;
      return r.n;
    }),
    prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Article" a WHERE ${title} ${status} AND NOT coalesce(${words}, false)`.then(([r]) => r.n),
  ]);
  return { ids: page.map((r) => r.id), total: wordCount + titleCount };
}
