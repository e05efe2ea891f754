import "server-only";
import { prisma, retryOnWriteConflict } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, invalidInput, notFound } from "@/lib/errors";
import { fingerprintOf, loadPublishState, publishBlocker, waitingClaims, type PublishState } from "./data";
import { NOTE_REQUIRED, type PublishInput } from "./schema";
import { diffSnapshots } from "./snapshot";

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

/** A raw query's serialization failure (P2010 carrying 40001/40P01), reported so the retry wrapper knows it. */
function asWriteConflict(e: unknown): unknown {
  const err = e as { code?: string; message?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } } };
  const raw = err?.code === "P2010" && (err.meta?.code === "40001" || err.meta?.code === "40P01" || err.meta?.driverAdapterError?.cause?.kind === "TransactionWriteConflict" || /\b40001\b|\b40P01\b/.test(err.message ?? ""));
  return raw ? Object.assign(new Error("TransactionWriteConflict (row lock)"), { code: "P2034", cause: e }) : e;
}

/**
 * Publishes an article's fact-check as a new numbered publication: publication 1
 * the first time, then one per update (a note is required: it is the correction
 * readers see) or per publish after an unpublish. The publication is an immutable
 * snapshot of the approved claims; the public page shows only the latest one.
 *
 * Refused (409) while any claim waits for review, and when no approved claim
 * would go live. The article row is locked (FOR UPDATE) and the transaction is
 * serializable, so a claim submitted at the same moment either blocks the publish
 * or comes after it, and two publishes cannot both take the same number (the
 * unique (articleId, number) constraint is the backstop).
 */
export async function publishArticle(user: CurrentUser, articleId: string, input: PublishInput = { note: null }) {
  if (!can(user, "article:publish")) throw forbidden("Only editors publish fact-checks");
  try {
    // Retried on a serialization failure: publishing two unrelated articles at once may collide on index pages.
    return await retryOnWriteConflict(() => prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<PublishState["article"][]>`SELECT id, slug, status::text AS status, revision FROM "Article" WHERE id = ${articleId} FOR UPDATE`.catch((e: unknown) => {
          throw asWriteConflict(e);
        });
        const article = locked[0];
        if (!article) throw notFound("Article");
        const state = await loadPublishState(tx, article);
        const blocker = publishBlocker(state);
        if (blocker) {
          const pending = waitingClaims(state);
          throw new AppError("conflict", blocker, pending.length ? { details: { pending } } : {});
        }
        const isUpdate = article.status === "PUBLISHED";
        if (input.fingerprint && input.fingerprint !== fingerprintOf(state)) {
          throw new AppError("conflict", "What would go live changed since the preview was shown (someone approved, edited or published a claim). Look at the new preview and confirm again.", {
            details: { fingerprint: fingerprintOf(state) },
          });
        }

        if (isUpdate && !input.note) throw invalidInput({ note: NOTE_REQUIRED }, NOTE_REQUIRED);

        const number = (state.latest?.number ?? 0) + 1;
        const now = new Date();
        const publication = await tx.publication.create({
          data: { articleId, number, note: input.note ?? null, editorId: user.id, articleRevision: article.revision, claims: state.snapshot as unknown as Prisma.InputJsonValue, createdAt: now },
          select: { number: true, note: true, createdAt: true },
        });
        // The state read under the lock is the state changed: anything else is a conflict, not an overwrite.
        const moved = await tx.article.updateMany({ where: { id: articleId, status: article.status }, data: { status: "PUBLISHED", factCheckPublishedAt: now } });
        if (moved.count === 0) throw new AppError("conflict", "Someone changed this article's publication at the same moment. Reload and try again.");

        const diff = diffSnapshots(state.latest?.claims ?? null, state.snapshot);
        await recordAudit(tx, {
          actorId: user.id,
          action: isUpdate ? "article.publication_update" : "article.publish",
          entityType: "Article",
          entityId: articleId,
          changes: {
            ...(isUpdate ? {} : { status: { from: article.status, to: "PUBLISHED" } }),
            publication: number,
            note: input.note ?? null,
            approvedClaims: state.snapshot.length,
            added: diff.added.map((c) => c.id),
            changed: diff.changed.map((c) => ({ id: c.claim.id, fields: c.fields })),
            removed: diff.removed.map((c) => c.id),
          },
        });
        return {
          id: articleId,
          slug: article.slug,
          status: "PUBLISHED" as const,
          factCheckPublishedAt: now,
          url: `/fact-checks/${article.slug}`,
          approvedClaims: state.snapshot.length,
          publication: { number: publication.number, note: publication.note, createdAt: publication.createdAt, kind: isUpdate ? "update" : "publish" },
        };
      },
      { isolationLevel: "Serializable" },
    ));
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "Someone published this article at the same moment. Reload and look at the preview again.");
    throw e;
  }
}

/** Takes the public page down (404). The publications and claims stay; publishing again adds the next number. */
export async function unpublishArticle(user: CurrentUser, articleId: string) {
  if (!can(user, "article:publish")) throw forbidden("Only editors unpublish fact-checks");
  return prisma.$transaction(async (tx) => {
    const moved = await tx.article.updateMany({ where: { id: articleId, status: "PUBLISHED" }, data: { status: "OPEN" } });
    if (moved.count === 0) {
      const exists = await tx.article.findUnique({ where: { id: articleId }, select: { id: true } });
      if (!exists) throw notFound("Article");
      throw new AppError("conflict", "This article's fact-check is not published");
    }
    await recordAudit(tx, { actorId: user.id, action: "article.unpublish", entityType: "Article", entityId: articleId, changes: { status: { from: "PUBLISHED", to: "OPEN" } } });
    return tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, slug: true, status: true } });
  });
}
