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
 * ANCHORED: the same words (whitespace, quote and dash variants aside) in their
 * place: at least half the stored prefix/suffix agrees around them.
 * FUZZY: found, but for a person to check: the quote's words changed a little,
 * or the words are there but their context is not (moved, or rewritten around).
 * (ORPHANED, not found with enough confidence, is locate() returning null.)
 */
export type AnchorStatus = "ANCHORED" | "FUZZY";

export type LocateResult = {
  start: number;
  end: number;
  status: AnchorStatus;
};

/** How many UTF-16 code units of context describe() stores on each side of the quote. */
export const CONTEXT_LENGTH = 32;
