/**
 * A W3C-style TextQuoteSelector plus a TextPositionSelector hint, stored per claim.
 * Offsets are UTF-16 code units (JavaScript string indices).
 */
export type Selector = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

/**
 * ANCHORED: the same words were found (possibly after whitespace/quote/dash normalisation).
 * FUZZY: an approximate match was found; the quote text itself changed.
 */
export type AnchorStatus = "ANCHORED" | "FUZZY";

export type LocateResult = {
  start: number;
  end: number;
  status: AnchorStatus;
};

/** How many UTF-16 code units of context describe() stores on each side of the quote. */
export const CONTEXT_LENGTH = 32;
