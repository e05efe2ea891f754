// Myers' bit-parallel approximate string matching (G. Myers, "A Fast Bit-Vector
// Algorithm for Approximate String Matching Based on Dynamic Programming", 1999),
// from approx-string-match 2.0.0 by Robert Knight (MIT License, Copyright (c)
// 2020 Robert Knight, https://github.com/robertknight/approx-string-match-js),
// with the same arithmetic, split in two.
//
// Why not the package: its search() finds the start of every best match with
// a reverse search of its own, costing (quote length)² / 32 per match. In
// repetitive text a quote matches approximately at nearly every position, so
// a 10,000-character quote took hours. Here the caller gets the match ends
// first and decides how many starts to pay for (see fuzzy.ts).

/**
 * Where the best matches end (exclusive offsets, ascending) and their shared
 * error count; `exhausted` when the search stopped on its budget, with no result.
 */
export type MatchEnds = { ends: number[]; errors: number; exhausted?: true };

/** Block steps a search may still take (one per active 32-character block per text character). */
export type StepBudget = { steps: number };

type Context = { P: Uint32Array; M: Uint32Array; lastRowMask: Uint32Array };

function reverse(s: string): string {
  return s.split("").reverse().join("");
}

/** 1 if n is non-zero, else 0, without a branch. */
function oneIfNotZero(n: number): number {
  return ((n | -n) >> 31) & 1;
}

/**
 * One block step (Myers, Fig. 8), with the conditionals replaced by bitwise
 * operations (M. Šošić, 2014, §4.2.3). `hIn` and the result are the horizontal
 * deltas in {1, 0, -1}.
 */
function advanceBlock(ctx: Context, peq: Uint32Array, b: number, hIn: number): number {
  let pV = ctx.P[b];
  let mV = ctx.M[b];
  const hInIsNegative = hIn >>> 31;
  const eq = peq[b] | hInIsNegative;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const hOut = oneIfNotZero(pH & ctx.lastRowMask[b]) - oneIfNotZero(mH & ctx.lastRowMask[b]);
  pH <<= 1;
  mH <<= 1;
  mH |= hInIsNegative;
  pH |= oneIfNotZero(hIn) - hInIsNegative;
  pV = mH | ~(xV | pH);
  mV = pH & xV;
  ctx.P[b] = pV;
  ctx.M[b] = mV;
  return hOut;
}

/**
 * Ends of the lowest-error matches of `pattern` in `text` with at most
 * `maxErrors` errors (the block-based search of Myers, Fig. 9). O(text × pattern / 32)
 * at worst, far less where the text is unlike the pattern; the steps taken come
 * off `budget`, and running out ends the search empty-handed.
 */
export function findMatchEnds(text: string, pattern: string, maxErrors: number, budget: StepBudget = { steps: Infinity }): MatchEnds {
  const ends: number[] = [];
  let errors = -1;
  if (pattern.length === 0) return { ends, errors };
  // Clamp so the maxErrors and pattern.length rows fall in the same block below.
  maxErrors = Math.min(maxErrors, pattern.length);
  const w = 32;
  const bMax = Math.ceil(pattern.length / w) - 1;
  const ctx: Context = { P: new Uint32Array(bMax + 1), M: new Uint32Array(bMax + 1), lastRowMask: new Uint32Array(bMax + 1) };
  ctx.lastRowMask.fill(1 << 31);
  ctx.lastRowMask[bMax] = 1 << (pattern.length - 1) % w;
  const emptyPeq = new Uint32Array(bMax + 1);
  // Per character, the bit vector of its positions in the pattern; an array for the common small codes.
  const peq = new Map<number, Uint32Array>();
  const asciiPeq: Uint32Array[] = [];
  for (let i = 0; i < 256; i++) asciiPeq.push(emptyPeq);
  for (let c = 0; c < pattern.length; c += 1) {
    const val = pattern.charCodeAt(c);
    if (peq.has(val)) continue;
    const charPeq = new Uint32Array(bMax + 1);
    peq.set(val, charPeq);
    if (val < asciiPeq.length) asciiPeq[val] = charPeq;
    for (let b = 0; b <= bMax; b += 1) {
      charPeq[b] = 0;
      for (let r = 0; r < w; r += 1) {
        const idx = b * w + r;
        if (idx >= pattern.length) continue;
        if (pattern.charCodeAt(idx) === val) charPeq[b] |= 1 << r;
      }
    }
  }
  // Index of the last active block in the column.
  let y = Math.max(0, Math.ceil(maxErrors / w) - 1);
  const score = new Uint32Array(bMax + 1);
  for (let b = 0; b <= y; b += 1) score[b] = (b + 1) * w;
  score[bMax] = pattern.length;
  for (let b = 0; b <= y; b += 1) {
    ctx.P[b] = ~0;
    ctx.M[b] = 0;
  }
  for (let j = 0; j < text.length; j += 1) {
    budget.steps -= y + 1;
    if (budget.steps < 0) return { ends: [], errors: -1, exhausted: true };
    const charCode = text.charCodeAt(j);
    const charPeq = charCode < asciiPeq.length ? asciiPeq[charCode] : (peq.get(charCode) ?? emptyPeq);
    let carry = 0;
    for (let b = 0; b <= y; b += 1) {
      carry = advanceBlock(ctx, charPeq, b, carry);
      score[b] += carry;
    }
    if (score[y] - carry <= maxErrors && y < bMax && (charPeq[y + 1] & 1 || carry < 0)) {
      // The bottom block is under the threshold: process one more block from here on.
      y += 1;
      ctx.P[y] = ~0;
      ctx.M[y] = 0;
      let maxBlockScore: number;
      if (y === bMax) {
        const remainder = pattern.length % w;
        maxBlockScore = remainder === 0 ? w : remainder;
      } else {
        maxBlockScore = w;
      }
      score[y] = score[y - 1] + maxBlockScore - carry + advanceBlock(ctx, charPeq, y, carry);
    } else {
      while (y > 0 && score[y] >= maxErrors + w) y -= 1;
    }
    if (y === bMax && score[y] <= maxErrors) {
      // Only the best matches are kept, so the threshold ratchets down to each new best.
      if (score[y] < maxErrors) ends.length = 0;
      ends.push(j + 1);
      errors = score[y];
      maxErrors = score[y];
    }
  }
  return { ends, errors };
}

/**
 * Start of the match ending at `end` with `errors` errors: the longest one, found
 * by matching the reversed pattern backwards from `end`. O(pattern² / 32).
 */
export function findMatchStart(text: string, pattern: string, end: number, errors: number): number {
  const minStart = Math.max(0, end - pattern.length - errors);
  const back = findMatchEnds(reverse(text.slice(minStart, end)), reverse(pattern), errors);
  let start = end;
  for (const e of back.ends) start = Math.min(start, end - e);
  return start;
}
