import "server-only";
import { prisma, retryOnWriteConflict } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";

const PENDING = ["SUBMITTED", "CHANGES_REQUESTED"] as const;

/**
 * Publishes an article's fact-check. Refused (409, naming them) while any claim
 * awaits review or changes. Serializable, so a claim submitted at the same
 * moment either blocks the publish or comes after it, never slips in between.
 */
export async function publishArticle(user: CurrentUser, articleId: string) {
  if (!can(user, "article:publish")) throw forbidden("Only editors publish fact-checks");
  // Retried on a serialization failure: publishing two unrelated articles at once may collide on index pages.
  return retryOnWriteConflict(() => prisma.$transaction(
    async (tx) => {
      const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, slug: true, status: true } });
      if (!article) throw notFound("Article");
      if (article.status === "ARCHIVED") throw new AppError("conflict", "Archived articles cannot be published");
      const pending = await tx.claim.findMany({
        where: { articleId, status: { in: [...PENDING] } },
        select: { id: true, claimText: true, status: true },
        orderBy: { start: "asc" },
      });
      if (pending.length) {
        throw new AppError("conflict", `${pending.length} claim${pending.length === 1 ? " is" : "s are"} still pending review: ${pending.map((p) => `“${p.claimText}” (${p.status.toLowerCase().replace("_", " ")})`).join(", ")}`, {
          details: { pending },
        });
      }
      const approved = await tx.claim.count({ where: { articleId, status: "APPROVED" } });
      const now = new Date();
      const updated = await tx.article.update({ where: { id: articleId }, data: { status: "PUBLISHED", factCheckPublishedAt: now }, select: { id: true, slug: true, status: true, factCheckPublishedAt: true } });
      await recordAudit(tx, { actorId: user.id, action: "article.publish", entityType: "Article", entityId: articleId, changes: { status: { from: article.status, to: "PUBLISHED" }, approvedClaims: approved } });
      return { ...updated, url: `/fact-checks/${updated.slug}`, approvedClaims: approved };
    },
    { isolationLevel: "Serializable" },
  ));
}

export async function unpublishArticle(user: CurrentUser, articleId: string) {
  if (!can(user, "article:publish")) throw forbidden("Only editors unpublish fact-checks");
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article) throw notFound("Article");
    if (article.status !== "PUBLISHED") throw new AppError("conflict", "This article's fact-check is not published");
    const updated = await tx.article.update({ where: { id: articleId }, data: { status: "OPEN" }, select: { id: true, slug: true, status: true } });
    await recordAudit(tx, { actorId: user.id, action: "article.unpublish", entityType: "Article", entityId: articleId, changes: { status: { from: "PUBLISHED", to: "OPEN" } } });
    return updated;
  });
}
