import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LinkInput } from "@/lib/memory/schema";
import { linkSelect, presentLinks, type ClaimLinkView } from "./links-data";

// "Same claim": links a claim to an earlier claim or to an imported fact-check.
// Any reviewer may link and unlink (the link says something about two claims,
// not about one author's work); each change is audited on both sides in the
// transaction that makes it.

const isKnown = (e: unknown, code: string) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === code;

export async function linkClaim(user: CurrentUser, claimId: string, input: LinkInput): Promise<ClaimLinkView> {
  if (input.kind === "claim" && input.id === claimId) throw invalidInput({ claimId: "must be another claim: a claim cannot be linked to itself" });
  try {
    return await prisma.$transaction(async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
      if (!claim) throw notFound("Claim");
      const target =
        input.kind === "claim"
          ? await tx.claim.findUnique({ where: { id: input.id }, select: { id: true } })
          : await tx.factCheck.findUnique({ where: { id: input.id }, select: { id: true } });
      if (!target) throw notFound(input.kind === "claim" ? "Claim" : "Fact-check");
      // The trigger stores a pair of claims with the smaller id first, so the
      // unique index refuses a second link whichever side makes it.
      const link = await tx.claimLink.create({
        data: { claimId, ...(input.kind === "claim" ? { linkedClaimId: input.id } : { factCheckId: input.id }), createdById: user.id },
        select: linkSelect,
      });
      const changes = { linkId: link.id, claimId, ...(input.kind === "claim" ? { linkedClaimId: input.id } : { factCheckId: input.id }) };
      await recordAudit(tx, { actorId: user.id, action: "claim.link", entityType: "Claim", entityId: claimId, changes });
      await recordAudit(tx, { actorId: user.id, action: "claim.link", entityType: input.kind === "claim" ? "Claim" : "FactCheck", entityId: input.id, changes });
      const [view] = await presentLinks(claimId, [link], tx);
      return view;
    });
  } catch (e) {
    if (isKnown(e, "P2002")) {
      throw new AppError("conflict", input.kind === "claim" ? "These two claims are already linked as the same claim" : "This claim is already linked to that fact-check", {
        fields: { [input.kind === "claim" ? "claimId" : "factCheckId"]: "is already linked" },
      });
    }
    // Deleted while we linked it.
    if (isKnown(e, "P2003")) throw notFound(input.kind === "claim" ? "Claim" : "Fact-check");
    throw e;
  }
}

export async function unlinkClaim(user: CurrentUser, claimId: string, linkId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const where = { id: linkId, OR: [{ claimId }, { linkedClaimId: claimId }] };
    const link = await tx.claimLink.findFirst({ where, select: { id: true, claimId: true, linkedClaimId: true, factCheckId: true } });
    // Only a link that touches this claim: another claim's link is not this claim's to remove.
    const { count } = link ? await tx.claimLink.deleteMany({ where }) : { count: 0 };
    if (!link || count === 0) throw notFound("Link");
    const changes = { linkId: link.id, claimId: link.claimId, ...(link.factCheckId ? { factCheckId: link.factCheckId } : { linkedClaimId: link.linkedClaimId }) };
    const other = link.factCheckId ?? (link.claimId === claimId ? link.linkedClaimId! : link.claimId);
    await recordAudit(tx, { actorId: user.id, action: "claim.unlink", entityType: "Claim", entityId: claimId, changes });
    await recordAudit(tx, { actorId: user.id, action: "claim.unlink", entityType: link.factCheckId ? "FactCheck" : "Claim", entityId: other, changes });
  });
}
