import "server-only";
import { prisma } from "@/lib/db";
import type { Verdict } from "@/lib/claims/constants";

/** One "Also checked" line under a published claim. */
export type AlsoChecked =
  | { kind: "factcheck"; id: string; publisher: string | null; rating: string | null; verdict: Verdict | null; url: string }
  | { kind: "claim"; id: string; articleTitle: string; slug: string };

type Row = {
  here: string;
  linkId: string;
  otherClaimId: string | null;
  fcId: string | null;
  fcPublisher: string | null;
  fcRating: string | null;
  fcVerdict: Verdict | null;
  fcUrl: string | null;
  fcDate: Date | null;
  articleTitle: string | null;
  slug: string | null;
  publishedAt: Date | null;
};

/**
 * The earlier checks linked ("same claim") to the claims on a public page, by
 * claim id, in one query for the whole page. Links are symmetric, so both
 * directions count. What may show is public already: imported fact-checks
 * (published elsewhere), and claims whose article is published with that claim
 * in its latest publication. A draft, an unpublished article or a claim that
 * did not go live never appears, not even as a count.
 */
export async function alsoCheckedFor(claimIds: string[], articleId: string): Promise<Map<string, AlsoChecked[]>> {
  const result = new Map<string, AlsoChecked[]>();
  if (claimIds.length === 0) return result;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH l AS (
      SELECT cl."claimId" AS here, cl.id AS "linkId", cl."linkedClaimId" AS other, cl."factCheckId" AS fc
        FROM "ClaimLink" cl WHERE cl."claimId" = ANY(${claimIds}::text[])
      UNION ALL
      SELECT cl."linkedClaimId", cl.id, cl."claimId", NULL
        FROM "ClaimLink" cl WHERE cl."linkedClaimId" = ANY(${claimIds}::text[])
    )
    SELECT l.here, l."linkId", oc.id AS "otherClaimId",
           f.id AS "fcId", f.publisher AS "fcPublisher", f."ratingName" AS "fcRating", f.verdict::text AS "fcVerdict", f.url AS "fcUrl",
           f."datePublished" AS "fcDate",
           a.title AS "articleTitle", a.slug, pub."createdAt" AS "publishedAt"
      FROM l
      LEFT JOIN "FactCheck" f ON f.id = l.fc
      LEFT JOIN "Claim" oc ON oc.id = l.other
      LEFT JOIN "Article" a ON a.id = oc."articleId" AND a.status = 'PUBLISHED' AND a.id <> ${articleId}
      LEFT JOIN LATERAL (
        SELECT p.claims, p."createdAt" FROM "Publication" p WHERE p."articleId" = a.id ORDER BY p.number DESC LIMIT 1
      ) pub ON true
     WHERE f.id IS NOT NULL
        OR (a.id IS NOT NULL AND pub.claims @> jsonb_build_array(jsonb_build_object('id', oc.id)))
  `;
  const seen = new Set<string>();
  // Fact-checks first (newest first), then the other Verity pages (most recently published first).
  rows.sort((x, y) => Number(!x.fcId) - Number(!y.fcId) || (y.fcDate ?? y.publishedAt ?? new Date(0)).getTime() - (x.fcDate ?? x.publishedAt ?? new Date(0)).getTime());
  for (const r of rows) {
    const item: AlsoChecked | null = r.fcId
      ? { kind: "factcheck", id: r.fcId, publisher: r.fcPublisher, rating: r.fcRating, verdict: r.fcVerdict, url: r.fcUrl! }
      : r.otherClaimId && r.slug && r.articleTitle
        ? { kind: "claim", id: r.otherClaimId, articleTitle: r.articleTitle, slug: r.slug }
        : null;
    if (!item) continue;
    const key = `${r.here}:${item.kind}:${item.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.set(r.here, [...(result.get(r.here) ?? []), item]);
  }
  return result;
}
