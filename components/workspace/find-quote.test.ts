import { describe, expect, it } from "vitest";
import { findQuote, foldCase, foldQuery, nextMatch, prepareHaystack } from "./find-quote";

const find = (text: string, query: string) => findQuote(prepareHaystack(text), query).map((m) => text.slice(m.start, m.end));

describe("findQuote", () => {
  it.each<[string, string, string, string[]]>([
    ["a straight apostrophe finds a curly one", "It targeted Iran’s nuclear facilities.", "Iran's", ["Iran’s"]],
    ["a curly apostrophe finds a straight one", "It targeted Iran's nuclear facilities.", "Iran’s", ["Iran's"]],
    ["straight double quotes find curly ones", "He said “no” twice.", '"no"', ["“no”"]],
    ["a hyphen finds an en dash", "In 2007–2010 the worm spread.", "2007-2010", ["2007–2010"]],
    ["a hyphen finds an em dash", "Words—and more.", "words-and", ["Words—and"]],
    ["doubled spaces in the query", "nuclear facilities in November", "nuclear  facilities", ["nuclear facilities"]],
    ["doubled spaces in the text", "nuclear  facilities in November", "nuclear facilities", ["nuclear  facilities"]],
    ["a line break and tab in the text", "the end\n\n\tof it", "end of", ["end\n\n\tof"]],
    ["a non-breaking space in the text", "15\u00a0other nations", "15 other", ["15\u00a0other"]],
    ["case-insensitive", "IRAN says the attacks FAILED", "iran SAYS", ["IRAN says"]],
    ["the query is trimmed", "find me here", "  me  ", ["me"]],
    ["every occurrence, in order", "one fish two fish red Fish", "fish", ["fish", "fish", "Fish"]],
    ["overlapping occurrences", "aaaa", "aa", ["aa", "aa", "aa"]],
    ["nothing found", "one two three", "four", []],
    ["an empty query finds nothing", "one two three", "   ", []],
  ])("%s", (_name, text, query, expected) => {
    expect(find(text, query)).toEqual(expected);
  });

  it("maps offsets back past earlier collapsed runs", () => {
    const text = "a    b\n\n\nc   Iran’s   d";
    const [m] = findQuote(prepareHaystack(text), "c iran's d");
    expect(m).toEqual({ start: text.indexOf("c"), end: text.length });
  });

  it("keeps offsets right around letters whose lower case is longer", () => {
    const text = "İstanbul and Iran’s border";
    expect(find(text, "iran's")).toEqual(["Iran’s"]);
    expect(foldCase("İa").length).toBe(2);
  });
});

describe("foldQuery", () => {
  it("normalises like the haystack", () => {
    expect(foldQuery("  Iran’s — “X”  ")).toBe(`iran's - "x"`);
  });
});

describe("nextMatch", () => {
  const ms = [{ start: 2, end: 4 }, { start: 10, end: 12 }, { start: 20, end: 22 }];
  it.each([
    [-1, 0],
    [2, 1],
    [10, 2],
    [20, 0],
  ])("after %i selects match %i", (after, expected) => {
    expect(nextMatch(ms, after)).toBe(expected);
  });
  it("is -1 without matches", () => expect(nextMatch([], -1)).toBe(-1));
});
