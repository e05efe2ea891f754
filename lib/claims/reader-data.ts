import "server-only";
import { sql } from "@/lib/db";
import { articleText } from "@/lib/articles/text-cache";
import type { AnchorStatus, ClaimStatus, Verdict } from "./constants";
import { encodeBlocks, encodeClaims, type EncodedBlock, type EncodedClaims } from "./reader-codec";

export type ReaderData = { id: string; revision: number; text: string; blocks: EncodedBlock[] } & EncodedClaims;

type Row = {
  id: string; exact: string; start: number; end: number; anchorStatus: AnchorStatus; claimText: string; verdict: Verdict; status: ClaimStatus;
  version: number; updatedMs: number; authorId: string; authorName: string; sourceCount: number;
};

/**
 * What the reader needs to draw an article: its text and blocks (sent once,
 * rendered in the browser) and every claim's highlight and list line, encoded
 * compactly. The text comes from the per-revision cache when this process has
 * it; the revision read beside the claims says whether it is still current.
 * The claims are one plain query straight through the pool (Prisma's relation
 * loading, _count and per-value decoding cost more than the query itself at
 * 1,000 claims); the count of sources uses the (claimId, position) index.
 */
export async function readerData(articleId: string): Promise<ReaderData | null> {
  const [head, rows] = await Promise.all([
    sql<{ revision: number }>("verity_reader_revision", `SELECT revision FROM "Article" WHERE id = $1`, [articleId]),
    sql<Row>(
      "verity_reader_claims",
      `SELECT c.id, c.exact, c.start, c."end", c."anchorStatus"::text AS "anchorStatus", c."claimText", c.verdict::text AS verdict, c.status::text AS status, c.version,
              (extract(epoch FROM c."updatedAt" AT TIME ZONE 'UTC') * 1000)::float8 AS "updatedMs",
              c."authorId", u.name AS "authorName", (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id)::int AS "sourceCount"
       FROM "Claim" c JOIN "User" u ON u.id = c."authorId"
       WHERE c."articleId" = $1
       ORDER BY c.start ASC, c."end" DESC, c."createdAt" ASC`,
      [articleId],
    ),
  ]);
  if (!head[0]) return null;
  let article = await articleText(articleId);
  if (article && article.revision !== head[0].revision) article = await articleText(articleId, { fresh: true });
  if (!article) return null;
  const encoded = encodeClaims(
    rows.map((c) => ({
      id: c.id,
      selector: { exact: c.exact, start: c.start, end: c.end },
      anchorStatus: c.anchorStatus,
      claimText: c.claimText,
      verdict: c.verdict,
      status: c.status,
      author: { id: c.authorId, name: c.authorName },
      version: c.version,
      updatedAt: new Date(c.updatedMs).toISOString(),
      sourceCount: c.sourceCount,
    })),
    article.text,
  );
  return { id: article.id, revision: article.revision, text: article.text, blocks: encodeBlocks(article.blocks), ...encoded };
}
