import "server-only";
import { randomUUID } from "node:crypto";
import { prisma, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { forgetArticleText } from "./text-cache";
import { recordAudit } from "@/lib/audit/mutations";
import { diffFields } from "@/lib/audit/diff";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Block } from "./blocks";
import { getArticle, type ArticleDetail } from "./data";
import { prepareMetadata, type ContentInput, type ContentPreparer, type PreparedContent } from "./prepare";
import type { SuggestContext, SuggestionDraft } from "@/lib/suggestions/compute";
import { reviseSuggestions, suggestionsOf } from "@/lib/suggestions/store";
import { inlineBlocks, writeLongBlocks } from "./store-blocks";
import { anchorChanges, reanchorClaims, type AnchorState, type ReanchorCounts } from "./reanchor";
import type { ArticleInput, ArticleUpdate } from "./schema";

export type { ReanchorCounts } from "./reanchor";

export type RevisionResult = { article: ArticleDetail; reanchor: ReanchorCounts | null };

const METADATA = ["title", "author", "publisher", "sourceUrl", "publishedAt", "language"] as const;

// A revision of a long article with a thousand claims is a few hundred ms of
// work in one transaction; Prisma's 5 s default leaves too little headroom.
const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

type ClaimRow = { id: string; exact: string; prefix: string; suffix: string; start: number; end: number; anchorStatus: AnchorState; version: number };

/**
 * Re-anchors every claim of `articleId` against `text` (the article's new text),
 * inside the caller's transaction. Claims are locked first, so a reviewer's
 * concurrent edit waits and then meets the bumped version (409), instead of
 * writing a selector computed against the old text over the new one.
 *
 * Each claim whose selector or status changed gets version + 1 and a
 * `claim.reanchor` audit event. Its `articleRevision` is deliberately left alone:
 * it is the revision the claim (and its verdict) was made on, which the W3C export
 * states as the annotation's TimeState; the selectors always describe the
 * article's current text (or, for an ORPHANED claim, the last text it was found in).
 */
