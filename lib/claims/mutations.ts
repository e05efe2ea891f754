import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { notifyMentions } from "@/lib/notifications/mutations";
import { diffFields } from "@/lib/audit/diff";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, hasRole } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SUBMITTABLE, type ClaimStatus } from "./constants";
import { getClaim, type ClaimView } from "./data";
import type { ClaimUpdate } from "./schema";
import { anchorSelector, sourceRows, sourceSummary } from "./selector";



function staleVersion(current: ClaimView, sent?: number): AppError {
  return new AppError(
    "conflict",
    `This claim was changed since you loaded it (it is at version ${current.version}${sent ? `, you sent ${sent}` : ""}). Review the current version and reapply your change.`,
    { fields: { version: "is stale" }, details: { current } },
  );
}

/**
 * Inside the write's transaction: the article is still at the revision whose
 * text the selector was checked against. FOR SHARE makes a concurrent revision
 * wait for this write (and then re-anchor it) or, if it came first, refuses
 * this write instead of storing offsets into a text that no longer exists.
 */
async function assertRevision(tx: Tx, articleId: string, revision: number) {
  const rows = await tx.$queryRaw<Array<{ revision: number }>>`SELECT revision FROM "Article" WHERE id = ${articleId} FOR SHARE`;
  if (rows[0]?.revision !== revision) {
    throw new AppError("conflict", "The article's text changed while you were working. Reload it and select the words again.", { fields: { selector: "refers to an older revision of the text" } });
  }
}

async function loadForWrite(id: string) {
  const claim = await prisma.claim.findUnique({ where: { id }, include: { sources: { orderBy: { position: "asc" } } } });
  if (!claim) throw notFound("Claim");
  return claim;
}

export async function updateClaim(user: CurrentUser, id: string, patch: ClaimUpdate): Promise<ClaimView> {
  const current = await loadForWrite(id);
  if (!can(user, "claim:update", current)) throw forbidden("Only the claim's author (until it is approved) or an editor may change it");
  if (patch.selector && !can(user, "claim:reattach", current)) throw forbidden("Only the claim's author (until it is approved) or an editor may re-attach it");
  const isEditor = hasRole(user, "EDITOR");

  // Whoever changes a claim is its last editor: four eyes means they do not approve it (lib/reviews).
  const data: Prisma.ClaimUncheckedUpdateManyInput = { lastEditedById: user.id };
  if (patch.claimText !== undefined) data.claimText = patch.claimText;
  if (patch.verdict !== undefined) data.verdict = patch.verdict;
  if (patch.rationale !== undefined) data.rationale = patch.rationale;
  let checkedRevision: number | null = null;
  if (patch.selector) {
    const article = await prisma.article.findUniqueOrThrow({ where: { id: current.articleId }, select: { text: true, revision: true } });
    Object.assign(data, anchorSelector(article.text, patch.selector), { anchorStatus: "ANCHORED", articleRevision: article.revision });
    checkedRevision = article.revision;
  }
  // An approved claim that changes must be reviewed again.
  const reopened = current.status === "APPROVED";
  if (reopened) Object.assign(data, { status: "SUBMITTED" satisfies ClaimStatus, submittedAt: new Date() });

  // Read back inside the transaction, as in createClaim.
  return prisma.$transaction(async (tx) => {
    if (checkedRevision !== null) await assertRevision(tx, current.articleId, checkedRevision);
    // Version, ownership and state are in the WHERE clause: of two racing
    // writers with the same version exactly one matches; the other gets 409.
    const { count } = await tx.claim.updateMany({
      where: { id, version: patch.version, ...(isEditor ? {} : { authorId: user.id, status: { not: "APPROVED" } }) },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await explainMiss(tx, id, user, patch.version);
    if (patch.sources) {
      await tx.source.deleteMany({ where: { claimId: id } });
      await tx.source.createMany({ data: sourceRows(patch.sources).map((s) => ({ ...s, claimId: id })) });
    }
    const changes: Record<string, unknown> = diffFields(
      { claimText: current.claimText, verdict: current.verdict, rationale: current.rationale, status: current.status, start: current.start, end: current.end, exact: current.exact, anchorStatus: current.anchorStatus },
      { claimText: data.claimText, verdict: data.verdict, rationale: data.rationale, status: data.status, start: data.start, end: data.end, exact: data.exact, anchorStatus: data.anchorStatus } as Record<string, unknown>,
    );
    if (patch.sources) {
      const before = sourceSummary(current.sources);
      const after = sourceSummary(patch.sources);
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.sources = { from: before, to: after };
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: patch.selector ? "claim.reattach" : "claim.update",
      entityType: "Claim",
      entityId: id,
      changes: { ...changes, version: { from: patch.version, to: patch.version + 1 } } as Prisma.InputJsonValue,
    });
    return (await getClaim(id, tx))!;
  });
}

/** Why a guarded write matched no row: gone (404), stale (409 with the current claim) or not allowed (403). */
async function explainMiss(tx: Tx, id: string, user: CurrentUser, version?: number): Promise<AppError> {
  const now = await getClaim(id, tx);
  if (!now) return notFound("Claim");
  if (version !== undefined && now.version !== version) return staleVersion(now, version);
  if (!can(user, "claim:update", { authorId: now.author.id, status: now.status })) return forbidden("You may no longer change this claim");
  return new AppError("conflict", `This claim is ${now.status.toLowerCase().replace("_", " ")} and cannot be changed this way`, { details: { current: now } });
}

export async function deleteClaim(user: CurrentUser, id: string): Promise<void> {
  const current = await loadForWrite(id);
  if (!can(user, "claim:delete", current)) throw forbidden("Only the claim's author (until it is approved) or an editor may delete it");
  const isEditor = hasRole(user, "EDITOR");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.claim.deleteMany({ where: { id, ...(isEditor ? {} : { authorId: user.id, status: { not: "APPROVED" } }) } });
    if (count === 0) throw await explainMiss(tx, id, user);
    await recordAudit(tx, {
      actorId: user.id,
      action: "claim.delete",
      entityType: "Claim",
      entityId: id,
      changes: { articleId: current.articleId, exact: current.exact, claimText: current.claimText, verdict: current.verdict, status: current.status },
    });
  });
}

