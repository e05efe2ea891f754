import "server-only";
import { prisma, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { FactCheckRecord } from "./records";

export type FactCheckImportResult = { status: "imported"; factCheckId: string } | { status: "duplicate"; factCheckId: string };

export type ImportFactCheckOptions = {
  /**
   * Runs inside the transaction that creates the fact-check: an import job
   * settles its item here, so the row and the item's state commit together.
   */
  onCreated?: (tx: Tx, factCheck: { id: string }) => Promise<void>;
};

async function findByUrl(url: string) {
  return prisma.factCheck.findUnique({ where: { url }, select: { id: true } });
}

/**
 * The one way a fact-check published elsewhere enters Verity: a ClaimReview
 * record, stored with the publisher's rating as written and Verity's nearest
 * verdict (null: unmapped), audited in the same transaction. One fact-check per
 * URL: a known URL is reported as a duplicate of the stored one, never changed.
 */
export async function importFactCheck(actorId: string | null, record: FactCheckRecord, opts: ImportFactCheckOptions = {}): Promise<FactCheckImportResult> {
  const existing = await findByUrl(record.url);
  if (existing) return { status: "duplicate", factCheckId: existing.id };
  try {
    const created = await prisma.$transaction(async (tx) => {
      const fc = await tx.factCheck.create({
        data: {
          url: record.url,
          claimReviewed: record.claimReviewed,
          title: record.title,
          claimant: record.claimant,
          appearanceUrl: record.appearanceUrl,
          ratingName: record.rating.alternateName,
          ratingValue: record.rating.ratingValue,
          bestRating: record.rating.bestRating,
          worstRating: record.rating.worstRating,
          verdict: record.mapped.verdict,
          publisher: record.publisher,
          datePublished: record.datePublished ? new Date(record.datePublished) : null,
          language: record.language,
          createdById: actorId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "factcheck.create",
        entityType: "FactCheck",
        entityId: fc.id,
        changes: { url: record.url, claimReviewed: record.claimReviewed, rating: record.rating.alternateName ?? record.rating.ratingValue, verdict: record.mapped.verdict, mappedBy: record.mapped.by },
      });
      await opts.onCreated?.(tx, fc);
      return fc;
    });
    return { status: "imported", factCheckId: created.id };
  } catch (e) {
    // A concurrent import stored the same URL first: that one is the fact-check.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const again = await findByUrl(record.url);
      if (again) return { status: "duplicate", factCheckId: again.id };
    }
    throw e;
  }
}