export async function reanchorAll(
  tx: Tx,
  opts: { actorId: string | null; articleId: string; text: string; revision?: number },
): Promise<ReanchorCounts> {
  // ORDER BY id: every writer locks an article's claims in the same order, so two can never deadlock.
  const rows = await tx.$queryRaw<ClaimRow[]>`
    SELECT id, exact, prefix, suffix, start, "end", "anchorStatus"::text AS "anchorStatus", version
    FROM "Claim" WHERE "articleId" = ${opts.articleId} ORDER BY id FOR UPDATE`;
  const { results, counts } = reanchorClaims(
    opts.text,
    rows.map((r) => ({ id: r.id, anchorStatus: r.anchorStatus, selector: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end } })),
  );
  const changed = results.filter((r) => r.changed);
  if (changed.length === 0) return counts;

  const versions = new Map(rows.map((r) => [r.id, r.version]));
  // One statement for all of them: arrays in, unnest() to rows, joined on id.
  // 1,000 single-row UPDATEs would be 1,000 round trips inside the transaction.
  const col = <T>(pick: (r: (typeof changed)[number]) => T) => changed.map(pick);
  await tx.$executeRaw`
    UPDATE "Claim" AS c SET
      exact = v.exact, prefix = v.prefix, suffix = v.suffix, start = v.start, "end" = v."end",
      "anchorStatus" = v.status::"AnchorStatus", version = c.version + 1,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM unnest(
      ${col((r) => r.id)}::text[], ${col((r) => r.after.selector.exact)}::text[], ${col((r) => r.after.selector.prefix)}::text[],
      ${col((r) => r.after.selector.suffix)}::text[], ${col((r) => r.after.selector.start)}::int[], ${col((r) => r.after.selector.end)}::int[],
      ${col((r) => r.after.anchorStatus)}::text[]
    ) AS v(id, exact, prefix, suffix, start, "end", status)
    WHERE c.id = v.id`;
  // The audit rows go in the same way: Prisma's createMany binds every column of
  // every row as its own parameter, which made it the slowest step at 1,000 claims.
  const changes = changed.map((r) => {
    const version = versions.get(r.id) ?? 0;
    return JSON.stringify({
      ...anchorChanges(r.before, r.after),
      version: { from: version, to: version + 1 },
      ...(opts.revision ? { articleRevision: opts.revision } : {}),
    });
  });
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", changes, "createdAt")
    SELECT v.id, ${opts.actorId}::text, 'claim.reanchor', 'Claim', v."entityId", v.changes::jsonb, (now() AT TIME ZONE 'UTC')
    FROM unnest(${changed.map(() => randomUUID())}::text[], ${col((r) => r.id)}::text[], ${changes}::text[]) AS v(id, "entityId", changes)`;
  return counts;
}

/** Block lists compared by value: jsonb does not keep key order, so JSON text cannot be compared. */
function sameBlocks(a: unknown, b: Block[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  return a.every((x: Partial<Block>, i) => x.type === b[i].type && x.start === b[i].start && x.end === b[i].end && (x.level ?? null) === (b[i].level ?? null));
}

function duplicateUrl(existing: { id: string; slug: string }) {
  return new AppError("conflict", "An article with the same source URL already exists", {
    fields: { sourceUrl: "duplicates an existing article" },
    details: { existing },
  });
}

/**
 * PATCH /api/articles/:id, and a re-import of a known URL: changes metadata and,
 * when the text (or its block structure) differs, makes a new revision and
 * re-anchors every claim, all in one transaction with its audit events.
 *
 * `actor` null is the system (a CLI or background import already authorized by
 * its caller); route handlers always pass the signed-in user.
 *
 * The text is compared exactly, not by content hash: the hash ignores case and
 * whitespace, but claims' offsets do not. Text given without html drops the
 * stored html, which would no longer match it. `reanchor` is null when the text
 * did not change (no revision, nothing re-anchored).
 *
 * `prepare` turns the new text or HTML into content: the app passes the import
 * worker pool's (lib/imports/mutations.ts updateArticle), so HTML is never
 * parsed on its event loop; a re-import passes the content it already has.
 */
export async function reviseArticle(actor: Actor | null, articleId: string, input: ArticleUpdate, prepare: ContentPreparer): Promise<RevisionResult> {
  if (actor && !can(actor, "article:update")) throw forbidden();
  const current = await prisma.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, author: true, publisher: true, sourceUrl: true, publishedAt: true, language: true, text: true, blocks: true, html: true, revision: true },
  });
  if (!current) throw notFound("Article");

  // The same normalisation and sanitization as every import (title spacing,
  // source URL form, HTML allowlist, blocks); undefined keeps, null clears.
  const pick = <K extends (typeof METADATA)[number]>(key: K) => (input[key] === undefined ? current[key] : input[key]) ?? undefined;
  const contentGiven = input.text !== undefined || input.html !== undefined;
  const merged = {
    title: pick("title")!,
    author: pick("author"),
    publisher: pick("publisher"),
    sourceUrl: pick("sourceUrl"),
    publishedAt: pick("publishedAt"),
    language: pick("language"),
    ...(contentGiven ? { text: input.text, html: input.html } : { text: current.text, html: undefined }),
  } satisfies ArticleInput;
  // Relative links in the HTML resolve against the article's (new or kept) source URL.
  const meta0 = prepareMetadata(merged);
  // New text is ranked for suggestions with it (in the import worker, for the app's preparer).
  const contentInput: ContentInput & { suggest?: SuggestContext } = { text: merged.text, html: merged.html, baseUrl: merged.sourceUrl };
  if (contentGiven) contentInput.suggest = { publishedAt: meta0.publishedAt, language: meta0.language };
  const content: PreparedContent & { suggestions?: SuggestionDraft[] } = await prepare(contentInput);
  const prepared = { ...meta0, ...content };

  const given = Object.fromEntries(METADATA.filter((k) => input[k] !== undefined).map((k) => [k, prepared[k]]));
  const meta = diffFields(
    Object.fromEntries(METADATA.map((k) => [k, current[k]])) as Record<string, unknown>,
    given,
  );
  const newContent = contentGiven && (prepared.text !== current.text || !sameBlocks(current.blocks, prepared.blocks));

  if (meta.sourceUrl && prepared.sourceUrl) {
    const other = await prisma.article.findUnique({ where: { sourceUrl: prepared.sourceUrl }, select: { id: true, slug: true } });
    if (other && other.id !== articleId) throw duplicateUrl(other);
  }
  if (newContent) {
    const other = await prisma.article.findFirst({ where: { contentHash: prepared.contentHash, id: { not: articleId } }, select: { id: true, slug: true } });
    if (other) {
      throw new AppError("conflict", "Another article already has this text", { fields: { text: "duplicates an existing article" }, details: { existing: other } });
    }
  }

  const data: Prisma.ArticleUpdateManyMutationInput = Object.fromEntries(Object.keys(meta).map((k) => [k, prepared[k as keyof typeof prepared]]));
  let reanchor: ReanchorCounts | null = null;
  if (!newContent && Object.keys(data).length === 0) return { article: (await getArticle(articleId))!, reanchor };

  try {
    reanchor = await prisma.$transaction(async (tx) => {
      const actorId = actor?.id ?? null;
      if (!newContent) {
        const { count } = await tx.article.updateMany({ where: { id: articleId }, data });
        if (count === 0) throw notFound("Article");
        await recordAudit(tx, { actorId, action: "article.update", entityType: "Article", entityId: articleId, changes: meta as Prisma.InputJsonValue });
        return null;
      }
      const to = current.revision + 1;
      // The revision we read is in the WHERE clause: of two concurrent revisions
      // exactly one applies; the other is told to reload instead of overwriting it.
      const { count } = await tx.article.updateMany({
        where: { id: articleId, revision: current.revision },
        data: { ...data, text: prepared.text, blocks: inlineBlocks(prepared.blocks), html: prepared.html, contentHash: prepared.contentHash, revision: to, suggestionsRevision: to },
      });
      if (count === 0) throw new AppError("conflict", "The article was changed by someone else meanwhile. Reload it and apply your change again.");
      await tx.articleRevision.create({
        data: { articleId, revision: to, text: prepared.text, blocks: inlineBlocks(prepared.blocks), html: prepared.html, contentHash: prepared.contentHash },
      });
      await writeLongBlocks(tx, articleId, to, prepared.blocks);
      const counts = await reanchorAll(tx, { actorId, articleId, text: prepared.text, revision: to });
      const suggestions = await reviseSuggestions(tx, { articleId, revision: to, text: prepared.text, fresh: await suggestionsOf(prepared, prepared) });
      await recordAudit(tx, {
        actorId,
        action: "article.revise",
        entityType: "Article",
        entityId: articleId,
        changes: { ...meta, revision: { from: current.revision, to }, textLength: { from: current.text.length, to: prepared.text.length }, reanchor: counts, suggestions } as Prisma.InputJsonValue,
      });
      return counts;
    }, TX_OPTIONS);
  } catch (e) {
    // Another article took the source URL between the check above and the write.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && prepared.sourceUrl) {
      const other = await prisma.article.findUnique({ where: { sourceUrl: prepared.sourceUrl }, select: { id: true, slug: true } });
      if (other && other.id !== articleId) throw duplicateUrl(other);
    }
    throw e;
  }
  // This process's copy of the text is a revision behind (or its status changed).
  forgetArticleText(articleId);
  return { article: (await getArticle(articleId))!, reanchor };
}
