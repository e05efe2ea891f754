import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assemble, blocksFromPlainText, cleanBlockText, isValidBlocks } from "./blocks";

describe("blocksFromPlainText", () => {
  it.each([
    ["one paragraph per line", "First line.\nSecond line.\nThird.", ["First line.", "Second line.", "Third."]],
    ["blank-line paragraphs keep soft wraps together", "A wrapped\nparagraph.\n\nNext one.", ["A wrapped paragraph.", "Next one."]],
    ["CRLF and extra blank lines", "One.\r\n\r\n\r\nTwo.\r\n", ["One.", "Two."]],
    ["whitespace runs collapse", "  Spaced   out\ttext  ", ["Spaced out text"]],
    ["empty input", "   \n \n", []],
  ])("%s", (_name, input, expected) => {
    const { text, blocks } = blocksFromPlainText(input);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(expected);
    expect(blocks.every((b) => b.type === "paragraph")).toBe(true);
    expect(isValidBlocks(blocks, text.length)).toBe(true);
  });

  it("counts offsets in UTF-16 code units (emoji are two)", () => {
    const { text, blocks } = blocksFromPlainText("Hi 👋 there\nNext");
    expect(blocks[1].start).toBe("Hi 👋 there\n\n".length);
    expect(text.slice(blocks[1].start, blocks[1].end)).toBe("Next");
  });
});

describe("assemble", () => {
  it("keeps headings' level and preformatted line breaks", () => {
    const { text, blocks } = assemble([
      { type: "heading", text: "Title", level: 2 },
      { type: "preformatted", text: "a\n  b\n" },
      { type: "quote", text: "  " },
    ]);
    expect(blocks).toEqual([
      { type: "heading", start: 0, end: 5, level: 2 },
      { type: "preformatted", start: 7, end: 12 },
    ]);
    expect(text).toBe("Title\n\na\n  b");
  });
});

describe("isValidBlocks", () => {
  it.each([
    [[{ type: "paragraph", start: 0, end: 3 }], 3, true],
    [[{ type: "paragraph", start: 0, end: 4 }], 3, false],
    [[{ type: "nope", start: 0, end: 1 }], 3, false],
    [[{ type: "paragraph", start: 2, end: 3 }, { type: "paragraph", start: 0, end: 1 }], 3, false],
    ["not an array", 3, false],
  ])("%j over %i chars → %s", (blocks, len, ok) => {
    expect(isValidBlocks(blocks, len as number)).toBe(ok);
  });
});

describe("cleanBlockText (preformatted)", () => {
  // The regexes it replaced (quadratic on long runs of blanks or newlines), kept as the reference.
  const reference = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, "");

  it.each([
    ["trailing blanks per line", "a  \t\n  b \n\n", "a\n  b"],
    ["leading and trailing newlines only", "\n\n  a\n\n", "  a"],
    ["CR and CRLF", "a \r\nb\t\rc", "a\nb\nc"],
    ["blanks before a line separator", "a \u2028b\t\u2029", "a\u2028b\u2029"],
    ["only blanks", " \t \n \n", ""],
  ])("%s", (_name, input, expected) => {
    expect(cleanBlockText(input, "preformatted")).toBe(expected);
    expect(reference(input)).toBe(expected);
  });

  it("matches the reference regexes on random text", () => {
    const unit = fc.constantFrom(" ", "\t", "\n", "\r", "\u2028", "\u2029", "\u00a0", "a");
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
      expect(cleanBlockText(text, "preformatted")).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});

describe("cleanBlockText (lines): each \\n is a line break from the source", () => {
  it.each([
    ["one\ntwo", "one\ntwo"],
    ["  one  \n  two  ", "one\ntwo"],
    ["\none\n\n\ntwo\n", "one\ntwo"],
    ["a \t\u00a0 b\nc", "a b\nc"],
    ["a\u2028b", "a b"],
    ["\n \n", ""],
  ])("%j → %j", (input, expected) => {
    expect(cleanBlockText(input, "lines")).toBe(expected);
  });

  it("is what assemble uses for drafts with lineBreaks; plain text keeps collapsing newlines", () => {
    expect(assemble([{ type: "paragraph", text: "a\nb", lineBreaks: true }, { type: "paragraph", text: "c\nd" }]).text).toBe("a\nb\n\nc d");
    expect(blocksFromPlainText("one\ntwo\n\nthree").text).toBe("one two\n\nthree");
  });
});
