import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { Prisma, type ImportItemStatus, type ImportKind } from "@/lib/generated/prisma/client";
import { articleInputSchema, type ArticleInput } from "@/lib/articles/schema";
import { reviseArticle } from "@/lib/articles/revisions";
import { AppError } from "@/lib/errors";
import { zodFields } from "@/lib/validation";
import { importArticle } from "./mutations";
import { prepareArticle } from "./prepare";

// One import item through importArticle, and its state recorded exactly once.

/** Items run in this many lanes at once (see laneOf). */
export const LANES = 4;

class ItemAlreadySettled extends Error {}

const COUNTER = { IMPORTED: "imported", DUPLICATE: "duplicates", FAILED: "failed" } as const;

type Outcome = { status: Exclude<ImportItemStatus, "PENDING">; articleId?: string; fields?: Record<string, string>; message?: string };

/**
 * Moves a pending item to its outcome and counts it. The `status: PENDING`
 * condition makes this happen once per item, whoever gets there first.
 */
async function settle(tx: Tx, jobId: string, itemId: string, o: Outcome) {
  const r = await tx.importItem.updateMany({
    where: { id: itemId, status: "PENDING" },
    data: { status: o.status, articleId: o.articleId ?? null, fields: o.fields ?? Prisma.DbNull, message: o.message ?? null, settledAt: new Date(), input: Prisma.DbNull },
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
async function reviseIfChanged(actorId: string | null, articleId: string, input: ArticleInput): Promise<string | null> {
  const [current, actor] = await Promise.all([
    prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true } }),
    actorId ? prisma.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, active: true } }) : null,
  ]);
  if (prepareArticle(input).text === current.text) return null;
  const r = await reviseArticle(actor, articleId, { text: input.text, html: input.html, author: undefined, publisher: undefined });
  if (!r.reanchor) return null;
  const { anchored, fuzzy, orphaned } = r.reanchor;
  return `new revision ${r.article.revision} of a known article; claims re-anchored: ${anchored} anchored, ${fuzzy} fuzzy, ${orphaned} orphaned`;
}

/** One item through importArticle. Returns its status, or null when another runner settled it first. */
export async function runItem(job: { id: string; kind: ImportKind; createdById: string | null }, item: { id: string; input: Prisma.JsonValue }): Promise<Outcome["status"] | null> {
  try {
    const parsed = articleInputSchema.safeParse(item.input);
    if (!parsed.success) {
      const fields = zodFields(parsed.error);
      await settleAlone(job.id, item.id, { status: "FAILED", fields, message: describe(fields) });
      return "FAILED";
    }
    const result = await importArticle(job.createdById, parsed.data, job.kind, {
      // The item is settled in the article's own transaction: a crash leaves both or neither.
      onCreated: (tx, article) => settle(tx, job.id, item.id, { status: "IMPORTED", articleId: article.id }),
    });
    switch (result.status) {
      case "imported":
        return "IMPORTED"; // settled by onCreated
      case "duplicate": {
        // A known URL whose text changed is a new revision of that article, not a duplicate.
        const revised = result.matchedBy === "sourceUrl" ? await reviseIfChanged(job.createdById, result.articleId, parsed.data) : null;
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
 * by its unique index in any case).
 */
export function laneOf(input: Prisma.JsonValue): number {
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) return 0;
  try {
    return parseInt(prepareArticle(parsed.data).contentHash.slice(0, 8), 16) % LANES;
  } catch {
    return 0; // it fails in its turn, with its reason
  }
}

function ignoreSettled(e: unknown) {
  if (!(e instanceof ItemAlreadySettled)) throw e;
}
