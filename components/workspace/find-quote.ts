// The reader's "Find a quote to select": typed quotes rarely match the article
// byte for byte (a straight apostrophe for a curly one, a hyphen for a dash, two
// spaces, other capitals), so both sides go through the anchoring normaliser
// and a case fold that keeps every unit in place, and each hit maps back to the
// article's own offsets. Pure.
import { normalize, toOriginalOffset, type NormalizedText } from "@/lib/anchoring/normalize";

export type Haystack = { nt: NormalizedText; folded: string };

/**
 * Lower-cases without changing the length, so normalised offsets stay valid:
 * the rare letter whose lower case is longer (Turkish İ) is left as it is.
 */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The article prepared once for any number of searches. */
export function prepareHaystack(text: string): Haystack {
  const nt = normalize(text);
  return { nt, folded: foldCase(nt.text) };
}

/** The query as it is searched: trimmed, normalised, case-folded; "" when nothing is left. */
export function foldQuery(query: string): string {
  return foldCase(normalize(query.trim()).text);
}

export type Match = { start: number; end: number };

/** Every place the query occurs (overlapping ones too), as [start, end) offsets in the original text. */
export function findQuote(hay: Haystack, query: string): Match[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const out: Match[] = [];
  for (let at = hay.folded.indexOf(needle); at >= 0; at = hay.folded.indexOf(needle, at + 1)) {
    out.push({ start: toOriginalOffset(hay.nt, at), end: toOriginalOffset(hay.nt, at + needle.length) });
  }
  return out;
}

/** The match to select next: the first one starting after `after` (the previous hit's start), wrapping round. */
export function nextMatch(matches: readonly Match[], after: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.start > after);
  return i < 0 ? 0 : i;
}
