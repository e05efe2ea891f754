import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// A row's words are indexed with its language's text search configuration
// (verity_ts_config: "verity_english" for "en", "verity_simple" when Postgres
// has no stemmer), so a query must be parsed with that same configuration,
// row by row. Parsing it once per configuration in use and OR-ing the parsed
// queries would break "-word" (a row failing one configuration's query passes
// another's), so each configuration gets its own condition, limited to the rows
// in its languages:
//
//   (tag IN ('fr')     AND vec @@ websearch_to_tsquery('verity_french', q))
//   OR (tag NOT IN ('fr') AND vec @@ websearch_to_tsquery('verity_english', q))
//
// The configuration of the most rows takes every language not listed (so a
// language first seen after the list was read is still searched, with that
// stemmer), and when a table uses one configuration the condition is just
// `vec @@ query`, which the planner estimates from the index statistics.
// Claims and sources are in their article's language; fact-checks in their own.

/** Languages are compared by primary subtag, lower-cased, as verity_ts_config does ("pt-BR" → "pt"). */
export const articleTag = Prisma.sql`lower(split_part(coalesce(a."language", ''), '-', 1))`;
export const factCheckTag = Prisma.sql`lower(split_part(coalesce(f."language", ''), '-', 1))`;

export type Domain = {
  /** The configuration of most rows, and of any language not in `arms`. */
  fallback: string;
  /** The other configurations in use, each with the language tags it stems. */
  arms: Array<{ cfg: string; tags: string[] }>;
};

type Row = { cfg: string; tags: string[]; n: number };

/** How long a table's languages are reused before they are read again. */
const TTL_MS = 60_000;
const cache = new Map<"article" | "factcheck", { at: number; domain: Promise<Domain> }>();

function toDomain(rows: Row[]): Domain {
  if (!rows.length) return { fallback: "verity_simple", arms: [] };
  return { fallback: rows[0].cfg, arms: rows.slice(1).map(({ cfg, tags }) => ({ cfg, tags })) };
}

// A whole-table GROUP BY (a few milliseconds at 10,000 rows): read at most once a minute.
async function read(table: "article" | "factcheck"): Promise<Domain> {
  const rows =
    table === "article"
      ? await prisma.$queryRaw<Row[]>`
          SELECT verity_ts_config(tag)::text AS cfg, array_agg(tag ORDER BY tag) AS tags, sum(n)::int AS n
          FROM (SELECT ${articleTag} AS tag, count(*) AS n FROM "Article" a GROUP BY 1) t
          GROUP BY 1 ORDER BY 3 DESC, 1`
      : await prisma.$queryRaw<Row[]>`
          SELECT verity_ts_config(tag)::text AS cfg, array_agg(tag ORDER BY tag) AS tags, sum(n)::int AS n
          FROM (SELECT ${factCheckTag} AS tag, count(*) AS n FROM "FactCheck" f GROUP BY 1) t
          GROUP BY 1 ORDER BY 3 DESC, 1`;
  return toDomain(rows);
}

/** The configurations a table's rows use (cached for a minute; an empty table is not cached). */
export async function languageDomain(table: "article" | "factcheck"): Promise<Domain> {
  const hit = cache.get(table);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.domain;
  const domain = read(table);
  cache.set(table, { at: Date.now(), domain });
  try {
    const d = await domain;
    if (d.arms.length === 0 && d.fallback === "verity_simple") cache.delete(table);
    return d;
  } catch (e) {
    cache.delete(table);
    throw e;
  }
}

/** Forgets the cached languages (tests that add a language and search at once). */
export function forgetLanguages(): void {
  cache.clear();
}

const parsed = (cfg: string, q: string) => Prisma.sql`websearch_to_tsquery(${cfg}::regconfig, ${q})`;
const otherTags = (d: Domain) => d.arms.flatMap((a) => a.tags);

/**
 * Whether `vec` matches the web-search query `q`, each row parsed in its own
 * configuration. With several configurations the condition opens with
 * `vec @@ q1 OR vec @@ q2 …`, which needs nothing but the row itself: the
 * planner serves it from the GIN index (a BitmapOr) before the row's language
 * is looked up. It would not derive it when the language comes from a LATERAL
 * lookup (claims, sources), and would read every row instead.
 */
export function matches(d: Domain, vec: Prisma.Sql, tag: Prisma.Sql, q: string): Prisma.Sql {
  if (!d.arms.length) return Prisma.sql`${vec} @@ ${parsed(d.fallback, q)}`;
  const cfgs = [...d.arms.map((a) => a.cfg), d.fallback];
  const any = cfgs.map((cfg) => Prisma.sql`${vec} @@ ${parsed(cfg, q)}`);
  const arms = d.arms.map((a) => Prisma.sql`(${tag} = ANY(${a.tags}::text[]) AND ${vec} @@ ${parsed(a.cfg, q)})`);
  arms.push(Prisma.sql`(NOT (${tag} = ANY(${otherTags(d)}::text[])) AND ${vec} @@ ${parsed(d.fallback, q)})`);
  return Prisma.sql`((${Prisma.join(any, " OR ")}) AND (${Prisma.join(arms, " OR ")}))`;
}

/** The row's parsed query (for ts_rank and ts_headline). */
export function rowQuery(d: Domain, tag: Prisma.Sql, q: string): Prisma.Sql {
  if (!d.arms.length) return parsed(d.fallback, q);
  const whens = d.arms.map((a) => Prisma.sql`WHEN ${tag} = ANY(${a.tags}::text[]) THEN ${parsed(a.cfg, q)}`);
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} ELSE ${parsed(d.fallback, q)} END)`;
}

/** The row's configuration (for ts_headline). */
export function rowConfig(d: Domain, tag: Prisma.Sql): Prisma.Sql {
  if (!d.arms.length) return Prisma.sql`${d.fallback}::regconfig`;
  const whens = d.arms.map((a) => Prisma.sql`WHEN ${tag} = ANY(${a.tags}::text[]) THEN ${a.cfg}::regconfig`);
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} ELSE ${d.fallback}::regconfig END)`;
}
