import { describe, expect, it } from "vitest";
import { claimsHere, excerpt, layoutBlocks, numberClaims, sortByNumber, type Span } from "./highlight-layout";

const s = (id: string, start: number, end: number): Span => ({ id, start, end });

describe("numberClaims", () => {
  it.each<[string, Span[], Record<string, number>]>([
    ["by start", [s("b", 10, 12), s("a", 0, 5), s("c", 20, 30)], { a: 1, b: 2, c: 3 }],
    ["the longer first when two start together", [s("short", 5, 7), s("long", 5, 20)], { long: 1, short: 2 }],
    ["identical spans by id", [s("y", 1, 4), s("x", 1, 4)], { x: 1, y: 2 }],
    ["nested claims count by their start", [s("outer", 0, 50), s("inner", 10, 20), s("after", 30, 40)], { outer: 1, inner: 2, after: 3 }],
  ])("%s", (_name, spans, expected) => {
    expect(Object.fromEntries(numberClaims(spans))).toEqual(expected);
  });

  it("does not depend on the order claims arrive in", () => {
    const spans = [s("a", 3, 9), s("b", 3, 4), s("c", 0, 2), s("d", 8, 12)];
    const once = Object.fromEntries(numberClaims(spans));
    expect(Object.fromEntries(numberClaims([...spans].reverse()))).toEqual(once);
    expect(once).toEqual({ c: 1, a: 2, b: 3, d: 4 });
  });
});

describe("layoutBlocks", () => {
  const spans = [s("a", 2, 10), s("b", 6, 10), s("c", 8, 14)];
  const numbers = numberClaims(spans);
  const laid = layoutBlocks([{ start: 0, end: 12 }, { start: 12, end: 20 }], spans, numbers);

  it("splits the text by the claims covering it", () => {
    expect(laid[0].map((g) => [g.start, g.end, g.ids])).toEqual([
      [0, 2, []],
      [2, 6, ["a"]],
      [6, 8, ["a", "b"]],
      // Outermost (longest) first: a (8 long), then c (6), then b (4).
      [8, 10, ["a", "c", "b"]],
      [10, 12, ["c"]],
    ]);
    expect(laid[1].map((g) => [g.start, g.end, g.ids])).toEqual([
      [12, 14, ["c"]],
      [14, 20, []],
    ]);
  });

  it("groups the chips of claims ending at the same place, in number order", () => {
    const chipsAt = laid.flat().filter((g) => g.chips.length > 0).map((g) => [g.start, g.chips]);
    // a and b both end at 10: one group; c crosses the block edge and ends in the second block.
    expect(chipsAt).toEqual([
      [8, ["a", "b"]],
      [12, ["c"]],
    ]);
  });

  it("marks where each claim starts", () => {
    const firstAt = laid.flat().filter((g) => g.first.length > 0).map((g) => [g.start, [...g.first].sort()]);
    expect(firstAt).toEqual([
      [2, ["a"]],
      [6, ["b"]],
      [8, ["c"]],
    ]);
  });

  it("gives every claim exactly one chip, however they nest", () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 100; round++) {
      const many = Array.from({ length: 1 + rnd(9) }, (_, i) => {
        const a = rnd(60);
        return s(`c${i}`, a, a + 1 + rnd(25));
      });
      const blocks = [{ start: 0, end: 30 }, { start: 30, end: 100 }];
      const chips = layoutBlocks(blocks, many, numberClaims(many)).flat().flatMap((g) => g.chips);
      expect([...chips].sort()).toEqual(many.map((m) => m.id).sort());
    }
  });
});

describe("claimsHere and sortByNumber", () => {
  it("lists every claim at a spot in number order, whatever the nesting order", () => {
    const numbers = new Map([["x", 3], ["y", 1], ["z", 2]]);
    expect(claimsHere({ ids: ["x", "y", "z"] }, numbers)).toEqual(["y", "z", "x"]);
  });
  it("puts unnumbered ids last", () => {
    expect(sortByNumber(["q", "p", "n"], new Map([["n", 2]]))).toEqual(["n", "p", "q"]);
  });
});

describe("excerpt", () => {
  it.each([
    ["short text stays", "Unemployment fell.", 90, "Unemployment fell."],
    ["whitespace folds", "a\n\n  b", 90, "a b"],
    ["cuts at a word", "one two three four five six", 12, "one two…"],
    ["cuts mid-word when no space is near", "abcdefghijklmnop", 8, "abcdefg…"],
  ])("%s", (_name, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});