export async function submitClaim(user: CurrentUser, id: string, version?: number): Promise<ClaimView> {
  const current = await loadForWrite(id);
  if (!can(user, "claim:submit", current)) throw forbidden("Only the claim's author may submit it for review");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id, authorId: user.id, status: { in: [...SUBMITTABLE] }, ...(version !== undefined ? { version } : {}) },
      data: { status: "SUBMITTED", submittedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) {
      const now = (await getClaim(id, tx))!;
      if (version !== undefined && now.version !== version) throw staleVersion(now, version);
      throw new AppError("conflict", `Only draft claims or claims with changes requested can be submitted; this one is ${now.status.toLowerCase().replace("_", " ")}`, {
        details: { current: now },
      });
    }
    await recordAudit(tx, { actorId: user.id, action: "claim.submit", entityType: "Claim", entityId: id, changes: { status: { from: current.status, to: "SUBMITTED" } } });
    return (await getClaim(id, tx))!;
  });
}

export async function addComment(user: CurrentUser, claimId: string, body: string) {
  if (!can(user, "claim:comment")) throw forbidden();
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, articleId: true, claimText: true } });
    if (!claim) throw notFound("Claim");
    const comment = await tx.comment.create({
      data: { claimId, authorId: user.id, body },
      include: { author: { select: { id: true, name: true } } },
    });
    await recordAudit(tx, { actorId: user.id, action: "claim.comment", entityType: "Claim", entityId: claimId, changes: { commentId: comment.id, body: body.slice(0, 500) } });
    // @mentions notify in this transaction: a comment that fails leaves no notification behind.
    await notifyMentions(tx, { id: user.id, name: user.name }, claim, body);
    return { id: comment.id, body: comment.body, author: comment.author, createdAt: comment.createdAt };
  });
}
