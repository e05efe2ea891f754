import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { Prisma, type ImportKind } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { getArticle } from "@/lib/articles/data";
import type { PreparedArticle } from "@/lib/articles/prepare";
import { reviseArticle } from "@/lib/articles/revisions";
import type { ArticleInput, ArticleUpdate } from "@/lib/articles/schema";
import { slugify } from "@/lib/articles/slug";
import { inlineBlocks, writeLongBlocks } from "@/lib/articles/store-blocks";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { insertSuggestions, suggestionsOf } from "@/lib/suggestions/store";
import type { SuggestionDraft } from "@/lib/suggestions/compute";
import { prepareArticleInWorker, prepareContentInWorker } from "./worker/isolated";

export type ImportResult =
  | { status: "imported"; articleId: string; slug: string }
  | { status: "duplicate"; articleId: string; slug: string; matchedBy: "sourceUrl" | "contentHash" };

async function findDuplicate(p: PreparedArticle) {
  if (p.sourceUrl) {
    const byUrl = await prisma.article.findUnique({ where: { sourceUrl: p.sourceUrl }, select: { id: true, slug: true } });
    if (byUrl) return { ...byUrl, matchedBy: "sourceUrl" as const };
  }
  const byHash = await prisma.article.findFirst({ where: { contentHash: p.contentHash }, select: { id: true, slug: true } });
  return byHash ? { ...byHash, matchedBy: "contentHash" as const } : null;
}

async function uniqueSlug(title: string): Promise<string> {
  const base = slugify(title);
  const taken = await prisma.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const set = new Set(taken.map((t) => t.slug));
  if (!set.has(base)) return base;
  for (let i = 2; ; i++) if (!set.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type ImportArticleOptions = {
  /**
   * Runs inside the transaction that creates the article. Import jobs settle
   * their item here, so the article and the item's state commit together;
   * throwing rolls the article back.
   */
  onCreated?: (tx: Tx, article: { id: string; slug: string }) => Promise<void>;
  /**
   * Store the article without ranking it for suggestions (when none were prepared):
   * an import job's articles are ranked after its items (lib/suggestions/backfill.ts),
   * so a 1,000-article import is not held up by ~25 ms of ranking per article.
   */
  suggestLater?: boolean;
};

/**
 * The one way an article enters Verity. Duplicates (same normalised source URL
 * or same content hash) are reported, never stored twice. HTML is parsed in the
 * import worker pool, off the event loop.
 */
export async function importArticle(actorId: string | null, input: ArticleInput, kind: ImportKind, opts: ImportArticleOptions = {}): Promise<ImportResult> {
  return importPrepared(actorId, await prepareArticleInWorker(input), kind, opts);
}

/** importArticle for an input already prepared (an import item keeps it for a possible revision). */
export async function importPrepared(actorId: string | null, prepared: PreparedArticle & { suggestions?: SuggestionDraft[] }, kind: ImportKind, opts: ImportArticleOptions = {}): Promise<ImportResult> {
  const dup = await findDuplicate(prepared);
  if (dup) return { status: "duplicate", articleId: dup.id, slug: dup.slug, matchedBy: dup.matchedBy };
  // Ranked in the worker with the text; here only for an article prepared without it.
  const suggestions = prepared.suggestions || !opts.suggestLater ? await suggestionsOf(prepared, prepared) : null;

  for (let attempt = 0; ; attempt++) {
    try {
      const slug = await uniqueSlug(prepared.title);
      const article = await prisma.$transaction(async (tx) => {
        const a = await tx.article.create({
          data: {
            slug,
            title: prepared.title,
            author: prepared.author,
            publisher: prepared.publisher,
            sourceUrl: prepared.sourceUrl,
            publishedAt: prepared.publishedAt,
            language: prepared.language,
            text: prepared.text,
            blocks: inlineBlocks(prepared.blocks),
            html: prepared.html,
            contentHash: prepared.contentHash,
            suggestionsRevision: suggestions ? 1 : null,
            createdById: actorId,
            revisions: { create: { revision: 1, text: prepared.text, blocks: inlineBlocks(prepared.blocks), html: prepared.html, contentHash: prepared.contentHash } },
          },
          select: { id: true, slug: true },
        });
        await writeLongBlocks(tx, a.id, 1, prepared.blocks);
        if (suggestions) await insertSuggestions(tx, { articleId: a.id, revision: 1, text: prepared.text, drafts: suggestions });
        await recordAudit(tx, {
          actorId,
          action: "article.create",
          entityType: "Article",
          entityId: a.id,
          changes: { title: prepared.title, sourceUrl: prepared.sourceUrl, kind, textLength: prepared.text.length },
        });
        await opts.onCreated?.(tx, a);
        return a;
      });
      return { status: "imported", articleId: article.id, slug: article.slug };
    } catch (e) {
      // A concurrent import won the unique slug or source URL: look again.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002" && attempt < 3) {
        const again = await findDuplicate(prepared);
        if (again) return { status: "duplicate", articleId: again.id, slug: again.slug, matchedBy: again.matchedBy };
        continue;
      }
      throw e;
    }
  }
}

/** POST /api/articles: one article through the import path; a duplicate is a 409 naming the existing one. */
export async function createArticle(user: CurrentUser, input: ArticleInput) {
  if (!can(user, "article:create")) throw forbidden();
  const result = await importArticle(user.id, input, "ITEMS");
  if (result.status === "duplicate") {
    throw new AppError("conflict", `An article with the same ${result.matchedBy === "sourceUrl" ? "source URL" : "text"} already exists`, {
      fields: { [result.matchedBy === "sourceUrl" ? "sourceUrl" : "text"]: "duplicates an existing article" },
      details: { existing: { id: result.articleId, slug: result.slug } },
    });
  }
  return getArticle(result.articleId);
}

/** PATCH /api/articles/:id: reviseArticle, with new HTML parsed in the import worker pool like every other outside input. */
export function updateArticle(actor: Actor | null, articleId: string, input: ArticleUpdate) {
  return reviseArticle(actor, articleId, input, prepareContentInWorker);
}
