import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, invalidInput, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/mutations";
import { articleHref, claimHref, notificationText } from "@/lib/notifications/messages";
import type { AssignmentInput, AssignmentView } from "./schema";

/**
 * An editor hands an article (or one claim of it) to an active user. The
 * assignment, its audit event and the assignee's notification are one
 * transaction. The assignee's state is read inside it, so a user deactivated
 * a moment earlier is refused rather than assigned.
 */
export async function createAssignment(user: CurrentUser, articleId: string, input: AssignmentInput): Promise<AssignmentView> {
  if (!can(user, "assignment:manage")) throw forbidden("Only editors assign articles and claims");
  return prisma.$transaction(async (tx) => {
    // Assignments to one article are made one at a time: two editors assigning the same
    // person at once would otherwise both pass the "already assigned" check below. A lock
    // of its own, not the article's row, so claim writes on the article never wait for it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`verity:assignment:${articleId}`}))`;
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, title: true } });
    if (!article) throw notFound("Article");
    const assignee = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { id: true, name: true, active: true } });
    if (!assignee?.active) throw invalidInput({ assigneeId: assignee ? "is deactivated: choose an active user" : "is not a user of Verity" });
    let claim: { id: string; claimText: string } | null = null;
    if (input.claimId) {
      claim = await tx.claim.findFirst({ where: { id: input.claimId, articleId }, select: { id: true, claimText: true } });
      if (!claim) throw invalidInput({ claimId: "is not a claim of this article" });
    }
    const existing = await tx.assignment.findFirst({ where: { articleId, claimId: claim?.id ?? null, assigneeId: assignee.id }, select: { id: true } });
    if (existing) throw new AppError("conflict", `${assignee.name} is already assigned to this ${claim ? "claim" : "article"}`, { fields: { assigneeId: "is already assigned" } });

    const row = await tx.assignment.create({
      data: { articleId, claimId: claim?.id ?? null, assigneeId: assignee.id, assignedById: user.id, note: input.note },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "assignment.create",
      entityType: "Assignment",
      entityId: row.id,
      changes: { articleId, claimId: claim?.id ?? null, assigneeId: assignee.id, note: input.note },
    });
    // Assigning oneself is a note to self: nobody to tell.
    if (assignee.id !== user.id) {
      await notify(tx, [
        {
          userId: assignee.id,
          kind: "ASSIGNMENT",
          actorId: user.id,
          articleId,
          claimId: claim?.id ?? null,
          message: notificationText.assignment(user.name, article.title, claim?.claimText),
          href: claim ? claimHref(articleId, claim.id) : articleHref(articleId),
        },
      ]);
    }
    return {
      id: row.id,
      articleId,
      claimId: claim?.id ?? null,
      claimText: claim?.claimText ?? null,
      assignee: { id: assignee.id, name: assignee.name },
      assignedBy: { id: user.id, name: user.name },
      note: input.note,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Unassigns; the delete and its audit event are one transaction (a second delete finds nothing: 404). */
export async function deleteAssignment(user: CurrentUser, assignmentId: string): Promise<void> {
  if (!can(user, "assignment:manage")) throw forbidden("Only editors unassign");
  await prisma.$transaction(async (tx) => {
    const row = await tx.assignment.findUnique({ where: { id: assignmentId }, select: { articleId: true, claimId: true, assigneeId: true, note: true } });
    // Counted, not assumed: a concurrent unassign that got there first makes this one a 404.
    const gone = row ? await tx.assignment.deleteMany({ where: { id: assignmentId } }) : { count: 0 };
    if (!row || gone.count === 0) throw notFound("Assignment");
    await recordAudit(tx, { actorId: user.id, action: "assignment.delete", entityType: "Assignment", entityId: assignmentId, changes: row });
  });
}
