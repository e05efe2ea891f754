import "server-only";
import { prisma, sql } from "@/lib/db";
import { claimItems, factCheckItems, type MemoryItem } from "./items";
import { expandTags } from "./query-text";
import { BM25_B, BM25_K1, CANDIDATE_ROWS, idf, planCandidates, WEIGHT_CLASS, type CandidatePlan } from "./ranking";
import { MIN_SIMILAR_TEXT, type SimilarQuery } from "./schema";
import { collectionStats, termStats } from "./stats";

// GET /api/claims/similar: "Checked before". The earlier claims (any other
// article) and imported fact-checks that check the same claim as a text, best
// first, by BM25 (ranking.ts) computed in PostgreSQL over the indexed words.

export type SimilarItem = MemoryItem & { score: number; linkId?: string };

/**
 * The text's words as the index holds them: stemmed with the drafting
 * article's language (English when it has none or none is given), plus their
 * unstemmed forms (stop words aside) for rows indexed without a language.
 */
async function queryLexemes(text: string, articleId: string | null): Promise<string[]> {
  const rows = await sql<{ lexeme: string }>(
    "verity_memory_lexemes",
    `WITH cfg AS (
       SELECT coalesce((SELECT verity_ts_config(a."language") FROM "Article" a WHERE a.id = $2 AND a."language" IS NOT NULL), 'verity_english'::regconfig) AS c
     )
     SELECT DISTINCT lexeme FROM (
       SELECT u.lexeme FROM cfg, unnest(to_tsvector(cfg.c, $1)) u
       UNION ALL
       SELECT s.lexeme FROM cfg, unnest(to_tsvector('verity_simple', $1)) s
       WHERE cfg.c <> 'verity_simple'::regconfig AND length(to_tsvector(cfg.c, s.lexeme)) > 0
     ) x ORDER BY lexeme`,
    [text, articleId],
  );
  return rows.map((r) => r.lexeme);
}

type Ranked = { kind: "claim" | "factcheck"; id: string; score: number };

/**
 * One statement: each kind's candidates by its planned words through the GIN
 * index (a one-word tsquery is built from that word's tsvector text, which
 * quotes it), then BM25 over the words each candidate shares with the text.
 * Equal scores (the same claim checked twice, in the same words): the earlier
 * check first, as the original.
 */
const RANK_SQL = `
WITH qt AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS t(lexeme, idf)),
cq AS (SELECT array_to_string(array_agg(array_to_tsvector(ARRAY[l])::text), $4::text)::tsquery AS q FROM unnest($3::text[]) AS l),
fq AS (SELECT array_to_string(array_agg(array_to_tsvector(ARRAY[l])::text), $6::text)::tsquery AS q FROM unnest($5::text[]) AS l),
cc AS (
  SELECT c.id, c."searchVector" AS v, c."createdAt" AS at FROM "Claim" c
  WHERE c."searchVector" @@ (SELECT q FROM cq) AND c."articleId" IS DISTINCT FROM $7::text AND c.id IS DISTINCT FROM $8::text
  LIMIT $9::int
),
fc AS (
  SELECT f.id, f."searchVector" AS v, coalesce(f."datePublished", f."createdAt") AS at FROM "FactCheck" f
  WHERE f."searchVector" @@ (SELECT q FROM fq)
  LIMIT $9::int
),
docs AS (
  SELECT 'claim' AS kind, id, v, at, $10::float8 AS avgdl FROM cc
  UNION ALL
  SELECT 'factcheck', id, v, at, $11::float8 FROM fc
),
scored AS (
  SELECT d.kind, d.id, d.at,
         (SELECT sum(qt.idf * t.tf * ($12::float8 + 1) / (t.tf + $12::float8 * (1 - $13::float8 + $13::float8 * length(d.v) / d.avgdl)))
          FROM unnest(d.v) AS u
          JOIN qt ON qt.lexeme = u.lexeme
          CROSS JOIN LATERAL (
            SELECT sum(CASE w WHEN 'A' THEN $14::float8 WHEN 'B' THEN $15::float8 WHEN 'C' THEN $16::float8 ELSE $17::float8 END) AS tf FROM unnest(u.weights) AS w
          ) AS t) AS score
  FROM docs d
)
SELECT kind, id, score FROM scored
ORDER BY round(score::numeric, 6) DESC, at ASC, id ASC
LIMIT $18::int`;

