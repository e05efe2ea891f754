import { describe, expect, it } from "vitest";
import { firstAndLast, segmentRange, type Span } from "./segments";

const s = (id: string, start: number, end: number): Span => ({ id, start, end });

describe("segmentRange", () => {
  it.each<[string, number, number, Span[], Array<[number, number, string[]]>]>([
    ["no claims", 0, 10, [], [[0, 10, []]]],
    ["one claim in the middle", 0, 10, [s("a", 2, 5)], [[0, 2, []], [2, 5, ["a"]], [5, 10, []]]],
    ["a claim over the whole range", 0, 4, [s("a", 0, 4)], [[0, 4, ["a"]]]],
    ["overlapping claims stack", 0, 10, [s("a", 1, 6), s("b", 4, 9)], [[0, 1, []], [1, 4, ["a"]], [4, 6, ["a", "b"]], [6, 9, ["b"]], [9, 10, []]]],
    ["a nested claim sits inside the outer one", 0, 10, [s("inner", 3, 5), s("outer", 1, 8)], [[0, 1, []], [1, 3, ["outer"]], [3, 5, ["outer", "inner"]], [5, 8, ["outer"]], [8, 10, []]]],
    ["identical spans both stay", 0, 5, [s("b", 1, 3), s("a", 1, 3)], [[0, 1, []], [1, 3, ["a", "b"]], [3, 5, []]]],
    ["a claim crossing the range edges is clipped", 10, 20, [s("a", 5, 15), s("b", 18, 30)], [[10, 15, ["a"]], [15, 18, []], [18, 20, ["b"]]]],
    ["claims outside the range are ignored", 10, 20, [s("a", 0, 10), s("b", 20, 25)], [[10, 20, []]]],
    ["adjacent claims stay apart", 0, 6, [s("a", 0, 3), s("b", 3, 6)], [[0, 3, ["a"]], [3, 6, ["b"]]]],
    ["empty spans are ignored", 0, 6, [s("a", 3, 3)], [[0, 6, []]]],
  ])("%s", (_name, from, to, spans, expected) => {
    expect(segmentRange(from, to, spans).map((g) => [g.start, g.end, g.ids])).toEqual(expected);
  });

  it("covers the range exactly, without gaps, for random spans", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: rnd(8) }, (_, i) => {
        const a = rnd(50);
        return s(`c${i}`, a, a + 1 + rnd(20));
      });
      const segs = segmentRange(5, 45, spans);
      expect(segs[0].start).toBe(5);
      expect(segs[segs.length - 1].end).toBe(45);
      for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
      for (const g of segs) for (const id of g.ids) {
        const span = spans.find((x) => x.id === id)!;
        expect(span.start <= g.start && span.end >= g.end).toBe(true);
      }
    }
  });
});

describe("firstAndLast", () => {
  it("finds where each claim starts and ends across blocks", () => {
    const spans = [s("a", 2, 14), s("b", 3, 4)];
    const m = firstAndLast([segmentRange(0, 8, spans), segmentRange(10, 20, spans)]);
    expect(m.get("a")).toEqual({ first: 2, last: 10 });
    expect(m.get("b")).toEqual({ first: 3, last: 3 });
  });
});
