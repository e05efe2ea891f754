import { splitsSurrogatePair } from "./code-points";
import { fuzzy, tidyFuzzySpan } from "./fuzzy";
import { normalize, normalizeCached, toNormalizedOffset, toOriginalOffset } from "./normalize";
import { occurrenceFinder } from "./occurrences";
import { contextAgreement, nearness, NEAR_WEIGHT, searchMargin, type Query } from "./scoring";
import type { LocateResult } from "./types";

/** Best-scoring exact occurrence of q.exact in hay, or -1. O(64) per hit, linear in the text (occurrences.ts). */
function bestExact(hay: string, q: Query): number {
  const len = q.exact.length;
  const find = occurrenceFinder(q.exact);
  let best = -1;
  let bestScore = -Infinity;
  let bestContext = 0;
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
        best = i;
        bestContext = context;
      }
    });
  };
  if (!Number.isNaN(q.hint)) {
    // Usually the quote only shifted a little. A hit near the old position whose
    // context agrees completely cannot be beaten by any farther occurrence, so
    // the rest of the text need not be scanned.
    const margin = searchMargin(len);
    scan(Math.max(0, q.hint - margin), q.hint + margin);
    if (best !== -1 && bestContext === q.prefix.length + q.suffix.length) return best;
  }
  scan(0, hay.length);
  return best;
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
  const nExact = normalize(exact).text;
  let nPrefix = normalize(prefix).text;
  let nSuffix = normalize(suffix).text;
  // A whitespace run straddling the quote's edge collapses to a single space in
  // the text, which the quote already holds; the context must not count it again.
  if (nExact.startsWith(" ") && nPrefix.endsWith(" ")) nPrefix = nPrefix.slice(0, -1);
  if (nExact.endsWith(" ") && nSuffix.startsWith(" ")) nSuffix = nSuffix.slice(1);
  const nq: Query = {
    exact: nExact,
    prefix: nPrefix,
    suffix: nSuffix,
    hint: Number.isNaN(hint) ? NaN : toNormalizedOffset(nt, hint),
  };
  const nFound = bestExact(nt.text, nq);
  if (nFound !== -1) {
    const s = toOriginalOffset(nt, nFound);
    const e = toOriginalOffset(nt, nFound + nq.exact.length);
    if (s < e && !splitsSurrogatePair(text, s) && !splitsSurrogatePair(text, e)) {
      return { start: s, end: e, status: "ANCHORED" };
    }
  }

  // 4. The words changed a little.
  const approx = fuzzy(nt.text, nq);
  if (approx) {
    const span = tidyFuzzySpan(text, exact, {
      start: toOriginalOffset(nt, approx.start),
      end: toOriginalOffset(nt, approx.end),
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
