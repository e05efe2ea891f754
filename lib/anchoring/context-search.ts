// The quote, a little changed, where its stored context now is. fuzzy() weighs
// only the matches with the fewest edits, so an unchanged copy of the words
// elsewhere hides a quote edited in its own place; this looks there directly.
import { FUZZY_SEARCH_STEPS, bestFuzzy, maxErrorsFor, MIN_FUZZY_LENGTH, type FuzzyHit } from "./fuzzy";
import { occurrenceFinder } from "./occurrences";
import { ERROR_WEIGHT, prefixAgreement, suffixAgreement, type Query } from "./scoring";

// The innermost stored context used to find where the quote should be, and the
// shortest worth searching for (at the very start or end of an article).
const CONTEXT_PIECE = 16;
const MIN_CONTEXT_PIECE = 8;
// A piece found more often than this is boilerplate: it points everywhere.
const MAX_SEEDS = 40;

/**
 * Where the stored context is, expected quote starts: just after each occurrence
 * of the innermost prefix, and a quote's length before each occurrence of the
 * innermost suffix. A side too short to be telling, or so common that it points
 * everywhere (boilerplate), gives none. Spots that hold the exact quote are left
 * out: the exact search has weighed them already (and in text that repeats a
 * passage, they are most of the spots). Linear in the text.
 */
function contextSeeds(hay: string, q: Query): number[] {
  const starts: number[] = [];
  const side = (piece: string, toStart: (i: number) => number) => {
    if (piece.length < MIN_CONTEXT_PIECE) return;
    const found: number[] = [];
    let count = 0;
    occurrenceFinder(piece)(hay, (i) => {
      const s = toStart(i);
      if (++count <= MAX_SEEDS && !(s >= 0 && hay.startsWith(q.exact, s))) found.push(s);
    });
    if (count <= MAX_SEEDS) starts.push(...found);
  };
  const before = q.prefix.slice(-CONTEXT_PIECE);
  const after = q.suffix.slice(0, CONTEXT_PIECE);
  side(before, (i) => i + before.length);
  side(after, (i) => i - q.exact.length);
  return starts.sort((a, b) => a - b);
}

/**
 * Approximate match of q.exact where its stored context now is, scoring above
 * `beat` (context agreement less edits), or null: for a quote changed in place
 * while the same words survive elsewhere, which fuzzy() cannot see past (the
 * unchanged copy has fewer edits).
 */
export function fuzzyAtContext(hay: string, q: Query, beat: number): FuzzyHit | null {
  const len = q.exact.length;
  if (len < MIN_FUZZY_LENGTH) return null;
  const floor = Math.max(beat, -1);
  // A hit scores at most its context less its edits, so it may have no more
  // edits than its context exceeds `beat` by. (With none allowed, only exact
  // copies would match: the exact search's job.) Few allowed edits also keep
  // the search cheap, above all in text that repeats a passage.
  const maxErrors = Math.min(maxErrorsFor(len), q.prefix.length + q.suffix.length - floor - 1);
  if (maxErrors < 1) return null;
  const most = (from: number, to: number, agree: (i: number) => number) => {
    let m = 0;
    for (let i = Math.max(0, from); i <= Math.min(hay.length, to); i++) m = Math.max(m, agree(i));
    return m;
  };
  // One search over all the regions, so they share its budgets.
  const regions: number[] = [];
  const caps: number[] = [];
  for (const s of contextSeeds(hay, q)) {
    const lo = s - maxErrors;
    const hi = s + len + maxErrors;
    // The most context a match in [lo, hi) could have: where a copy of the
    // passage runs on differently from the quote, too little to win.
    const context =
      most(lo, hi - (len - maxErrors), (i) => prefixAgreement(hay, i, q.prefix)) +
      most(lo + len - maxErrors, hi, (i) => suffixAgreement(hay, i, q.suffix));
    const errors = Math.min(maxErrors, context - floor - 1);
    if (errors < 1) continue;
    const from = Math.max(0, s - errors);
    const to = Math.min(hay.length, s + len + errors);
    if (to - from < len - errors) continue;
    regions.push(from, to);
    caps.push(errors);
  }
  if (regions.length === 0) return null;
  const hit = bestFuzzy(hay, q, maxErrors, regions, { steps: FUZZY_SEARCH_STEPS }, caps);
  return hit && hit.context - ERROR_WEIGHT * hit.errors > beat ? hit : null;
}
