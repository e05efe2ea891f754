// Two claims on overlapping words of one article with different verdicts
// contradict each other; both carry a flag until an editor settles it. Pure.

export type ConflictCandidate = { id: string; start: number; end: number; verdict: string; anchorStatus?: string; status?: string };

/** Ids of claims that overlap another claim with a different verdict (orphaned and rejected claims never count). */
export function findConflicts(claims: readonly ConflictCandidate[]): Set<string> {
  const live = claims.filter((c) => c.anchorStatus !== "ORPHANED" && c.status !== "REJECTED").sort((a, b) => a.start - b.start);
  const out = new Set<string>();
  // Sweep by start: only claims that start before the current one ends can overlap it.
  for (let i = 0; i < live.length; i++) {
    const a = live[i];
    for (let j = i + 1; j < live.length && live[j].start < a.end; j++) {
      const b = live[j];
      if (b.verdict !== a.verdict && b.start < a.end && a.start < b.end) {
        out.add(a.id);
        out.add(b.id);
      }
    }
  }
  return out;
}
