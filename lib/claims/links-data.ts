import "server-only";
import { prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { claimItems, factCheckItems } from "@/lib/memory/items";

// "Same claim" links as a claim sees them: the other side of each (links are
// symmetric; a pair of claims is stored once, the smaller id in claimId).

export type ClaimLinkView = {
  id: string;
  kind: "claim" | "factcheck";
  targetId: string;
  claimText: string;
  verdict: string | null;
  rating?: string | null;
  status?: string;
  publisher?: string | null;
  url?: string;
  articleId?: string;
  articleTitle?: string;
  date: string;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
};

const linkSelect = { id: true, claimId: true, linkedClaimId: true, factCheckId: true, createdAt: true, createdBy: { select: { id: true, name: true } } } as const;
type LinkRow = { id: string; claimId: string; linkedClaimId: string | null; factCheckId: string | null; createdAt: Date; createdBy: { id: string; name: string } | null };

/** The links' other sides, as `claimId` sees them, oldest link first. */
export async function presentLinks(claimId: string, links: LinkRow[], db: Db = prisma): Promise<ClaimLinkView[]> {
  const other = (l: LinkRow) => (l.factCheckId ? { kind: "factcheck" as const, id: l.factCheckId } : { kind: "claim" as const, id: l.claimId === claimId ? l.linkedClaimId! : l.claimId });
  const sides = links.map(other);
  const [claims, facts] = await Promise.all([
    claimItems(sides.filter((s) => s.kind === "claim").map((s) => s.id), db),
    factCheckItems(sides.filter((s) => s.kind === "factcheck").map((s) => s.id), db),
  ]);
  const out: ClaimLinkView[] = [];
  links.forEach((l, i) => {
    const side = sides[i];
    const base = { id: l.id, kind: side.kind, targetId: side.id, createdBy: l.createdBy, createdAt: l.createdAt.toISOString() };
    if (side.kind === "claim") {
      const c = claims.get(side.id);
      if (c) out.push({ ...base, claimText: c.claimText, verdict: c.verdict, status: c.status, articleId: c.articleId, articleTitle: c.articleTitle, date: c.date });
    } else {
      const f = facts.get(side.id);
      if (f) out.push({ ...base, claimText: f.claimText, verdict: f.verdict, rating: f.rating, publisher: f.publisher, url: f.url, date: f.date });
    }
  });
  return out;
}

export async function findLinks(claimId: string, db: Db = prisma): Promise<LinkRow[]> {
  return db.claimLink.findMany({
    where: { OR: [{ claimId }, { linkedClaimId: claimId }] },
    select: linkSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** GET /api/claims/:id/links. */
export async function listClaimLinks(claimId: string): Promise<{ items: ClaimLinkView[] }> {
  const claim = await prisma.claim.findUnique({ where: { id: claimId }, select: { id: true } });
  if (!claim) throw notFound("Claim");
  return { items: await presentLinks(claimId, await findLinks(claimId)) };
}

export { linkSelect };
