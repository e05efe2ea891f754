// Two claims on overlapping words of one article with different verdicts
// contradict each other; both carry a flag until an editor settles it. Pure.

export type ConflictCandidate = { id: string; start: number; end: number; verdict: string; anchorStatus?: string; status?: string };

/**
 * For each claim that overlaps another with a different verdict, the ids of the
 * claims it conflicts with, in text order (orphaned and rejected claims never count).
 */
export function conflictPartners(claims: readonly ConflictCandidate[]): Map<string, string[]> {
  const live = claims.filter((c) => c.anchorStatus !== "ORPHANED" && c.status !== "REJECTED").sort((a, b) => a.start - b.start || a.end - b.end);
  const out = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = out.get(a);
    if (list) list.push(b);
    else out.set(a, [b]);
  };
  // Sweep by start: only claims that start before the current one ends can overlap it.
  for (let i = 0; i < live.length; i++) {
    const a = live[i];
    for (let j = i + 1; j < live.length && live[j].start < a.end; j++) {
      const b = live[j];
      if (b.verdict !== a.verdict && b.start < a.end && a.start < b.end) {
        link(a.id, b.id);
        link(b.id, a.id);
      }
    }
  }
  // Partners found while sweeping later claims land after later ones: put each list in text order.
  const order = new Map(live.map((c, i) => [c.id, i]));
  for (const list of out.values()) list.sort((x, y) => order.get(x)! - order.get(y)!);
  return out;
}

/** Ids of claims that overlap another claim with a different verdict. */
export function findConflicts(claims: readonly ConflictCandidate[]): Set<string> {
  return new Set(conflictPartners(claims).keys());
}
