/**
 * Typographic normalisation used by locate(): editors and CMSes routinely swap
 * straight/curly quotes, hyphens/dashes and collapse or re-wrap whitespace without
 * changing the words, so those differences must not orphan a claim.
 */
export type NormalizedText = {
  /** The normalised string. */
  text: string;
  /**
   * map[i] is the original UTF-16 offset where normalised unit i starts;
   * map[text.length] is the original length, so map[end] is a valid exclusive end
   * (and covers a whole collapsed whitespace run).
   */
  map: Int32Array;
};

const SINGLE_QUOTE = 0x27; // '
const DOUBLE_QUOTE = 0x22; // "
const HYPHEN = 0x2d; // -
const SPACE = 0x20;

// Mirrors JavaScript's \s so "any whitespace" means the same thing as in a regex.
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

/** Replacement code for a typographic variant, or -1 when the unit is kept as is. */
function foldCode(c: number): number {
  if (c < 0xab) return -1; // fast path: ASCII and Latin-1 up to «
  switch (c) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
    case 0x2039: // ‹
    case 0x203a: // ›
      return SINGLE_QUOTE;
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x00ab: // «
    case 0x00bb: // »
    case 0x2033: // ″
      return DOUBLE_QUOTE;
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return HYPHEN;
    default:
      return -1;
  }
}

// String.fromCharCode.apply is bounded by the engine's argument limit.
const CHUNK = 8192;

function fromCodes(codes: Uint16Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += CHUNK) {
    const chunk = codes.subarray(i, Math.min(length, i + CHUNK));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

/** Normalises `input`: whitespace runs → one space, quote and dash variants → ASCII. */
export function normalize(input: string): NormalizedText {
  const n = input.length;
  const map = new Int32Array(n + 1);
  const codes = new Uint16Array(n);
  let changed = false;
  let out = 0;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    map[out] = i;
    if (isSpaceCode(c)) {
      codes[out++] = SPACE;
      const runStart = i++;
      while (i < n && isSpaceCode(input.charCodeAt(i))) i++;
      if (c !== SPACE || i - runStart > 1) changed = true;
      continue;
    }
    const folded = foldCode(c);
    if (folded === -1) {
      codes[out++] = c;
    } else {
      codes[out++] = folded;
      changed = true;
    }
    i++;
  }
  map[out] = n;
  // Copying back through char codes keeps lone surrogates intact, unlike TextDecoder.
  return { text: changed ? fromCodes(codes, out) : input, map: map.subarray(0, out + 1) };
}

/** Normalised offset of the first normalised unit at or after original `offset`. */
export function toNormalizedOffset(nt: NormalizedText, offset: number): number {
  const map = nt.map;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
