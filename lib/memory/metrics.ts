// Ranking quality: average precision at k and its mean over queries (MAP@k), as
// the CLEF CheckThat! verified-claim retrieval task scores it. Pure.

/**
 * Precision at each rank (≤ k) that holds a relevant item, summed and divided
 * by min(relevant items, k): 1 when every relevant item leads the list, 0 when
 * none is in the first k.
 */
export function averagePrecisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    const id = ranked[i];
    if (seen.has(id)) continue; // a repeated item is not a second hit
    seen.add(id);
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(relevant.size, k);
}

/** MAP@k over queries: each query's ranked ids and its relevant ids. */
export function meanAveragePrecisionAt(runs: ReadonlyArray<{ ranked: readonly string[]; relevant: ReadonlySet<string> }>, k: number): number {
  if (!runs.length) return 0;
  return runs.reduce((s, r) => s + averagePrecisionAt(r.ranked, r.relevant, k), 0) / runs.length;
}