async function rank(lexemes: string[], q: SimilarQuery, limit: number): Promise<Ranked[]> {
  let coll = await collectionStats();
  const stats = await termStats(lexemes, coll);
  // A word counted in more rows than the collection had: the collection's count is older; count again.
  if (stats.some((s) => s.claims > coll.claims.n || s.factchecks > coll.factchecks.n)) coll = await collectionStats(true);
  const n = coll.claims.n + coll.factchecks.n;
  const idfs = stats.map((s) => idf(n, s.claims + s.factchecks));
  const claimPlan = planCandidates(stats.map((s) => ({ lexeme: s.lexeme, df: s.claims })));
  const factPlan = planCandidates(stats.map((s) => ({ lexeme: s.lexeme, df: s.factchecks })));
  const words = (p: CandidatePlan) => p?.lexemes ?? [];
  const op = (p: CandidatePlan) => ` ${p?.op ?? "|"} `;
  const rows = await sql<{ kind: "claim" | "factcheck"; id: string; score: number }>("verity_memory_rank", RANK_SQL, [
    stats.map((s) => s.lexeme),
    idfs,
    words(claimPlan),
    op(claimPlan),
    words(factPlan),
    op(factPlan),
    q.excludeArticleId ?? null,
    q.excludeClaimId ?? null,
    CANDIDATE_ROWS,
    coll.claims.avgdl,
    coll.factchecks.avgdl,
    BM25_K1,
    BM25_B,
    WEIGHT_CLASS.A,
    WEIGHT_CLASS.B,
    WEIGHT_CLASS.C,
    WEIGHT_CLASS.D,
    limit,
  ]);
  return rows.map((r) => ({ kind: r.kind, id: r.id, score: Number(r.score) }));
}

/** The claim's "Same claim" links, as the other side: claim or fact-check id → link id. */
async function linksOf(claimId: string): Promise<Array<{ kind: "claim" | "factcheck"; id: string; linkId: string }>> {
  const rows = await prisma.claimLink.findMany({
    where: { OR: [{ claimId }, { linkedClaimId: claimId }] },
    select: { id: true, claimId: true, linkedClaimId: true, factCheckId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((l) =>
    l.factCheckId ? { kind: "factcheck", id: l.factCheckId, linkId: l.id } : { kind: "claim", id: l.claimId === claimId ? l.linkedClaimId! : l.claimId, linkId: l.id },
  );
}

export async function findSimilar(q: SimilarQuery): Promise<{ items: SimilarItem[] }> {
  const text = q.text.trim();
  if (text.length < MIN_SIMILAR_TEXT) return { items: [] };
  const [lexemes, links] = await Promise.all([
    queryLexemes(expandTags(text), q.excludeArticleId ?? null),
    q.excludeClaimId ? linksOf(q.excludeClaimId) : Promise.resolve([]),
  ]);
  const ranked = lexemes.length ? await rank(lexemes, q, q.limit) : [];
  // What a person already said is the same claim comes first, whatever its words.
  const key = (x: { kind: string; id: string }) => `${x.kind}:${x.id}`;
  const linkId = new Map(links.map((l) => [key(l), l.linkId]));
  const score = new Map(ranked.map((r) => [key(r), r.score]));
  const linked = links.map((l) => ({ kind: l.kind, id: l.id, score: score.get(key(l)) ?? 0 })).sort((a, b) => b.score - a.score);
  const picked = [...linked, ...ranked.filter((r) => !linkId.has(key(r)))].slice(0, q.limit);

  const [claims, facts] = await Promise.all([
    claimItems(picked.filter((p) => p.kind === "claim").map((p) => p.id)),
    factCheckItems(picked.filter((p) => p.kind === "factcheck").map((p) => p.id)),
  ]);
  const items: SimilarItem[] = [];
  for (const p of picked) {
    const item = p.kind === "claim" ? claims.get(p.id) : facts.get(p.id);
    if (!item) continue; // deleted in between
    const l = linkId.get(key(p));
    items.push({ ...item, score: Math.round(p.score * 1e4) / 1e4, ...(l ? { linkId: l } : {}) });
  }
  return { items };
}
