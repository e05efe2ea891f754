import { splitsSurrogatePair } from "./code-points";
import { fuzzyAtContext } from "./context-search";
import { fuzzy, tidyFuzzySpan, type FuzzyHit } from "./fuzzy";
import { normalize, normalizeCached, toNormalizedOffset, toOriginalOffset, type NormalizedText } from "./normalize";
import { occurrenceFinder } from "./occurrences";
import { clearsMinimum, contextAgreement, nearness, NEAR_WEIGHT, placeAgrees, searchMargin, type Query, type Span } from "./scoring";
import type { LocateResult } from "./types";

type Hit = { start: number; context: number };
type Candidate = { span: Span | null; score: number };

/** The highest-scoring candidate with a span (the first among equals), or null. */
function bestOf(candidates: Candidate[]): { span: Span; score: number } | null {
  let best: { span: Span; score: number } | null = null;
  for (const { span, score } of candidates) if (span && (best === null || score > best.score)) best = { span, score };
  return best;
}

/** Best-scoring exact occurrence of q.exact in hay, or null. O(64) per hit, linear in the text (occurrences.ts). */
function bestExact(hay: string, q: Query): Hit | null {
  const len = q.exact.length;
  const find = occurrenceFinder(q.exact);
  let bestStart = -1;
  let bestContext = 0;
  let bestScore = -Infinity;
  const scan = (from: number, to: number): void => {
    // Slicing bounds the search: on the full string, the search after the last
    // hit in the window would run on to the next occurrence or the end of the text.
    const area = from === 0 && to >= hay.length ? hay : hay.slice(from, to + len);
    find(area, (j) => {
      const i = j + from;
      if (splitsSurrogatePair(hay, i) || splitsSurrogatePair(hay, i + len)) return;
      const context = contextAgreement(hay, i, i + len, q);
      const score = context + NEAR_WEIGHT * nearness(i, q.hint, hay.length);
      if (score > bestScore) {
        bestScore = score;
        bestStart = i;
        bestContext = context;
      }
    });
  };
  const found = (): Hit | null => (bestStart === -1 ? null : { start: bestStart, context: bestContext });
  if (!Number.isNaN(q.hint)) {
    // Usually the quote only shifted a little. A hit near the old position whose
    // context agrees completely cannot be beaten by any farther occurrence, so
    // the rest of the text need not be scanned.
    const margin = searchMargin(len);
    scan(Math.max(0, q.hint - margin), q.hint + margin);
    if (bestStart !== -1 && bestContext === q.prefix.length + q.suffix.length) return found();
  }
  scan(0, hay.length);
  return found();
}

/** The original range of normalised [start, start + length), or null if it would split a surrogate pair. */
function original(nt: NormalizedText, text: string, start: number, length: number): Span | null {
  const s = toOriginalOffset(nt, start);
  const e = toOriginalOffset(nt, start + length);
  return s < e && !splitsSurrogatePair(text, s) && !splitsSurrogatePair(text, e) ? { start: s, end: e } : null;
}

