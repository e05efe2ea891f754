import "server-only";
// Writing an article's suggestions, inside the transaction that stores its text:
// the import's (importPrepared) or the revision's (reviseArticle). No events here:
// the database's triggers on "Suggestion" tell live readers.
import { describe } from "@/lib/anchoring/describe";
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { SuggestContext, SuggestionDraft } from "./compute";
import { reanchorSuggestions, type StoredSuggestion, type SuggestionCounts } from "./reanchor";
import type { Reason } from "./types";

/**
 * The suggestions prepared with the text (the import worker computes them off the event
 * loop), or computed here when nothing prepared them (a caller that prepared in-process).
 */
export async function suggestionsOf(prepared: { text: string; suggestions?: SuggestionDraft[] }, ctx: SuggestContext): Promise<SuggestionDraft[]> {
  if (prepared.suggestions) return prepared.suggestions;
  // Loaded on first use: the ranker's model is not every server bundle's business.
  const { computeSuggestions } = await import("./compute");
  return computeSuggestions(prepared.text, ctx);
}

/**
 * A new article's suggestions: one statement whatever their number (arrays in, unnest() to
 * rows), not Prisma's createMany, whose per-value work was the import's largest cost in the
 * app's profile once every article carried ~35 suggestions.
 */
export async function insertSuggestions(tx: Tx, opts: { articleId: string; revision: number; text: string; drafts: SuggestionDraft[] }): Promise<number> {
  if (opts.drafts.length === 0) return 0;
  const rows = opts.drafts.map((d) => ({ ...describe(opts.text, d.start, d.end), d }));
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  return tx.$executeRaw`
    INSERT INTO "Suggestion" (id, "articleId", "articleRevision", exact, prefix, suffix, start, "end", scope, score, reasons, "updatedAt")
    SELECT v.id, ${opts.articleId}, ${opts.revision}::int, v.exact, v.prefix, v.suffix, v.start, v."end", v.scope, v.score, v.reasons::jsonb, now()
    FROM unnest(
      ${col(() => newId())}::text[], ${col((r) => r.exact)}::text[], ${col((r) => r.prefix)}::text[], ${col((r) => r.suffix)}::text[],
      ${col((r) => r.start)}::int[], ${col((r) => r.end)}::int[], ${col((r) => r.d.scope)}::text[], ${col((r) => r.d.score)}::float8[],
      ${col((r) => JSON.stringify(r.d.reasons))}::text[]
    ) WITH ORDINALITY AS v(id, exact, prefix, suffix, start, "end", scope, score, reasons, n)
    ORDER BY v.n`;
}

type Row = { id: string; exact: string; prefix: string; suffix: string; start: number; end: number; status: StoredSuggestion["status"]; dismissed: boolean; score: number; reasons: unknown; scope: string };

/**
 * A revision: every stored suggestion re-anchored against the new text (dismissed ones
 * stay dismissed wherever they land; those whose words are gone become ORPHANED), then
 * the new text's ranking added where no re-anchored suggestion covers it.
 */
