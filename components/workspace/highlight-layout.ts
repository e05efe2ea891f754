// How the reader lays out highlights: which claims cover each run of text,
// each claim's number, and where its chip goes. Pure (no DOM, no React), so the
// rules are unit-tested; highlighted-article.tsx only renders what this decides.
import { firstAndLast, segmentRange, type Segment, type Span } from "@/lib/claims/segments";

export type { Span };

/** Claims in article order: by start, the longer first when two start together, then by id. */
export function byArticleOrder(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Each claim's 1-based number by its place in the article. Computed over every
 * anchored claim (not the filtered list), so "3" names the same claim whatever
 * the panel's filters show.
 */
export function numberClaims(spans: readonly Span[]): Map<string, number> {
  return new Map([...spans].sort(byArticleOrder).map((s, i) => [s.id, i + 1]));
}

/** A run of text with the claims covering it, plus what the reader draws around it. */
export type LaidSegment = Segment & {
  /** Claims whose highlight ends with this run: one chip group after it, in number order. */
  chips: string[];
  /** Claims whose highlight starts with this run (the mark scrolled to when a claim opens). */
  first: string[];
};

/** Ids sorted by claim number (unnumbered ones last, by id). */
export function sortByNumber(ids: readonly string[], numbers: ReadonlyMap<string, number>): string[] {
  const n = (id: string) => numbers.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => n(a) - n(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Segments of every block for the given claims. Claims that end at the same
 * place share one chip group (one element, chips side by side in number order)
 * instead of a chip per nested mark piling up at the end of the span.
 */
export function layoutBlocks(blocks: ReadonlyArray<{ start: number; end: number }>, spans: readonly Span[], numbers: ReadonlyMap<string, number>): LaidSegment[][] {
  const segs = blocks.map((b) => segmentRange(b.start, b.end, spans));
  const edges = firstAndLast(segs);
  return segs.map((list) =>
    list.map((seg) => ({
      ...seg,
      chips: sortByNumber(seg.ids.filter((id) => edges.get(id)?.last === seg.start), numbers),
      first: seg.ids.filter((id) => edges.get(id)?.first === seg.start),
    })),
  );
}

/** The claims covering a run, in number order: what the "Claims here" list shows. */
export function claimsHere(seg: Pick<Segment, "ids">, numbers: ReadonlyMap<string, number>): string[] {
  return sortByNumber(seg.ids, numbers);
}

/** A claim's text shortened for a list line, cut at a word where possible. */
export function excerpt(text: string, max = 90): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