/** The query for the normalised text: same words, whitespace runs collapsed, quotes and dashes made ASCII. */
function normalizedQuery(nt: NormalizedText, q: Query): Query {
  const exact = normalize(q.exact).text;
  let prefix = normalize(q.prefix).text;
  let suffix = normalize(q.suffix).text;
  // A whitespace run straddling the quote's edge collapses to a single space in
  // the text, which the quote already holds; the context must not count it again.
  if (exact.startsWith(" ") && prefix.endsWith(" ")) prefix = prefix.slice(0, -1);
  if (exact.endsWith(" ") && suffix.startsWith(" ")) suffix = suffix.slice(1);
  return { exact, prefix, suffix, hint: Number.isNaN(q.hint) ? NaN : toNormalizedOffset(nt, q.hint) };
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * locate() without the safety net: does the work and lets a bug throw, so the
 * property tests can see it. Malformed selectors are not bugs: they give null.
 *
 * ANCHORED needs the words and their place: an exact occurrence (typography
 * aside) where at least half the stored context agrees. Words found only where
 * the context disagrees, or changed a little, are FUZZY: shown, flagged for a
 * person to check. Below a minimum (a short quote with no context to speak
 * of), null: ORPHANED rather than a guess.
 */
export function locateStrict(text: string, selector: unknown): LocateResult | null {
  if (typeof text !== "string" || typeof selector !== "object" || selector === null) return null;
  const sel = selector as Record<string, unknown>;
  const exact = str(sel.exact);
  if (exact.length === 0) return null;
  const prefix = str(sel.prefix);
  const suffix = str(sel.suffix);
  const start = typeof sel.start === "number" ? sel.start : NaN;
  const end = typeof sel.end === "number" ? sel.end : NaN;

  // 1. Nothing moved: the stored position still holds the quote and all its
  // context. (The quote alone there is not enough: an edit before it can put
  // another occurrence of the same words at the old offset.)
  if (
    Number.isInteger(start) &&
    start >= prefix.length &&
    end === start + exact.length &&
    text.startsWith(exact, start) &&
    text.startsWith(prefix, start - prefix.length) &&
    text.startsWith(suffix, end) &&
    !splitsSurrogatePair(text, start) &&
    !splitsSurrogatePair(text, end)
  ) {
    return { start, end, status: "ANCHORED" };
  }

  const hint = Number.isFinite(start) ? Math.min(Math.max(start, 0), text.length) : NaN;

  // 2. The quote moved: the exact occurrence whose context agrees best, the
  // nearest to the old position among equals. Complete agreement cannot be beaten.
  const q: Query = { exact, prefix, suffix, hint };
  const hit = bestExact(text, q);
  if (hit && hit.context === prefix.length + suffix.length) return { start: hit.start, end: hit.start + exact.length, status: "ANCHORED" };

  const nt = normalizeCached(text);
  const nq = normalizedQuery(nt, q);
  // Where the stored context points, the quote with a few words changed: it
  // beats the same words elsewhere when its context agrees by more than the
  // edits cost. Looked for only when no exact hit has all its context.
  const changedInPlace = (beat: number): FuzzyHit | null => {
    const h = fuzzyAtContext(nt.text, nq, beat);
    return h && placeAgrees(h.context, nq) ? h : null;
  };
  const approximate = (h: FuzzyHit) => tidyFuzzySpan(text, exact, { start: toOriginalOffset(nt, h.start), end: toOriginalOffset(nt, h.end) });
  const confirmed = (span: Span | null, context: number): LocateResult | null => {
    const changed = changedInPlace(context);
    const other = changed && approximate(changed);
    if (other) return { ...other, status: "FUZZY" };
    return span && { ...span, status: "ANCHORED" };
  };
  if (hit && placeAgrees(hit.context, q)) return confirmed({ start: hit.start, end: hit.start + exact.length }, hit.context);

  // 3. Same words, different typography.
  const nHit = bestExact(nt.text, nq);
  const nSpan = nHit && original(nt, text, nHit.start, nq.exact.length);
  if (nHit && nSpan && placeAgrees(nHit.context, nq)) return confirmed(nSpan, nHit.context);

  // 4. Nothing confirmed by its context: the best of what is left, as FUZZY.
  const left: Candidate[] = [];
  // The words, where the context disagrees (moved, or rewritten around).
  if (hit && clearsMinimum(hit.context, exact.length)) left.push({ span: { start: hit.start, end: hit.start + exact.length }, score: hit.context });
  if (nHit && clearsMinimum(nHit.context, nq.exact.length)) left.push({ span: nSpan, score: nHit.context });
  if (!hit && !nHit) {
    // The words changed a little (where there is no exact copy: it would be all fuzzy() sees).
    const approx = fuzzy(nt.text, nq);
    if (approx) {
      const span = approximate(approx);
      if (span && placeAgrees(approx.context, nq)) return { ...span, status: "FUZZY" };
      left.push({ span, score: approx.context - approx.errors });
    }
  }
  const changed = changedInPlace(bestOf(left)?.score ?? -Infinity);
  if (changed) left.push({ span: approximate(changed), score: changed.context - changed.errors });
  const chosen = bestOf(left);
  return chosen && { ...chosen.span, status: "FUZZY" };
}

/**
 * Re-anchors a stored selector in (possibly edited) text. Returns null (the
 * claim is ORPHANED) when the quote cannot be found with enough confidence.
 *
 * Never throws. Selectors come from the database and from clients, and one
 * re-import re-anchors every claim of an article: an unexpected error on one
 * (a bug, since malformed input already gives null) must not fail the request
 * or the whole re-import, nor place the claim on a guess. Failing closed leaves
 * it ORPHANED: kept, listed apart, re-attachable by a person. The error is
 * logged so the bug is seen; the tests call locateStrict, which lets it through.
 */
export function locate(text: string, selector: unknown): LocateResult | null {
  try {
    return locateStrict(text, selector);
  } catch (error) {
    console.error("locate: unexpected error, leaving the claim orphaned", error);
    return null;
  }
}
