/**
 * Typographic normalisation used by locate(): editors and CMSes routinely swap
 * straight/curly quotes, hyphens/dashes and collapse or re-wrap whitespace without
 * changing the words, so those differences must not orphan a claim.
 *
 * Only collapsing a whitespace run changes lengths (every other substitution is
 * one unit for one unit), so instead of a full offset map we keep the few runs
 * that were collapsed. That lets the heavy lifting run in native regex code,
 * which matters because the first locate() of a request normalises a whole article.
 */
export type NormalizedText = {
  /** The normalised string. */
  text: string;
  /** Normalised index of the single space that replaced each collapsed run, ascending. */
  runAt: number[];
  /** Units removed by that run and all earlier ones. */
  removed: number[];
};

// Mirrors JavaScript's \s so "whitespace" means the same here as in the regexes below.
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const WHITESPACE_RUN = /\s{2,}/g;
const OTHER_WHITESPACE = /[^\S ]/g;
// ‘ ’ ‚ ‛ ′ ‹ ›
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2039\u203a]/g;
// “ ” „ ‟ « » ″
const DOUBLE_QUOTES = /[\u201c-\u201f\u00ab\u00bb\u2033]/g;
// ‐ ‑ ‒ – — ― −
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * What normalize() turns one code unit into, whitespace aside: the ASCII quote
 * or hyphen for their variants, else the unit itself. Lets context be compared
 * typography-blind without normalising the text around every occurrence.
 */
export function foldCode(c: number): number {
  if (c < 0xab) return c;
  if ((c >= 0x2018 && c <= 0x201b) || c === 0x2032 || c === 0x2039 || c === 0x203a) return 0x27;
  if ((c >= 0x201c && c <= 0x201f) || c === 0xab || c === 0xbb || c === 0x2033) return 0x22;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 0x2d;
  return c;
}

/** Normalises `input`: whitespace runs → one space, quote and dash variants → ASCII. */
export function normalize(input: string): NormalizedText {
  const runAt: number[] = [];
  const removed: number[] = [];
  let total = 0;
  const collapsed = input.replace(WHITESPACE_RUN, (run: string, offset: number) => {
    runAt.push(offset - total);
    total += run.length - 1;
    removed.push(total);
    return " ";
  });
  const text = collapsed
    .replace(OTHER_WHITESPACE, " ")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, "-");
  return { text, runAt, removed };
}

/** Index of the last collapsed run whose position satisfies `before`, or -1. */
function lastRun(nt: NormalizedText, before: (k: number) => boolean): number {
  let lo = 0;
  let hi = nt.runAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Original UTF-16 offset of normalised offset `i`. A collapsed run's space maps
 * to the start of the run, and the offset just after it to the end of the run,
 * so a normalised [start, end) maps to an original range covering whole runs.
 */
export function toOriginalOffset(nt: NormalizedText, i: number): number {
  const k = lastRun(nt, (m) => nt.runAt[m] < i);
  return k === -1 ? i : i + nt.removed[k];
}

/** Normalised offset of the first normalised unit at or after original `offset`. */
export function toNormalizedOffset(nt: NormalizedText, offset: number): number {
  // Original start of run m: its normalised position plus what earlier runs removed.
  const origStart = (m: number): number => nt.runAt[m] + (m > 0 ? nt.removed[m - 1] : 0);
  const k = lastRun(nt, (m) => origStart(m) < offset);
  if (k === -1) return offset;
  const origEnd = nt.runAt[k] + 1 + nt.removed[k];
  return offset < origEnd ? nt.runAt[k] + 1 : offset - nt.removed[k];
}

// locate() runs once per claim (often 1,000 claims) against the same article,
// so the normalised article is memoised. Identity comparison (===) is O(1) for
// the same string instance, which is the common case.
const CACHE_SIZE = 4;
const cache: NormalizedText[] = [];
const cacheKeys: string[] = [];

export function normalizeCached(input: string): NormalizedText {
  for (let k = 0; k < cacheKeys.length; k++) {
    if (cacheKeys[k] === input) {
      const hit = cache[k];
      if (k > 0) {
        cacheKeys.splice(k, 1);
        cache.splice(k, 1);
        cacheKeys.unshift(input);
        cache.unshift(hit);
      }
      return hit;
    }
  }
  const fresh = normalize(input);
  cacheKeys.unshift(input);
  cache.unshift(fresh);
  if (cacheKeys.length > CACHE_SIZE) {
    cacheKeys.pop();
    cache.pop();
  }
  return fresh;
}
