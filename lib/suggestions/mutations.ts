import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";

/**
 * Hides a suggestion for everyone. Idempotent: dismissing a dismissed one changes
 * nothing and records nothing. The OPEN condition is in the where clause, so of two
 * concurrent dismissals exactly one writes (and audits); an orphaned one (its words
 * are gone from the text) is a conflict.
 */
export async function dismissSuggestion(actor: Actor, articleId: string, suggestionId: string): Promise<void> {
  if (!can(actor, "suggestion:dismiss")) throw forbidden();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.suggestion.updateMany({
      where: { id: suggestionId, articleId, status: "OPEN" },
      data: { status: "DISMISSED", dismissedById: actor.id, dismissedAt: new Date() },
    });
    if (count === 0) {
      const current = await tx.suggestion.findFirst({ where: { id: suggestionId, articleId }, select: { status: true } });
      if (!current) throw notFound("Suggestion");
      if (current.status === "ORPHANED") throw new AppError("conflict", "This suggestion's words are no longer in the article's text.");
      return; // already dismissed
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "suggestion.dismiss",
      entityType: "Suggestion",
      entityId: suggestionId,
      changes: { articleId, status: { from: "OPEN", to: "DISMISSED" } },
    });
  });
}
