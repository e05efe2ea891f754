import { findMatchEnds, findMatchStart, type StepBudget } from "./approx-match";
import { splitsSurrogatePair } from "./code-points";
import { isSpaceCode } from "./normalize";
import { clearsMinimum, contextAgreement, ERROR_WEIGHT, nearness, NEAR_WEIGHT, searchMargin, suffixAgreement, type Query, type Span } from "./scoring";

// Quotes this short match by accident too easily to be worth it.
export const MIN_FUZZY_LENGTH = 5;
const MAX_ERROR_RATIO = 0.2;
// Exact pieces of a long quote used to find where to run the approximate search.
const PIECE_LENGTH = 24;
const PIECES = 5;
const MAX_SEEDS = 40;

/** An approximate match, with what scored it: context agreement and edit errors. */
export type FuzzyHit = Span & { context: number; errors: number };

/**
 * Finding where a match starts costs a reverse search, about (quote length)² / 32
 * steps. Text that repeats itself (a run of one character, a table of identical
 * rows) gives a best match at nearly every position; past this many steps only
 * the matches whose suffix and position look best are followed up. Ordinary text
 * has a handful of best matches and never comes near it.
 */
const START_SEARCH_BUDGET = 10_000_000;

/**
 * The indexes of `ends` worth finding a start for: all of them when affordable,
 * else the `limit` best by what the end alone tells (suffix agreement, nearness
 * of the implied start), in text order.
 */
function affordableEnds(hay: string, q: Query, ends: number[], from: number, limit: number): number[] {
  const all = ends.map((_, i) => i);
  if (ends.length <= limit) return all;
  const guess = (i: number) => {
    const end = ends[i] + from;
    return suffixAgreement(hay, end, q.suffix) + NEAR_WEIGHT * nearness(end - q.exact.length, q.hint, hay.length);
  };
  const scores = all.map(guess);
  return all.sort((a, b) => scores[b] - scores[a] || a - b).slice(0, limit).sort((a, b) => a - b);
}

/**
 * Block steps one fuzzy() may spend finding match ends (~70 million a second
 * here). The search costs text × active blocks, and a block stays active only
 * while the text keeps nearly matching the quote: the longest quote (10,000)
 * over the largest article (900,000) takes ~31 million in ordinary prose (a
 * 2,000-character quote ~7 million) but ~280 million (4 s) in text made to
 * resemble the quote everywhere (a run of one character), which is where the
 * budget stops it.
 */
export const FUZZY_SEARCH_STEPS = 60_000_000;

/**
 * Best approximate match inside any of the [from, to) `regions`, or null (also
 * when the budget runs out). `caps`, when given, lowers the edits allowed in
 * each region (at most `maxErrors`).
 */
export function bestFuzzy(hay: string, q: Query, maxErrors: number, regions: number[], budget: StepBudget, caps?: number[]): FuzzyHit | null {
  let best: FuzzyHit | null = null;
  let bestScore = -Infinity;
  const len = q.exact.length;
  // Starts this call can afford, shared by all its regions.
  let left = Math.max(1, Math.floor(START_SEARCH_BUDGET / ((len + maxErrors) * Math.ceil(len / 32))));
  for (let r = 0; r < regions.length && left > 0; r += 2) {
    const from = regions[r];
    const to = regions[r + 1];
    const cap = caps ? caps[r >> 1] : maxErrors;
    const slice = from === 0 && to === hay.length ? hay : hay.slice(from, to);
    const { ends, errors, exhausted } = findMatchEnds(slice, q.exact, cap, budget);
    if (exhausted) return null;
    const picked = affordableEnds(hay, q, ends, from, left);
    left -= picked.length;
    for (const i of picked) {
      const start = findMatchStart(slice, q.exact, ends[i], errors) + from;
      const end = ends[i] + from;
      if (end <= start || errors > cap) continue;
      const context = contextAgreement(hay, start, end, q);
      // A short quote with a couple of edits can match almost anywhere in a long article.
      if (!clearsMinimum(context, q.exact.length)) continue;
      const score =
        context + NEAR_WEIGHT * nearness(start, q.hint, hay.length) - ERROR_WEIGHT * errors;
      if (score > bestScore) {
        bestScore = score;
        best = { start, end, context, errors };
      }
    }
  }
  return best;
}

/**
 * Filter step for long quotes: a quote with a few changed words still contains
 * some of these pieces verbatim, and each verbatim hit pins down where the quote
 * would start. Searching just around those spots is far cheaper than running the
 * approximate matcher over the whole window. Returns null when there is nothing
 * to gain (short quote, no hits, or so many hits that the plain search is as good).
 */
