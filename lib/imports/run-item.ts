import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { Prisma, type ImportItemStatus, type ImportKind } from "@/lib/generated/prisma/client";
import { articleInputSchema, type ArticleInput } from "@/lib/articles/schema";
import { reviseArticle } from "@/lib/articles/revisions";
import { AppError } from "@/lib/errors";
import { zodFields } from "@/lib/validation";
import { importFactCheck } from "@/lib/factchecks/mutations";
import { factCheckRecordSchema, isFactCheckInput } from "@/lib/factchecks/schema";
import { importPrepared } from "./mutations";
import type { PreparedArticle } from "@/lib/articles/prepare";
import type { SuggestionDraft } from "@/lib/suggestions/compute";
import { prepareArticleInWorker, prepareContentInWorker } from "./worker/isolated";
import { ImportWorkersStopped } from "./worker/pool";

// One import item through importArticle (or importFactCheck, for a ClaimReview
// record), and its state recorded exactly once.

/** Items run in this many lanes at once (see laneOf). */
export const LANES = 4;

/**
 * A runner counts each item it starts (ImportItem.attempts) before working it.
 * An item started this many times that never settled took its process down
 * each time (a crash, an out-of-memory kill): it fails instead of replaying on
 * every restart.
 */
export const MAX_ATTEMPTS = 2;
export const GAVE_UP = "stopped the importer twice before it finished; not retried";

class ItemAlreadySettled extends Error {}

const COUNTER = { IMPORTED: "imported", DUPLICATE: "duplicates", FAILED: "failed" } as const;

type Outcome = { status: Exclude<ImportItemStatus, "PENDING">; articleId?: string; factCheckId?: string; fields?: Record<string, string>; message?: string };

/**
 * Moves a pending item to its outcome and counts it. The `status: PENDING`
 * condition makes this happen once per item, whoever gets there first.
 */
async function settle(tx: Tx, jobId: string, itemId: string, o: Outcome) {
  const r = await tx.importItem.updateMany({
    where: { id: itemId, status: "PENDING" },
    data: { status: o.status, articleId: o.articleId ?? null, factCheckId: o.factCheckId ?? null, fields: o.fields ?? Prisma.DbNull, message: o.message ?? null, settledAt: new Date(), input: Prisma.DbNull },
  });
  if (r.count === 0) throw new ItemAlreadySettled();
  await tx.importJob.update({ where: { id: jobId }, data: { [COUNTER[o.status]]: { increment: 1 } } });
}

async function settleAlone(jobId: string, itemId: string, o: Outcome) {
  await prisma.$transaction((tx) => settle(tx, jobId, itemId, o));
}

const describe = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ");

/**
 * Re-import of a known source URL: when the text differs, the article gets a
 * new revision and its claims are re-anchored. Returns a note for the item, or
 * null when the text is the same (a plain duplicate).
 */
async function reviseIfChanged(actorId: string | null, articleId: string, input: ArticleInput, prepared: PreparedArticle & { suggestions?: SuggestionDraft[] }): Promise<string | null> {
  const [current, actor] = await Promise.all([
    prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true } }),
    actorId ? prisma.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, active: true } }) : null,
  ]);
  if (prepared.text === current.text) return null;
  // The content prepared for the import is the revision's (the HTML is not parsed twice),
  // unless it was prepared without suggestions: a revision ranks its new text in the pool.
  const content = { text: prepared.text, blocks: prepared.blocks, html: prepared.html, contentHash: prepared.contentHash, suggestions: prepared.suggestions };
  const preparer = prepared.suggestions ? async () => content : prepareContentInWorker;
  const r = await reviseArticle(actor, articleId, { text: input.text, html: input.html, author: undefined, publisher: undefined }, preparer);
  if (!r.reanchor) return null;
  const { anchored, fuzzy, orphaned } = r.reanchor;
  return `new revision ${r.article.revision} of a known article; claims re-anchored: ${anchored} anchored, ${fuzzy} fuzzy, ${orphaned} orphaned`;
}

export const DUPLICATE_FACT_CHECK = "duplicates an earlier fact-check (same URL)";

/** A ClaimReview record's item: a new fact-check, settled in the transaction that stores it, or a duplicate by URL. */
async function runFactCheckItem(job: { id: string; createdById: string | null }, itemId: string, input: unknown): Promise<Outcome["status"]> {
  const parsed = factCheckRecordSchema.safeParse(input);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    await settleAlone(job.id, itemId, { status: "FAILED", fields, message: describe(fields) });
    return "FAILED";
  }
  const result = await importFactCheck(job.createdById, parsed.data, {
    onCreated: (tx, fc) => settle(tx, job.id, itemId, { status: "IMPORTED", factCheckId: fc.id }),
  });
  if (result.status === "imported") return "IMPORTED"; // settled by onCreated
  await settleAlone(job.id, itemId, { status: "DUPLICATE", factCheckId: result.factCheckId, message: DUPLICATE_FACT_CHECK });
  return "DUPLICATE";
}

