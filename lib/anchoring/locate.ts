import search from "approx-string-match";
import { splitsSurrogatePair } from "./code-points";
import { isSpaceCode, normalize, normalizeCached, toNormalizedOffset } from "./normalize";
import type { LocateResult } from "./types";

// Scoring. Context agreement is counted in characters (0..64 with 32 stored per
// side), so it dominates; nearness to the old position is worth at most
// NEAR_WEIGHT characters and mostly breaks ties between occurrences whose
// context is equally good (e.g. a sentence repeated verbatim).
const NEAR_WEIGHT = 2;
const ERROR_WEIGHT = 1;

// Fuzzy step. Quotes this short match by accident too easily to be worth it.
const MIN_FUZZY_LENGTH = 5;
const MAX_ERROR_RATIO = 0.2;
// A short quote with a couple of edits can match almost anywhere in a long
// article, so below this length a fuzzy hit must also agree on some context.
const SHORT_FUZZY_LENGTH = 32;
const SHORT_FUZZY_MIN_CONTEXT = 4;
// Search near the old position first; the whole text is only a fallback.
const WINDOW_FACTOR = 4;
const WINDOW_SLACK = 2000;
// Exact pieces of a long quote used to find where to run the approximate search.
const PIECE_LENGTH = 24;
const PIECES = 5;
const MAX_SEEDS = 40;

type Query = { exact: string; prefix: string; suffix: string; hint: number };

