import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { notifyDecision, notifyMentions } from "@/lib/notifications/mutations";
import { diffFields } from "@/lib/audit/diff";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getClaim, type ClaimView } from "@/lib/claims/data";
import { env } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { APPROVE_WITH_EDITS, fourEyesRefusal } from "./four-eyes";
import { DECISION_STATUS, type ReviewInput } from "./schema";

/**
 * An editor's decision on a submitted claim, tied to the version the editor saw.
 * The claim's state, version and any verdict/rationale change are one write,
 * guarded in its WHERE clause, with the Review row and the audit event.
 */
export async function reviewClaim(user: CurrentUser, claimId: string, input: ReviewInput): Promise<ClaimView> {
  if (!can(user, "claim:review")) throw forbidden("Only editors review claims");
  const current = await prisma.claim.findUnique({ where: { id: claimId }, select: { id: true, status: true, version: true, verdict: true, rationale: true, authorId: true, lastEditedById: true, articleId: true, claimText: true } });
  if (!current) throw notFound("Claim");
  const edits = diffFields({ verdict: current.verdict, rationale: current.rationale }, { verdict: input.verdict, rationale: input.rationale });
  const hasEdits = Object.keys(edits).length > 0;
  const status = DECISION_STATUS[input.decision];
  const fourEyes = input.decision === "APPROVE" && !env().ALLOW_SELF_APPROVAL;
  if (fourEyes) {
    const refusal = fourEyesRefusal(user.id, current, false);
    if (refusal) throw new AppError("forbidden", refusal, { fields: { decision: refusal } });
    if (hasEdits) throw new AppError("forbidden", APPROVE_WITH_EDITS, { fields: { decision: APPROVE_WITH_EDITS } });
  }

  // The answer is read inside the transaction: it shows exactly the decision that committed.
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: {
        id: claimId,
        version: input.version,
        status: "SUBMITTED",
        // Checked above, and again here: the row as it is at the write decides, not the read.
        ...(fourEyes ? { authorId: { not: user.id }, OR: [{ lastEditedById: null }, { lastEditedById: { not: user.id } }] } : {}),
      },
      data: {
        status,
        version: { increment: 1 },
        ...(hasEdits ? { lastEditedById: user.id } : {}),
        ...(input.verdict !== undefined ? { verdict: input.verdict } : {}),
        ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
      },
    });
    if (count === 0) {
      const now = (await getClaim(claimId, tx))!;
      if (now.version !== input.version) {
        throw new AppError("conflict", "This claim changed since you opened it: someone edited it or decided on it. Review the current version.", {
          fields: { version: "is stale" },
          details: { current: now },
        });
      }
      if (now.status !== "SUBMITTED") {
        throw new AppError("conflict", `Only submitted claims can be reviewed; this one is ${now.status.toLowerCase().replace("_", " ")}`, { details: { current: now } });
      }
      throw new AppError("forbidden", "You wrote or last changed this claim, so another editor must approve it (four eyes).", { fields: { decision: "four eyes" } });
    }
    const review = await tx.review.create({
      data: { claimId, editorId: user.id, decision: input.decision, comment: input.comment || null, claimVersion: input.version },
    });
    // The author hears of the decision, and anyone @mentioned in its comment, when it commits.
    const claimRef = { id: claimId, articleId: current.articleId, claimText: current.claimText, authorId: current.authorId };
    const told = await notifyDecision(tx, { id: user.id, name: user.name }, claimRef, input.decision);
    if (input.comment) await notifyMentions(tx, { id: user.id, name: user.name }, claimRef, input.comment, told);
    await recordAudit(tx, {
      actorId: user.id,
      action: `claim.review.${input.decision.toLowerCase()}`,
      entityType: "Claim",
      entityId: claimId,
      changes: {
        reviewId: review.id,
        decision: input.decision,
        comment: input.comment || null,
        reviewedVersion: input.version,
        status: { from: current.status, to: status },
        ...edits,
      },
    });
    return (await getClaim(claimId, tx))!;
  });
}
