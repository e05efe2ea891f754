import { describe, expect, it } from "vitest";
import { collapseUnchanged, hasChanges, wordDiff, type DiffSegment } from "./word-diff";

const before = (segs: DiffSegment[]) => segs.filter((s) => s.kind !== "added").map((s) => s.text).join("");
const after = (segs: DiffSegment[]) => segs.filter((s) => s.kind !== "removed").map((s) => s.text).join("");
const marked = (segs: DiffSegment[], kind: "added" | "removed") => segs.filter((s) => s.kind === kind).map((s) => s.text.trim());

describe("wordDiff", () => {
  it.each<[string, string, string, string[], string[]]>([
    ["identical texts", "The sky was blue.", "The sky was blue.", [], []],
    ["one word replaced", "The sky was green in 2007.", "The sky was blue in 2007.", ["blue"], ["green"]],
    ["a word added", "Archive photos show a sky.", "Archive photos show a blue sky.", ["blue"], []],
    ["words removed", "Stuxnet was found in 2010 by researchers in Belarus.", "Stuxnet was found in 2010.", [], ["by researchers in Belarus"]],
    ["from empty", "", "Now with the archive.", ["Now with the archive."], []],
    ["to empty", "Old rationale.", "", [], ["Old rationale."]],
    // The case the old history hid: a change after the 120th character, where the cut-off before and after looked identical.
    [
      "a change past a long shared start",
      `${"Officials said the attacks failed. ".repeat(5)}The report came in November 2007.`,
      `${"Officials said the attacks failed. ".repeat(5)}The report came in June 2010.`,
      ["June 2010"],
      ["November 2007"],
    ],
    ["Markdown and punctuation", "See **the archive** (2007).", "See **the Wayback archive** (2009).", ["Wayback", "2009"], ["2007"]],
  ])("%s", (_label, a, b, added, removed) => {
    const segs = wordDiff(a, b);
    expect(before(segs)).toBe(a);
    expect(after(segs)).toBe(b);
    expect(marked(segs, "added")).toEqual(added);
    expect(marked(segs, "removed")).toEqual(removed);
  });

  it("ignores changes of spacing: the words decide, the new text's spaces are kept", () => {
    const segs = wordDiff("one  two\n\nthree", "one two\nfour");
    expect(after(segs)).toBe("one two\nfour");
    expect(marked(segs, "removed")).toEqual(["three"]);
    expect(marked(segs, "added")).toEqual(["four"]);
    expect(hasChanges(wordDiff("a  b", "a b"))).toBe(false);
  });

  it("merges neighbouring segments of one kind", () => {
    const segs = wordDiff("one two three four", "uno dos three four");
    for (let i = 1; i < segs.length; i++) expect(segs[i].kind).not.toBe(segs[i - 1].kind);
  });

  it("falls back to removed-then-added for texts with nothing in common past the edit limit", () => {
    const a = Array.from({ length: 1_500 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 1_500 }, (_, i) => `b${i}`).join(" ");
    const segs = wordDiff(a, b);
    expect(segs.map((s) => s.kind)).toEqual(["removed", "added"]);
    expect(before(segs)).toBe(a);
    expect(after(segs)).toBe(b);
  });

  it("returns nothing for two empty texts", () => {
    expect(wordDiff("", "")).toEqual([]);
    expect(hasChanges(wordDiff("same", "same"))).toBe(false);
  });
});

describe("collapseUnchanged", () => {
  const words = (n: number, p = "w") => Array.from({ length: n }, (_, i) => `${p}${i}`).join(" ");

  it("keeps a few words of context on each side of a change and counts the rest", () => {
    const a = `${words(40)} old ${words(40, "v")}`;
    const b = `${words(40)} new ${words(40, "v")}`;
    const shown = collapseUnchanged(wordDiff(a, b), 5);
    expect(shown.map((s) => s.kind)).toEqual(["skipped", "same", "removed", "added", "same", "skipped"]);
    expect(shown[0]).toEqual({ kind: "skipped", words: 35 });
    expect(shown[1]).toEqual({ kind: "same", text: " w35 w36 w37 w38 w39 " });
    expect(shown[4]).toEqual({ kind: "same", text: " v0 v1 v2 v3 v4 " });
    expect(shown[5]).toEqual({ kind: "skipped", words: 35 });
  });

  it("shortens a long run between two changes from both ends", () => {
    const a = `first ${words(30)} last`;
    const b = `FIRST ${words(30)} LAST`;
    const shown = collapseUnchanged(wordDiff(a, b), 4);
    const skipped = shown.filter((s) => s.kind === "skipped");
    expect(skipped).toEqual([{ kind: "skipped", words: 22 }]);
  });

  it.each<[string, string, string]>([
    ["short texts stay whole", "The sky was green.", "The sky was blue."],
    ["no change: nothing is hidden", words(100), words(100)],
  ])("%s", (_label, a, b) => {
    const shown = collapseUnchanged(wordDiff(a, b), 5);
    expect(shown.some((s) => s.kind === "skipped")).toBe(false);
    expect(shown.filter((s) => s.kind !== "added").map((s) => ("text" in s ? s.text : "")).join("")).toBe(a);
  });
});
