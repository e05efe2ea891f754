import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportedArticleRef, ImportedFactCheckRef, ImportItemError, ImportJobDto } from "./types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Failed items as the API shows them; `fields` only when a field is to blame. */
function errorOf(item: { index: number; label: string; fields: Prisma.JsonValue; message: string | null }): ImportItemError {
  const fields = item.fields && typeof item.fields === "object" && !Array.isArray(item.fields) ? (item.fields as Record<string, string>) : undefined;
  return { index: item.index, label: item.label, ...(fields && Object.keys(fields).length ? { fields } : {}), message: item.message ?? "failed" };
}

/** "Pants on Fire!", or "2/5" for a rating given only as a number. */
function ratingText(r: { ratingName: string | null; ratingValue: number | null; bestRating: number | null }): string | null {
  if (r.ratingName) return r.ratingName;
  if (r.ratingValue === null) return null;
  return r.bestRating !== null ? `${r.ratingValue}/${r.bestRating}` : String(r.ratingValue);
}

/**
 * GET /api/imports/:jobId. With `includeArticles`, the articles each settled
 * item created or matched, and (only when there are any) the fact-checks.
 */
export async function getImportJob(jobId: string, opts: { includeArticles?: boolean } = {}): Promise<ImportJobDto | null> {
  const job = await prisma.importJob.findUnique({
    where: { id: jobId },
    select: {
      id: true, kind: true, label: true, status: true, total: true, imported: true, duplicates: true, failed: true,
      createdAt: true, startedAt: true, finishedAt: true,
      items: { where: { status: "FAILED" }, orderBy: { index: "asc" }, select: { index: true, label: true, fields: true, message: true } },
    },
  });
  if (!job) return null;
  const dto: ImportJobDto = {
    id: job.id,
    kind: job.kind,
    label: job.label,
    status: job.status,
    total: job.total,
    imported: job.imported,
    duplicates: job.duplicates,
    failed: job.failed,
    errors: job.items.map(errorOf),
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
  if (opts.includeArticles) {
    const items = await prisma.importItem.findMany({
      where: { jobId, status: { in: ["IMPORTED", "DUPLICATE"] }, articleId: { not: null } },
      orderBy: { index: "asc" },
      select: { index: true, label: true, status: true, articleId: true, article: { select: { title: true } } },
    });
    dto.articles = items.map(
      (i): ImportedArticleRef => ({ index: i.index, label: i.label, status: i.status === "IMPORTED" ? "imported" : "duplicate", articleId: i.articleId!, title: i.article?.title ?? i.label }),
    );
    const checks = await prisma.importItem.findMany({
      where: { jobId, status: { in: ["IMPORTED", "DUPLICATE"] }, factCheckId: { not: null } },
      orderBy: { index: "asc" },
      select: {
        index: true, label: true, status: true, factCheckId: true,
        factCheck: { select: { claimReviewed: true, url: true, ratingName: true, ratingValue: true, bestRating: true, verdict: true } },
      },
    });
    // Only for jobs that have them: an article import's answer keeps its shape.
    if (checks.length) {
      dto.factChecks = checks
        .filter((i) => i.factCheck)
        .map(
          (i): ImportedFactCheckRef => ({
            index: i.index,
            label: i.label,
            status: i.status === "IMPORTED" ? "imported" : "duplicate",
            factCheckId: i.factCheckId!,
            claimReviewed: i.factCheck!.claimReviewed,
            url: i.factCheck!.url,
            rating: ratingText(i.factCheck!),
            verdict: i.factCheck!.verdict,
          }),
        );
    }
  }
  return dto;
}

/** The import page's recent jobs. */
export async function listImportJobs(limit = 10) {
  return prisma.importJob.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, label: true, status: true, total: true, imported: true, duplicates: true, failed: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}
