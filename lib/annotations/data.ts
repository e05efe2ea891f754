import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { listArticleClaims } from "@/lib/claims/data";
import { toAnnotationCollection, type AnnotationCollection } from "./w3c";

/**
 * The base every annotation IRI is built on: NEXTAUTH_URL when set (the public
 * address behind a proxy), else the origin the request came to. No trailing slash.
 */
export function annotationBaseUrl(requestOrigin: string): string {
  const configured = env().NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      const u = new URL(configured);
      return `${u.origin}${u.pathname}`.replace(/\/+$/, "");
    } catch {
      /* not a URL: fall back to the request's origin */
    }
  }
  return requestOrigin.replace(/\/+$/, "");
}

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
