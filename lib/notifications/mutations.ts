import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { mentionedUsers, parseMentions } from "./mentions";
import { claimHref, notificationText, type Decision } from "./messages";
import type { MarkReadInput } from "./schema";

type Actor = { id: string; name: string };
type ClaimRef = { id: string; articleId: string; claimText: string };

type NewNotification = { userId: string; kind: NotificationKind; actorId: string | null; articleId?: string | null; claimId?: string | null; message: string; href: string };

/**
 * Writes notifications inside the caller's transaction: they exist exactly when
 * the change that caused them commits (the database turns each insert into a
 * live `notification.created` event for its user at commit).
 */
export async function notify(tx: Tx, rows: NewNotification[]): Promise<number> {
  if (!rows.length) return 0;
  const { count } = await tx.notification.createMany({ data: rows });
  return count;
}

/** Active users answering to any of the handles (e-mail local part or name without spaces). */
async function usersByHandle(tx: Tx, handles: string[]) {
  if (!handles.length) return [];
  return tx.$queryRaw<Array<{ id: string; email: string; name: string }>>`
    SELECT id, email, name FROM "User"
    WHERE active AND (lower(split_part(email, '@', 1)) = ANY(${handles}::text[]) OR lower(regexp_replace(name, '[[:space:]]+', '', 'g')) = ANY(${handles}::text[]))`;
}

/**
 * One MENTION per active user that `text` mentions on the claim, never for the
 * writer and never for `skip` (someone already told about this write).
 */
export async function notifyMentions(tx: Tx, actor: Actor, claim: ClaimRef, text: string, skip: string[] = []): Promise<string[]> {
  const handles = parseMentions(text);
  if (!handles.length) return [];
  // The database narrowed by handle; the pure matcher decides (the same rule as the unit tests).
  const users = mentionedUsers(text, await usersByHandle(tx, handles)).filter((u) => u.id !== actor.id && !skip.includes(u.id));
  await notify(
    tx,
    users.map((u) => ({ userId: u.id, kind: "MENTION", actorId: actor.id, articleId: claim.articleId, claimId: claim.id, message: notificationText.mention(actor.name, claim.claimText), href: claimHref(claim.articleId, claim.id) })),
  );
  return users.map((u) => u.id);
}

/** Tells the claim's author of an editor's decision (not when they decided on their own claim). */
export async function notifyDecision(tx: Tx, actor: Actor, claim: ClaimRef & { authorId: string }, decision: Decision): Promise<string[]> {
  if (claim.authorId === actor.id) return [];
  await notify(tx, [
    {
      userId: claim.authorId,
      kind: decision === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : "REVIEW_DECISION",
      actorId: actor.id,
      articleId: claim.articleId,
      claimId: claim.id,
      message: notificationText.decision(actor.name, decision, claim.claimText),
      href: claimHref(claim.articleId, claim.id),
    },
  ]);
  return [claim.authorId];
}

/** Marks the user's own notifications read; someone else's ids simply match nothing. */
export async function markNotificationsRead(userId: string, input: MarkReadInput): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return count;
}
