// Splits a range of the article text into segments by the claims covering it,
// so overlapping and nested highlights render as stacked <mark>s. Pure.

export type Span = { id: string; start: number; end: number };

/** A run of text covered by the same claims; `ids` go outermost (longest) first. */
export type Segment = { start: number; end: number; ids: string[] };

function outerFirst(a: Span, b: Span): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Segments of [from, to) for the spans that intersect it; uncovered text is a segment with no ids. */
export function segmentRange(from: number, to: number, spans: readonly Span[]): Segment[] {
  if (to <= from) return [];
  const inRange = spans.filter((s) => s.end > from && s.start < to && s.end > s.start).sort(outerFirst);
  const cuts = new Set<number>([from, to]);
  for (const s of inRange) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const ids = inRange.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    const last = out[out.length - 1];
    // Merge neighbours with the same cover (a span ending where an identical one starts).
    if (last && last.end === a && last.ids.join("\n") === ids.join("\n")) last.end = b;
    else out.push({ start: a, end: b, ids });
  }
  return out;
}

/** For each span id, the start of its first segment and the end of its last within the given ranges. */
export function firstAndLast(segmentsByRange: Segment[][]): Map<string, { first: number; last: number }> {
  const seen = new Map<string, { first: number; last: number }>();
  for (const segs of segmentsByRange) {
    for (const seg of segs) {
      for (const id of seg.ids) {
        const hit = seen.get(id);
        if (!hit) seen.set(id, { first: seg.start, last: seg.start });
        else hit.last = seg.start;
      }
    }
  }
  return seen;
}
