import "server-only";
import { prisma } from "@/lib/db";
import { listArticleClaims } from "@/lib/claims/data";
import { toAnnotationCollection, type AnnotationCollection } from "./w3c";

/** The article's claims as a W3C AnnotationCollection; null for an unknown article. */
export async function getArticleAnnotations(articleId: string, baseUrl: string): Promise<AnnotationCollection | null> {
  const article = await prisma.article.findUnique({
    where: { id: articleId },
    select: { id: true, title: true, sourceUrl: true, text: true },
  });
  if (!article) return null;
  const [revisions, claims] = await Promise.all([
    prisma.articleRevision.findMany({ where: { articleId }, select: { revision: true, createdAt: true } }),
    listArticleClaims(articleId),
  ]);
  return toAnnotationCollection({
    baseUrl,
    article,
    revisions: new Map(revisions.map((r) => [r.revision, r.createdAt])),
    claims,
  });
}
