// Scoring shared by the exact and fuzzy steps of locate().

/** A selector prepared for searching one particular string (raw or normalised). */
export type Query = {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start offset translated into the searched string, or NaN if unknown. */
  hint: number;
};

export type Span = { start: number; end: number };

// Context agreement is counted in characters (0..64 with 32 stored per side),
// so it dominates; nearness to the old position is worth at most NEAR_WEIGHT
// characters and mostly breaks ties between occurrences whose context is equally
// good (e.g. a sentence repeated verbatim).
export const NEAR_WEIGHT = 2;
export const ERROR_WEIGHT = 1;

// Both searches look near the old position first; the whole text is a fallback.
const WINDOW_FACTOR = 4;
const WINDOW_SLACK = 2000;

export function searchMargin(quoteLength: number): number {
  return WINDOW_FACTOR * quoteLength + WINDOW_SLACK;
}

/** Characters of stored prefix/suffix that agree with the text around [start, end). */
export function contextAgreement(hay: string, start: number, end: number, q: Query): number {
  const { prefix } = q;
  let p = 0;
  const pMax = Math.min(prefix.length, start);
  while (p < pMax && hay.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
  return p + suffixAgreement(hay, end, q.suffix);
}

/** Characters of `suffix` that agree with the text from `end` on. */
export function suffixAgreement(hay: string, end: number, suffix: string): number {
  let s = 0;
  const sMax = Math.min(suffix.length, hay.length - end);
  while (s < sMax && hay.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  return s;
}

/** 1 at the old position, falling linearly to 0 a whole text-length away. */
export function nearness(pos: number, hint: number, length: number): number {
  if (Number.isNaN(hint)) return 0;
  return 1 - Math.min(1, Math.abs(pos - hint) / Math.max(1, length));
}