/** Characters of stored prefix/suffix that agree with the text around [start, end). */
function contextAgreement(hay: string, start: number, end: number, q: Query): number {
  const { prefix, suffix } = q;
  let p = 0;
  const pMax = Math.min(prefix.length, start);
  while (p < pMax && hay.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
  let s = 0;
  const sMax = Math.min(suffix.length, hay.length - end);
  while (s < sMax && hay.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  return p + s;
}

/** 1 at the old position, falling linearly to 0 a whole text-length away. */
function nearness(pos: number, hint: number, length: number): number {
  if (Number.isNaN(hint)) return 0;
  return 1 - Math.min(1, Math.abs(pos - hint) / Math.max(1, length));
}

function searchMargin(length: number): number {
  return WINDOW_FACTOR * length + WINDOW_SLACK;
}

/** Best-scoring exact occurrence of q.exact in hay, or -1. indexOf loops, O(64) per hit. */
function bestExact(hay: string, q: Query): number {
  const len = q.exact.length;
  let best = -1;
  let bestScore = -Infinity;
  let bestContext = 0;
  const scan = (from: number, to: number): void => {
    for (let i = hay.indexOf(q.exact, from); i !== -1 && i <= to; i = hay.indexOf(q.exact, i + 1)) {
      if (splitsSurrogatePair(hay, i) || splitsSurrogatePair(hay, i + len)) continue;
      const context = contextAgreement(hay, i, i + len, q);
      const score = context + NEAR_WEIGHT * nearness(i, q.hint, hay.length);
      if (score > bestScore) {
        bestScore = score;
        best = i;
        bestContext = context;
      }
    }
  };
  if (!Number.isNaN(q.hint)) {
    // Usually the quote only shifted a little. A hit near the old position whose
    // context agrees completely cannot be beaten by any farther occurrence, so
    // the rest of the text need not be scanned.
    const margin = searchMargin(len);
    scan(Math.max(0, q.hint - margin), q.hint + margin);
    if (best !== -1 && bestContext === q.prefix.length + q.suffix.length) return best;
  }
  scan(0, hay.length);
  return best;
}

type Span = { start: number; end: number };

/** Best approximate match inside any of the [from, to) `regions`, or null. */
function bestFuzzy(hay: string, q: Query, maxErrors: number, regions: number[]): Span | null {
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (let r = 0; r < regions.length; r += 2) {
    const from = regions[r];
    const to = regions[r + 1];
    const slice = from === 0 && to === hay.length ? hay : hay.slice(from, to);
    for (const m of search(slice, q.exact, maxErrors)) {
      const start = m.start + from;
      const end = m.end + from;
      if (end <= start || m.errors > maxErrors) continue;
      const context = contextAgreement(hay, start, end, q);
      if (q.exact.length < SHORT_FUZZY_LENGTH && context < SHORT_FUZZY_MIN_CONTEXT) continue;
      const score =
        context + NEAR_WEIGHT * nearness(start, q.hint, hay.length) - ERROR_WEIGHT * m.errors;
      if (score > bestScore) {
        bestScore = score;
        best = { start, end };
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
  const starts: number[] = [];
  for (let p = 0; p < PIECES; p++) {
    const offset = Math.round(((len - PIECE_LENGTH) * p) / (PIECES - 1));
    const piece = exact.slice(offset, offset + PIECE_LENGTH);
    for (let i = hay.indexOf(piece, from); i !== -1 && i < to; i = hay.indexOf(piece, i + 1)) {
      if (starts.length === MAX_SEEDS) return null;
      starts.push(i - offset);
    }
  }
  if (starts.length === 0) return null;
  starts.sort((a, b) => a - b);
  const slack = maxErrors + PIECE_LENGTH;
  const regions: number[] = [];
  for (const s of starts) {
    const lo = Math.max(from, s - slack);
    const hi = Math.min(to, s + len + slack);
    if (regions.length > 0 && lo <= regions[regions.length - 1]) regions[regions.length - 1] = Math.max(hi, regions[regions.length - 1]);
    else regions.push(lo, hi);
  }
  return regions;
}

function fuzzy(hay: string, q: Query): Span | null {
  const len = q.exact.length;
  if (len < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.max(1, Math.floor(len * MAX_ERROR_RATIO));
  // Also bounds the O(n*m/32) search cost for absurdly long garbage quotes.
  if (len - maxErrors > hay.length) return null;
  // Near the old position first; the whole text only when nothing acceptable is there.
  const areas: number[] = [];
  if (!Number.isNaN(q.hint)) {
    const margin = searchMargin(len);
    areas.push(Math.max(0, q.hint - margin), Math.min(hay.length, q.hint + len + margin));
  }
  if (areas[0] !== 0 || areas[1] !== hay.length) areas.push(0, hay.length);
  for (let a = 0; a < areas.length; a += 2) {
    const seeded = seededRegions(hay, q.exact, maxErrors, areas[a], areas[a + 1]);
    const hit =
      (seeded && bestFuzzy(hay, q, maxErrors, seeded)) ||
      bestFuzzy(hay, q, maxErrors, [areas[a], areas[a + 1]]);
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
function tidyFuzzySpan(text: string, exact: string, span: Span): Span | null {
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

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function locateUnchecked(text: string, selector: unknown): LocateResult | null {
  if (typeof text !== "string" || typeof selector !== "object" || selector === null) return null;
  const sel = selector as Record<string, unknown>;
  const exact = str(sel.exact);
  if (exact.length === 0) return null;
  const prefix = str(sel.prefix);
  const suffix = str(sel.suffix);
  const start = typeof sel.start === "number" ? sel.start : NaN;
  const end = typeof sel.end === "number" ? sel.end : NaN;

  // 1. The stored position still holds the quote.
  if (
    Number.isInteger(start) &&
    start >= 0 &&
    end === start + exact.length &&
    end <= text.length &&
    text.startsWith(exact, start) &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end)
  ) {
    return { start, end, status: "ANCHORED" };
  }

  const hint = Number.isFinite(start) ? Math.min(Math.max(start, 0), text.length) : NaN;

  // 2. The quote moved: pick among its exact occurrences.
  const found = bestExact(text, { exact, prefix, suffix, hint });
  if (found !== -1) return { start: found, end: found + exact.length, status: "ANCHORED" };

  // 3. Same words, different typography.
  const nt = normalizeCached(text);
  const nq: Query = {
    exact: normalize(exact).text,
    prefix: normalize(prefix).text,
    suffix: normalize(suffix).text,
    hint: Number.isNaN(hint) ? NaN : toNormalizedOffset(nt, hint),
  };
  const nFound = bestExact(nt.text, nq);
  if (nFound !== -1) {
    const s = nt.map[nFound];
    const e = nt.map[nFound + nq.exact.length];
    if (s < e && !splitsSurrogatePair(text, s) && !splitsSurrogatePair(text, e)) {
      return { start: s, end: e, status: "ANCHORED" };
    }
  }

  // 4. The words changed a little.
  const approx = fuzzy(nt.text, nq);
  if (approx) {
    const span = tidyFuzzySpan(text, exact, {
      start: nt.map[approx.start],
      end: nt.map[approx.end],
    });
    if (span) return { ...span, status: "FUZZY" };
  }

  // 5. Orphaned.
  return null;
}

/**
 * Re-anchors a stored selector in (possibly edited) text. Returns null when the
 * quote cannot be found with enough confidence. Never throws: selectors come from
 * the database and from clients, so malformed input simply fails to anchor.
 */
export function locate(text: string, selector: unknown): LocateResult | null {
  try {
    return locateUnchecked(text, selector);
  } catch {
    return null;
  }
}
