// The anchoring benchmark for `npm run bench`: 1,000 claims in a ~100 KB article.
import { splitsSurrogatePair } from "@/lib/anchoring/code-points";
import { describe } from "@/lib/anchoring/describe";
import { locate } from "@/lib/anchoring/locate";
import type { LocateResult, Selector } from "@/lib/anchoring/types";
import { seededRandom } from "@/lib/random";
import { EMOJI_ARTICLE, IRAN_LINES, JAPANESE_ARTICLE, RUSSIAN_ARTICLE } from "@/tests/fixtures/anchoring";

export type AnchoringBench = {
  exactMs: number;
  editedMs: number;
  claims: number;
  textBytes: number;
  anchored: number;
  fuzzy: number;
  orphaned: number;
  /** Claims found after the edits, but not on the words they quoted (a wrong occurrence). */
  misplaced: number;
};

const CLAIMS = 1000;
const TARGET_UNITS = 100_000;

/**
 * ~100 KB of real prose. Sections reuse the same paragraphs in shuffled order,
 * so most quotes occur many times and must be told apart by context and
 * position, as in a live blog that repeats boilerplate.
 */
function buildArticle(random: () => number): string {
  const pool = [
    ...IRAN_LINES.filter((l) => l.length > 40),
    ...RUSSIAN_ARTICLE.split("\n"),
    ...JAPANESE_ARTICLE.split("\n"),
    ...EMOJI_ARTICLE.split("\n"),
  ];
  const out: string[] = [];
  let size = 0;
  for (let section = 1; size < TARGET_UNITS; section++) {
    const header = `Update ${section}: reporting from the newsroom, ${section * 7} minutes after the previous entry.`;
    out.push(header);
    size += header.length + 1;
    const order = pool.map((p) => ({ p, k: random() })).sort((x, y) => x.k - y.k);
    for (const { p } of order) {
      if (size >= TARGET_UNITS) break;
      out.push(p);
      size += p.length + 1;
    }
  }
  return out.join("\n");
}

function isWordChar(code: number): boolean {
  return code !== 0x20 && code !== 0x0a;
}

function makeClaims(text: string, random: () => number): Selector[] {
  const claims: Selector[] = [];
  while (claims.length < CLAIMS) {
    const r = random();
    const length = r < 0.1 ? 5 + random() * 15 : r < 0.8 ? 20 + random() * 100 : 120 + random() * 300;
    let start = Math.floor(random() * (text.length - 10));
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    let end = Math.min(text.length, start + Math.floor(length));
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (splitsSurrogatePair(text, end)) end++;
    if (end - start < 3) continue;
    claims.push(describe(text, start, end));
  }
  return claims;
}

const REPLACEMENTS = ["reportedly", "several", "officials", "announced", "Monday", "partly"];
const NOTE = "EDITOR'S NOTE: This live blog was updated to correct the spelling of a name and to remove an unverified report.\n";

/** One edit in the original text's coordinates; the edits of one revision never overlap. */
type Edit = { at: number; removed: number; inserted: string };

/** Newsroom-style edits: changed words in ~5% of quotes, a paragraph cut, a paragraph added on top. */
function editArticle(text: string, claims: Selector[], random: () => number): Edit[] {
  const cutFrom = text.indexOf("\n", Math.floor(text.length / 2)) + 1;
  const cutTo = text.indexOf("\n", cutFrom) + 1;
  const edits: Edit[] = [{ at: 0, removed: 0, inserted: NOTE }, { at: cutFrom, removed: cutTo - cutFrom, inserted: "" }];
  const targets = claims.filter(() => random() < 0.05).sort((a, b) => b.start - a.start);
  let floor = Infinity; // keep edits from overlapping so each one lands where intended
  for (const claim of targets) {
    if (claim.end > floor) continue;
    const inner = text.slice(claim.start, claim.end);
    const space = inner.indexOf(" ", Math.floor(inner.length / 2));
    if (space === -1) continue;
    const wordStart = claim.start + space + 1;
    let wordEnd = wordStart;
    while (wordEnd < claim.end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    const word = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
    floor = claim.start;
    if (wordEnd > cutFrom && wordStart < cutTo) continue;
    edits.push({ at: wordStart, removed: wordEnd - wordStart, inserted: word });
  }
  return edits.sort((a, b) => a.at - b.at);
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (let k = edits.length - 1; k >= 0; k--) out = out.slice(0, edits[k].at) + edits[k].inserted + out.slice(edits[k].at + edits[k].removed);
  return out;
}

/**
 * Where a quote's words went: [start, end) in the edited text, or null when an
 * edit removed part of them (the cut paragraph), so there is no single right answer.
 */
function expectedSpan(edits: Edit[], start: number, end: number): { start: number; end: number } | null {
  let shiftStart = 0;
  let shiftEnd = 0;
  for (const e of edits) {
    if (e.removed > 0 && e.at < end && e.at + e.removed > start && e.inserted === "") return null;
    if (e.at + e.removed <= start) shiftStart += e.inserted.length - e.removed;
    if (e.at + e.removed <= end) shiftEnd += e.inserted.length - e.removed;
  }
  return { start: start + shiftStart, end: end + shiftEnd };
}

/** True when `found` covers at least half of `expected` (a changed word may move a fuzzy edge). */
function lands(found: { start: number; end: number }, expected: { start: number; end: number }): boolean {
  const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
  return 2 * overlap >= expected.end - expected.start;
}

export async function benchAnchoring(): Promise<AnchoringBench> {
  const random = seededRandom(20190624); // the same work on every run
  const text = buildArticle(random);
  const claims = makeClaims(text, random);

  let t0 = performance.now();
  for (const claim of claims) locate(text, claim);
  const exactMs = performance.now() - t0;

  const edits = editArticle(text, claims, random);
  const edited = applyEdits(text, edits);
  let anchored = 0;
  let fuzzy = 0;
  let orphaned = 0;
  const results: Array<LocateResult | null> = [];
  t0 = performance.now();
  for (const claim of claims) {
    const result = locate(edited, claim);
    results.push(result);
    if (!result) orphaned++;
    else if (result.status === "ANCHORED") anchored++;
    else fuzzy++;
  }
  const editedMs = performance.now() - t0;

  // Outside the timing: how many claims were placed on words other than their own.
  let misplaced = 0;
  claims.forEach((claim, k) => {
    const expected = expectedSpan(edits, claim.start, claim.end);
    const result = results[k];
    if (expected && result && !lands(result, expected)) misplaced++;
  });

  return {
    exactMs,
    editedMs,
    claims: claims.length,
    textBytes: new TextEncoder().encode(text).length,
    anchored,
    fuzzy,
    orphaned,
    misplaced,
  };
}
