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

/** Best-scoring exact occurrence of q.exact in hay, or -1. One indexOf pass, O(64) per hit. */
function bestExact(hay: string, q: Query): number {
  const len = q.exact.length;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = hay.indexOf(q.exact); i !== -1; i = hay.indexOf(q.exact, i + 1)) {
    if (splitsSurrogatePair(hay, i) || splitsSurrogatePair(hay, i + len)) continue;
    const score = contextAgreement(hay, i, i + len, q) + NEAR_WEIGHT * nearness(i, q.hint, hay.length);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

type Span = { start: number; end: number };

function bestFuzzy(hay: string, q: Query, maxErrors: number, from: number, to: number): Span | null {
  const slice = from === 0 && to === hay.length ? hay : hay.slice(from, to);
  let best: Span | null = null;
  let bestScore = -Infinity;
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
  return best;
}

function fuzzy(hay: string, q: Query): Span | null {
  const len = q.exact.length;
  if (len < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.max(1, Math.floor(len * MAX_ERROR_RATIO));
  // Also bounds the O(n*m/32) search cost for absurdly long garbage quotes.
  if (len - maxErrors > hay.length) return null;
  if (!Number.isNaN(q.hint)) {
    const margin = WINDOW_FACTOR * len + WINDOW_SLACK;
    const from = Math.max(0, q.hint - margin);
    const to = Math.min(hay.length, q.hint + len + margin);
    const near = bestFuzzy(hay, q, maxErrors, from, to);
    if (near || (from === 0 && to === hay.length)) return near;
  }
  return bestFuzzy(hay, q, maxErrors, 0, hay.length);
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
