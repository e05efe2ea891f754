import "server-only";
import { sql } from "@/lib/db";
import type { CollectionStats, TermStats } from "./ranking";

// Corpus statistics for BM25: rows and average length per kind, and in how
// many rows of each kind a word occurs. A rare word is counted exactly through
// the GIN index (cheap: few rows); a word in thousands of rows ("said" in a
// quarter of all claims) would cost tens of milliseconds to count, so its share
// is read from PostgreSQL's own statistics instead (pg_stats.most_common_elems,
// kept by ANALYZE/autovacuum). Both are kept for a minute in this process.
// Nothing depends on them being current: candidates and the words they hold
// are always read live, a new fact-check is found at once, and a count a
// minute old only nudges a score.

const TTL_MS = 60_000;
const MAX_TERMS = 50_000;
/** A word's share from the planner's statistics is used when it puts the word in at least this many rows. */
const ESTIMATE_MIN_ROWS = 2_000;

type Stamped<T> = { at: number; value: T };
type Collections = { claims: CollectionStats; factchecks: CollectionStats };
let collections: Stamped<Collections> | null = null;
let common: Stamped<{ claims: Map<string, number>; factchecks: Map<string, number> }> | null = null;
const terms = new Map<string, Stamped<TermStats>>();

export async function collectionStats(fresh = false) {
  if (!fresh && collections && Date.now() - collections.at < TTL_MS) return collections.value;
  const [row] = await sql<{ cn: number; cl: number | null; fn: number; fl: number | null }>(
    "verity_memory_collections",
    `SELECT (SELECT count(*)::int FROM "Claim") AS cn, (SELECT avg(length("searchVector"))::float8 FROM "Claim") AS cl,
            (SELECT count(*)::int FROM "FactCheck") AS fn, (SELECT avg(length("searchVector"))::float8 FROM "FactCheck") AS fl`,
    [],
  );
  const value = { claims: { n: row.cn, avgdl: row.cl || 1 }, factchecks: { n: row.fn, avgdl: row.fl || 1 } };
  collections = { at: Date.now(), value };
  return value;
}

/** The most common words of each kind and the share of rows holding each, as ANALYZE last sampled them. */
async function commonWords() {
  if (common && Date.now() - common.at < TTL_MS) return common.value;
  const rows = await sql<{ t: string; e: string; f: number }>(
    "verity_memory_common",
    `SELECT s.tablename AS t, x.e, x.f FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(e, f)
     WHERE s.schemaname = current_schema() AND s.tablename IN ('Claim', 'FactCheck') AND s.attname = 'searchVector' AND x.e IS NOT NULL`,
    [],
  );
  const value = { claims: new Map<string, number>(), factchecks: new Map<string, number>() };
  for (const r of rows) (r.t === "Claim" ? value.claims : value.factchecks).set(r.e, Number(r.f));
  common = { at: Date.now(), value };
  return value;
}

/**
 * Rows of each kind holding each lexeme: estimated from the planner's
 * statistics for a word in thousands of rows, else counted exactly through the
 * GIN index; kept for a minute.
 */
export async function termStats(lexemes: readonly string[], coll: Collections): Promise<TermStats[]> {
  const now = Date.now();
  const missing = lexemes.filter((l) => {
    const hit = terms.get(l);
    return !hit || now - hit.at >= TTL_MS;
  });
  if (missing.length) {
    const shares = await commonWords();
    const estimate = (share: number | undefined, n: number) => (share !== undefined && share * n >= ESTIMATE_MIN_ROWS ? Math.round(share * n) : null);
    const known = new Map(missing.map((l) => [l, { claims: estimate(shares.claims.get(l), coll.claims.n), factchecks: estimate(shares.factchecks.get(l), coll.factchecks.n) }]));
    // One lexeme's tsquery is built from its tsvector's text, which quotes it: no word can be read as query syntax.
    const rows = await sql<{ lexeme: string; claims: number | null; factchecks: number | null }>(
      "verity_memory_terms",
      `SELECT l AS lexeme,
              CASE WHEN l = ANY($2::text[]) THEN (SELECT count(*)::int FROM "Claim" WHERE "searchVector" @@ q.q) END AS claims,
              CASE WHEN l = ANY($3::text[]) THEN (SELECT count(*)::int FROM "FactCheck" WHERE "searchVector" @@ q.q) END AS factchecks
       FROM unnest($1::text[]) AS l, LATERAL (SELECT (array_to_tsvector(ARRAY[l])::text)::tsquery AS q) AS q`,
      [missing, missing.filter((l) => known.get(l)!.claims === null), missing.filter((l) => known.get(l)!.factchecks === null)],
    );
    if (terms.size + rows.length > MAX_TERMS) terms.clear();
    for (const r of rows) {
      const k = known.get(r.lexeme)!;
      terms.set(r.lexeme, { at: now, value: { lexeme: r.lexeme, claims: k.claims ?? r.claims ?? 0, factchecks: k.factchecks ?? r.factchecks ?? 0 } });
    }
  }
  return lexemes.map((l) => terms.get(l)?.value ?? { lexeme: l, claims: 0, factchecks: 0 });
}

/** For tests: forget everything counted. */
export function clearStatsCache() {
  collections = null;
  common = null;
  terms.clear();
}
