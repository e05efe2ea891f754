// The CLEF-2020 CheckThat! Task 2 files (tests/fixtures/claim-retrieval): verified
// claims, tweets and the pairs that say which claim checks which tweet. Used by
// `npm run bench` and the ranking tests only. Pure.
import Papa from "papaparse";

export type VerifiedClaim = { id: string; vclaim: string; title: string };
export type Tweet = { id: string; text: string };

/** Tab-separated with a header line; fields may be quoted and span lines (14 claims do). */
function rows(tsv: string): string[][] {
  const parsed = Papa.parse<string[]>(tsv, { delimiter: "\t", skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`TSV: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data.slice(1);
}

/** `vclaim_id, vclaim, title`. */
export function parseVerifiedClaims(tsv: string): VerifiedClaim[] {
  return rows(tsv).map(([id, vclaim, title]) => ({ id, vclaim: vclaim ?? "", title: title ?? "" }));
}

/** `tweet_id, tweet_content`. */
export function parseTweets(tsv: string): Tweet[] {
  return rows(tsv).map(([id, text]) => ({ id, text: text ?? "" }));
}

/** TREC qrels, `tweet_id 0 vclaim_id 1` per line: each tweet's relevant claim ids. */
export function parseQrels(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split("\n")) {
    const [q, , doc, rel] = line.trim().split(/\s+/);
    if (!q || !doc || Number(rel) <= 0) continue;
    if (!out.has(q)) out.set(q, new Set());
    out.get(q)!.add(doc);
  }
  return out;
}