export async function reviseSuggestions(tx: Tx, opts: { articleId: string; revision: number; text: string; fresh: SuggestionDraft[] }): Promise<SuggestionCounts> {
  // Locked in id order (as claims are), so a dismissal made meanwhile waits and then lands on the moved row.
  const rows = await tx.$queryRaw<Row[]>`
    SELECT id, exact, prefix, suffix, start, "end", status::text AS status, ("dismissedAt" IS NOT NULL) AS dismissed, score, reasons, scope
    FROM "Suggestion" WHERE "articleId" = ${opts.articleId} ORDER BY id FOR UPDATE`;
  const stored: StoredSuggestion[] = rows.map((r) => ({
    id: r.id,
    selector: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
    status: r.status,
    dismissed: r.dismissed || r.status === "DISMISSED",
    score: r.score,
    reasons: Array.isArray(r.reasons) ? (r.reasons as Reason[]) : [],
    scope: r.scope === "phrase" ? "phrase" : "sentence",
  }));
  const { updates, inserts, counts } = reanchorSuggestions(opts.text, stored, opts.fresh);
  // An orphan that was already orphaned has nothing new to say.
  const changed = updates.filter((u) => u.anchored || stored.find((s) => s.id === u.id)!.status !== "ORPHANED");
  if (changed.length) {
    const col = <T>(pick: (u: (typeof changed)[number]) => T) => changed.map(pick);
    // One statement for all of them (arrays in, unnest() to rows), as reanchorAll does for claims.
    await tx.$executeRaw`
      UPDATE "Suggestion" AS s SET
        exact = v.exact, prefix = v.prefix, suffix = v.suffix, start = v.start, "end" = v."end",
        status = v.status::"SuggestionStatus", score = v.score, reasons = v.reasons::jsonb,
        "articleRevision" = CASE WHEN v.anchored THEN ${opts.revision}::int ELSE s."articleRevision" END,
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM unnest(
        ${col((u) => u.id)}::text[], ${col((u) => u.selector.exact)}::text[], ${col((u) => u.selector.prefix)}::text[],
        ${col((u) => u.selector.suffix)}::text[], ${col((u) => u.selector.start)}::int[], ${col((u) => u.selector.end)}::int[],
        ${col((u) => u.status)}::text[], ${col((u) => u.score)}::float8[], ${col((u) => JSON.stringify(u.reasons))}::text[], ${col((u) => u.anchored)}::bool[]
      ) AS v(id, exact, prefix, suffix, start, "end", status, score, reasons, anchored)
      WHERE s.id = v.id`;
  }
  await insertSuggestions(tx, { articleId: opts.articleId, revision: opts.revision, text: opts.text, drafts: inserts });
  return counts;
}

/**
 * Ranks an article not yet ranked at its current revision (one an import job stored,
 * or one stored before suggestions existed), in the import worker like every import.
 * Returns how many suggestions were added; 0 when it was ranked already (by another
 * caller meanwhile too) or has changed since it was read (its revision ranks it).
 */
export async function ensureSuggestions(articleId: string): Promise<number> {
  const a = await prisma.article.findUnique({ where: { id: articleId }, select: { text: true, revision: true, publishedAt: true, language: true, suggestionsRevision: true } });
  if (!a || a.suggestionsRevision === a.revision) return 0;
  const { prepareContentInWorker } = await import("@/lib/imports/worker/isolated");
  let drafts: SuggestionDraft[];
  try {
    const prepared = await prepareContentInWorker({ text: a.text, suggest: { publishedAt: a.publishedAt, language: a.language } });
    // Never ranked here on the app's event loop (a long text would hold every request): a
    // worker that could not rank it is an error, and the article stays unranked for the next pass.
    if (!prepared.suggestions || prepared.text !== a.text) throw new Error("the import workers did not rank it");
    drafts = prepared.suggestions;
  } catch (e) {
    // A text the ranker cannot finish within an import worker's limits (IMPORT_ITEM_CPU_SECONDS)
    // would fail again on every pass: it is recorded as ranked, with no suggestions.
    if (!(e instanceof AppError)) throw e;
    console.error(`[verity] suggestions: article ${articleId} could not be ranked (${e.message}); it gets none`);
    drafts = [];
  }
  return prisma.$transaction(async (tx) => {
    // The article's row lock orders this after a revision in flight, and a second caller finds it ranked.
    const [row] = await tx.$queryRaw<Array<{ revision: number; ranked: number | null }>>`
      SELECT revision, "suggestionsRevision" AS ranked FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
    if (!row || row.revision !== a.revision || row.ranked === row.revision) return 0;
    await tx.$executeRaw`UPDATE "Article" SET "suggestionsRevision" = revision WHERE id = ${articleId}`;
    // Suggestions kept from an earlier ranking (none, normally) are re-anchored, not doubled.
    const counts = await reviseSuggestions(tx, { articleId, revision: a.revision, text: a.text, fresh: drafts });
    return counts.added;
  });
}