function seededRegions(hay: string, exact: string, maxErrors: number, from: number, to: number): number[] | null {
  const len = exact.length;
  if (len < 2 * PIECE_LENGTH) return null;
  const area = from === 0 && to === hay.length ? hay : hay.slice(from, to);
  const starts: number[] = [];
  for (let p = 0; p < PIECES; p++) {
    const offset = Math.round(((len - PIECE_LENGTH) * p) / (PIECES - 1));
    const piece = exact.slice(offset, offset + PIECE_LENGTH);
    for (let i = area.indexOf(piece); i !== -1; i = area.indexOf(piece, i + 1)) {
      if (starts.length === MAX_SEEDS) return null;
      starts.push(from + i - offset);
    }
  }
  if (starts.length === 0) return null;
  starts.sort((a, b) => a - b);
  const slack = maxErrors + PIECE_LENGTH;
  const regions: number[] = [];
  for (const s of starts) {
    // Clipped to the text, not the window, so a quote straddling the window's edge stays whole.
    const lo = Math.max(0, s - slack);
    const hi = Math.min(hay.length, s + len + slack);
    const last = regions.length - 1;
    if (last > 0 && lo <= regions[last]) regions[last] = Math.max(hi, regions[last]);
    else regions.push(lo, hi);
  }
  return regions;
}

/** Edits a fuzzy match of a quote this long may have: 20% of it. */
export function maxErrorsFor(len: number): number {
  return Math.max(1, Math.floor(len * MAX_ERROR_RATIO));
}

/**
 * Approximate match of q.exact in hay allowing 20% of its length in edits
 * (bit-parallel Myers, approx-match.ts), or null. Only the matches with the
 * fewest edits are weighed, so where the quote occurs unchanged, that is all
 * this finds: see fuzzyAtContext (context-search.ts) for the place the context points to.
 */
export function fuzzy(hay: string, q: Query): FuzzyHit | null {
  const len = q.exact.length;
  if (len < MIN_FUZZY_LENGTH) return null;
  const maxErrors = maxErrorsFor(len);
  // Also bounds the O(n*m/32) search cost for absurdly long garbage quotes.
  if (len - maxErrors > hay.length) return null;
  // Near the old position first; the whole text only when nothing acceptable is there.
  const areas: number[] = [];
  if (!Number.isNaN(q.hint)) {
    const margin = searchMargin(len);
    areas.push(Math.max(0, q.hint - margin), Math.min(hay.length, q.hint + len + margin));
  }
  if (areas[0] !== 0 || areas[1] !== hay.length) areas.push(0, hay.length);
  // Out of budget, the quote stays unplaced (ORPHANED) rather than placed on a partial search.
  const budget: StepBudget = { steps: FUZZY_SEARCH_STEPS };
  for (let a = 0; a < areas.length; a += 2) {
    const from = areas[a];
    const to = areas[a + 1];
    const seeded = seededRegions(hay, q.exact, maxErrors, from, to);
    let hit = (seeded && bestFuzzy(hay, q, maxErrors, seeded, budget)) || bestFuzzy(hay, q, maxErrors, [from, to], budget);
    // A window edge can cut through the quote, leaving a truncated match that is
    // still within the error budget; search again with room on both sides.
    if (hit && ((from > 0 && hit.start - from <= maxErrors) || (to < hay.length && to - hit.end <= maxErrors))) {
      const room = len + maxErrors;
      const lo = Math.max(0, hit.start - room);
      hit = bestFuzzy(hay, q, maxErrors, [lo, Math.min(hay.length, hit.end + room)], budget) ?? hit;
    }
    if (budget.steps < 0) return null;
    if (hit) return hit;
  }
  return null;
}

const MARK = /^\p{M}/u;

function isMarkAt(text: string, i: number): boolean {
  return i < text.length && MARK.test(text.slice(i, i + 2));
}

/**
 * Fuzzy boundaries come from an edit-distance alignment, which knows nothing of
 * words or graphemes: trim whitespace the quote did not have, keep combining
 * marks with their base character and never split a surrogate pair.
 */
export function tidyFuzzySpan(text: string, exact: string, span: Span): Span | null {
  let { start, end } = span;
  if (!isSpaceCode(exact.charCodeAt(0))) {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  }
  if (!isSpaceCode(exact.charCodeAt(exact.length - 1))) {
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  }
  while (start > 0 && isMarkAt(text, start)) start--;
  while (isMarkAt(text, end)) end += splitsSurrogatePair(text, end + 1) ? 2 : 1;
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  return start < end ? { start, end } : null;
}