/** One item through importArticle or importFactCheck. Returns its status, or null when another runner settled it first. */
export async function runItem(job: { id: string; kind: ImportKind; createdById: string | null }, item: { id: string; input: Prisma.JsonValue }): Promise<Outcome["status"] | null> {
  try {
    // Counted in the database before any work: if this item takes the process
    // down, the count survives it, and the second restart gives up on it.
    const started = await prisma.importItem.updateMany({ where: { id: item.id, status: "PENDING", attempts: { lt: MAX_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
    if (started.count === 0) {
      await settleAlone(job.id, item.id, { status: "FAILED", message: GAVE_UP }); // or another runner settled it: ItemAlreadySettled
      return "FAILED";
    }
    if (isFactCheckInput(item.input)) return await runFactCheckItem(job, item.id, item.input.factCheck);
    const parsed = articleInputSchema.safeParse(item.input);
    if (!parsed.success) {
      const fields = zodFields(parsed.error);
      await settleAlone(job.id, item.id, { status: "FAILED", fields, message: describe(fields) });
      return "FAILED";
    }
    // Parsed in the import worker pool when there is HTML; an overrun there is an invalid_input naming `html`.
    // Not ranked for suggestions here: the job's articles are ranked after its items (lib/suggestions/backfill.ts).
    const prepared = await prepareArticleInWorker(parsed.data, { suggest: false });
    const result = await importPrepared(job.createdById, prepared, job.kind, {
      suggestLater: true,
      // The item is settled in the article's own transaction: a crash leaves both or neither.
      onCreated: (tx, article) => settle(tx, job.id, item.id, { status: "IMPORTED", articleId: article.id }),
    });
    switch (result.status) {
      case "imported":
        return "IMPORTED"; // settled by onCreated
      case "duplicate": {
        // A known URL whose text changed is a new revision of that article, not a duplicate.
        const revised = result.matchedBy === "sourceUrl" ? await reviseIfChanged(job.createdById, result.articleId, parsed.data, prepared) : null;
        if (revised) {
          await settleAlone(job.id, item.id, { status: "IMPORTED", articleId: result.articleId, message: revised });
          return "IMPORTED";
        }
        await settleAlone(job.id, item.id, { status: "DUPLICATE", articleId: result.articleId, message: `duplicates an existing article (same ${result.matchedBy === "sourceUrl" ? "source URL" : "text"})` });
        return "DUPLICATE";
      }
      default: {
        // A new kind of result must be settled here, or the item would stay pending for ever.
        const unhandled: never = result;
        throw new Error(`unhandled import result ${JSON.stringify(unhandled)}`);
      }
    }
  } catch (e) {
    if (e instanceof ItemAlreadySettled) return null;
    // The app is shutting down: the item stays pending and the run stops, to resume later.
    if (e instanceof ImportWorkersStopped) throw e;
    if (e instanceof AppError && e.code === "invalid_input") {
      const fields = e.fields ?? {};
      await settleAlone(job.id, item.id, { status: "FAILED", fields, message: e.fields ? describe(fields) : e.message }).catch(ignoreSettled);
      return "FAILED";
    }
    // Unexpected: fail this item alone. If the database is gone, this throws
    // too and the whole run stops, to be retried.
    console.error(`[verity] import ${job.id}: item ${item.id} failed:`, e);
    await settleAlone(job.id, item.id, { status: "FAILED", message: "could not be stored (an internal error, logged)" }).catch(ignoreSettled);
    return "FAILED";
  }
}

/**
 * The time per item is mostly database round trips, so a job runs items in
 * lanes. Items with the same text share a lane: two copies in one job are never
 * checked for duplicates at the same moment (copies by source URL are caught
 * by its unique index in any case). The lane comes from the raw input, not from
 * the prepared article: preparing HTML is the worker pool's job, and a whole
 * batch is laned at once, here, on the event loop. So: one linear pass over the
 * text (or the HTML outside its tags), ignoring whitespace and ASCII case, as
 * the content hash ignores spacing and case.
 */
export function laneOf(input: Prisma.JsonValue): number {
  // Fact-checks are duplicates by URL: two records with one URL share a lane.
  if (isFactCheckInput(input)) {
    const url = (input.factCheck as { url?: unknown } | null)?.url;
    return laneHash(typeof url === "string" ? url : "", false) % LANES;
  }
  const o = input && typeof input === "object" && !Array.isArray(input) ? input : {};
  const text = typeof o.text === "string" && o.text.trim() ? o.text : undefined;
  return laneHash(text ?? (typeof o.html === "string" ? o.html : ""), text === undefined) % LANES;
}

/** FNV-1a over the characters that carry text, with a final mix so that the low bits spread. */
export function laneHash(s: string, isHtml: boolean): number {
  let h = 0x811c9dc5;
  let inTag = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHtml && (c === 60 || c === 62)) {
      inTag = c === 60; // < and >
      continue;
    }
    if (inTag || c <= 32 || c === 160) continue;
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function ignoreSettled(e: unknown) {
  if (!(e instanceof ItemAlreadySettled)) throw e;
}
