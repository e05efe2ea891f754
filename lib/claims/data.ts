import "server-only";
import type { Db } from "@/lib/db";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const claimInclude = {
  author: { select: { id: true, name: true } },
  lastEditedBy: { select: { id: true, name: true } },
  sources: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
  reviews: { orderBy: { createdAt: "asc" }, include: { editor: { select: { id: true, name: true } } } },
  comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true } } } },
} satisfies Prisma.ClaimInclude;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

/** The claim as the API and the UI see it: selectors grouped, relations included. */
export function presentClaim(c: ClaimRow) {
  return {
    id: c.id,
    articleId: c.articleId,
    articleRevision: c.articleRevision,
    selector: { exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end },
    anchorStatus: c.anchorStatus,
    claimText: c.claimText,
    verdict: c.verdict,
    rationale: c.rationale,
    status: c.status,
    author: c.author,
    /** Who last changed the claim's content (four eyes: they do not approve it). */
    lastEditedBy: c.lastEditedBy,
    version: c.version,
    submittedAt: c.submittedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    sourceCount: c.sources.length,
    detail: true as const,
    sources: c.sources.map((s) => ({
      id: s.id,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      stance: s.stance,
      archivedUrl: s.archivedUrl,
      excerpt: s.excerpt,
      accessedAt: s.accessedAt,
    })),
    reviews: c.reviews.map((r) => ({ id: r.id, decision: r.decision, comment: r.comment, claimVersion: r.claimVersion, editor: r.editor, createdAt: r.createdAt })),
    comments: c.comments.map((m) => ({ id: m.id, body: m.body, author: m.author, createdAt: m.createdAt })),
  };
}

export type ClaimView = ReturnType<typeof presentClaim>;

export async function getClaim(id: string, db: Db = prisma): Promise<ClaimView | null> {
  const c = await db.claim.findUnique({ where: { id }, include: claimInclude });
  return c ? presentClaim(c) : null;
}

/** An article's claims in text order; orphaned ones last. */
export async function listArticleClaims(articleId: string): Promise<ClaimView[]> {
  const rows = await prisma.claim.findMany({
    where: { articleId },
    include: claimInclude,
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
  });
  const views = rows.map(presentClaim);
  return [...views.filter((c) => c.anchorStatus !== "ORPHANED"), ...views.filter((c) => c.anchorStatus === "ORPHANED")];
}
