import "server-only";
import { sql } from "@/lib/db";

// Source memory: typing a URL already cited elsewhere fills in its title and
// publisher (the most recent ones it was cited with) and says how often it was
// cited. Exact URL match, through the hash index on Source.url.

export type SourceMemory = { url: string; title: string | null; publisher: string | null; citations: number; claims: number };

export async function lookupSource(url: string): Promise<SourceMemory> {
  const [row] = await sql<{ title: string | null; publisher: string | null; citations: number; claims: number }>(
    "verity_source_lookup",
    `SELECT (SELECT s.title FROM "Source" s WHERE s.url = $1 ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) AS title,
            (SELECT s.publisher FROM "Source" s WHERE s.url = $1 AND s.publisher IS NOT NULL ORDER BY s."createdAt" DESC, s.id DESC LIMIT 1) AS publisher,
            count(*)::int AS citations, count(DISTINCT "claimId")::int AS claims
     FROM "Source" WHERE url = $1`,
    [url],
  );
  return { url, title: row?.title ?? null, publisher: row?.publisher ?? null, citations: row?.citations ?? 0, claims: row?.claims ?? 0 };
}
