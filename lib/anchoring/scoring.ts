// Scoring shared by the exact and fuzzy steps of locate().
import { foldCode, isSpaceCode } from "./normalize";

/** A selector prepared for searching one particular string (raw or normalised). */
export type Query = {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start offset translated into the searched string, or NaN if unknown. */
  hint: number;
};

export type Span = { start: number; end: number };

// Context agreement is counted in characters of stored context (0..64 with 32
// stored per side). Nearness to the old position is worth less than one of
// them, so it only orders occurrences whose context agrees equally (a sentence
// repeated verbatim): a stale position must never outvote the context, since an
// edit before the quote can put another occurrence of the same words there.
export const NEAR_WEIGHT = 0.5;
export const ERROR_WEIGHT = 1;

// A quote this short occurs by accident too easily for its words alone to place
// it: a hit must also agree on a few characters of context (fuzzy hits, and
// exact ones whose context does not confirm them).
export const SHORT_QUOTE_LENGTH = 32;
export const SHORT_QUOTE_MIN_CONTEXT = 4;

// Both searches look near the old position first; the whole text is a fallback.
const WINDOW_FACTOR = 4;
const WINDOW_SLACK = 2000;

// Whitespace runs agree whatever their length, up to this many units of the text
// (a longer run ends the agreement), so comparing stays O(context) per hit.
const MAX_RUN = 64;

export function searchMargin(quoteLength: number): number {
  return WINDOW_FACTOR * quoteLength + WINDOW_SLACK;
}

/** Same unit once quote and dash variants are folded, and not whitespace (runs are compared apart). */
function sameNonSpace(a: number, b: number): boolean {
  // Most text is ASCII letters and punctuation: settle those without a call.
  if (a === b && a > 0x20 && a < 0xa0) return true;
  return (a === b || foldCode(a) === foldCode(b)) && !isSpaceCode(a);
}

// The two directions are written out rather than shared through a step
// parameter: this runs for every occurrence of every quote, and the plain
// loops are several times faster.

/**
 * Units of `prefix` that agree with the text before `start`, compared as
 * normalize() would see them: quote and dash variants alike, any whitespace run
 * alike. Stops at the first disagreement.
 */
export function prefixAgreement(hay: string, start: number, prefix: string): number {
  let i = start - 1;
  let k = prefix.length - 1;
  while (i >= 0 && k >= 0) {
    const h = hay.charCodeAt(i);
    const p = prefix.charCodeAt(k);
    if (sameNonSpace(h, p)) {
      i--;
      k--;
    } else if (isSpaceCode(h) && isSpaceCode(p)) {
      let run = 0;
      while (i >= 0 && run < MAX_RUN && isSpaceCode(hay.charCodeAt(i))) {
        i--;
        run++;
      }
      if (run === MAX_RUN) break;
      while (k >= 0 && isSpaceCode(prefix.charCodeAt(k))) k--;
    } else {
      break;
    }
  }
  return prefix.length - 1 - k;
}

/** Units of `suffix` that agree with the text from `end` on, compared like prefixAgreement. */
export function suffixAgreement(hay: string, end: number, suffix: string): number {
  let i = end;
  let k = 0;
  while (i < hay.length && k < suffix.length) {
    const h = hay.charCodeAt(i);
    const s = suffix.charCodeAt(k);
    if (sameNonSpace(h, s)) {
      i++;
      k++;
    } else if (isSpaceCode(h) && isSpaceCode(s)) {
      let run = 0;
      while (i < hay.length && run < MAX_RUN && isSpaceCode(hay.charCodeAt(i))) {
        i++;
        run++;
      }
      if (run === MAX_RUN) break;
      while (k < suffix.length && isSpaceCode(suffix.charCodeAt(k))) k++;
    } else {
      break;
    }
  }
  return k;
}

/** Units of stored prefix and suffix that agree with the text around [start, end). */
export function contextAgreement(hay: string, start: number, end: number, q: Query): number {
  return prefixAgreement(hay, start, q.prefix) + suffixAgreement(hay, end, q.suffix);
}

/**
 * Whether the context around a hit confirms its place: at least half the stored
 * context agrees. One intact side is enough (an edit right next to the quote on
 * the other side leaves it in place); an occurrence elsewhere shares a few
 * characters (" of the ") by chance, rarely half.
 */
export function placeAgrees(context: number, q: Query): boolean {
  return 2 * context >= q.prefix.length + q.suffix.length;
}

/** Whether a hit has enough going for it to be shown at all, if only as FUZZY. */
export function clearsMinimum(context: number, quoteLength: number): boolean {
  return quoteLength >= SHORT_QUOTE_LENGTH || context >= SHORT_QUOTE_MIN_CONTEXT;
}

/** 1 at the old position, falling linearly to 0 a whole text-length away. */
export function nearness(pos: number, hint: number, length: number): number {
  if (Number.isNaN(hint)) return 0;
  return 1 - Math.min(1, Math.abs(pos - hint) / Math.max(1, length));
}
