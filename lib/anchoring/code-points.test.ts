import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { codePointToUtf16Offset, splitsSurrogatePair, utf16ToCodePointOffset, utf16ToCodePointOffsets } from "./code-points";
import { EMOJI_ARTICLE } from "@/tests/fixtures/anchoring";

suite("code point offsets", () => {
  it("is the identity for BMP-only text", () => {
    const text = "Mousavi said, «нет» — 東京";
    for (let i = 0; i <= text.length; i++) {
      expect(utf16ToCodePointOffset(text, i)).toBe(i);
      expect(codePointToUtf16Offset(text, i)).toBe(i);
    }
  });

  it("counts a surrogate pair as one code point", () => {
    const text = "a😀b🇨🇦c";
    expect(utf16ToCodePointOffset(text, 1)).toBe(1);
    expect(utf16ToCodePointOffset(text, 3)).toBe(2);
    expect(utf16ToCodePointOffset(text, 4)).toBe(3);
    expect(utf16ToCodePointOffset(text, text.length)).toBe(6);
    expect(codePointToUtf16Offset(text, 2)).toBe(3);
    expect(codePointToUtf16Offset(text, 6)).toBe(text.length);
    expect(utf16ToCodePointOffset(text, text.length)).toBe(Array.from(text).length);
  });

  it("rounds an offset inside a surrogate pair down", () => {
    const text = "a😀b";
    expect(splitsSurrogatePair(text, 2)).toBe(true);
    expect(utf16ToCodePointOffset(text, 2)).toBe(1);
  });

  it("counts combining accents as their own code points", () => {
    const text = "Cafe\u0301!";
    expect(utf16ToCodePointOffset(text, 5)).toBe(5);
    expect(codePointToUtf16Offset(text, 6)).toBe(6);
  });

  it("counts lone surrogates like Array.from does", () => {
    const text = "a\ud83d b\ude00";
    expect(utf16ToCodePointOffset(text, text.length)).toBe(Array.from(text).length);
  });

  it("round-trips every code point boundary of the emoji article", () => {
    let utf16 = 0;
    Array.from(EMOJI_ARTICLE).forEach((ch, cp) => {
      expect(utf16ToCodePointOffset(EMOJI_ARTICLE, utf16)).toBe(cp);
      expect(codePointToUtf16Offset(EMOJI_ARTICLE, cp)).toBe(utf16);
      utf16 += ch.length;
    });
  });

  it("round-trips for random strings", () => {
    fc.assert(
      // Any code point, lone surrogates included (fc's "binary" unit has a slow first use).
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)), maxLength: 40 }), fc.nat(), (text, n) => {
        const cps = Array.from(text);
        const cp = n % (cps.length + 1);
        const utf16 = cps.slice(0, cp).join("").length;
        expect(codePointToUtf16Offset(text, cp)).toBe(utf16);
        expect(utf16ToCodePointOffset(text, utf16)).toBe(cp);
      }),
    );
  });

  it("converts many offsets at once exactly as one at a time, lone and split surrogates included", () => {
    const units = ["a", "\ud83d", "\ude00", "😀", "\ud83d\ud83d", "\u0301"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const convert = utf16ToCodePointOffsets(text);
        for (let i = 0; i <= text.length; i++) expect(convert(i)).toBe(utf16ToCodePointOffset(text, i));
      }),
    );
  });

  it.each([-1, 0.5, Number.NaN, 99])("throws a RangeError for offset %s", (offset) => {
    expect(() => utf16ToCodePointOffsets("a😀b")(offset)).toThrow(RangeError);
    expect(() => utf16ToCodePointOffset("a😀b", offset)).toThrow(RangeError);
    expect(() => codePointToUtf16Offset("a😀b", offset)).toThrow(RangeError);
  });

  it("throws a RangeError for a code point offset past the last code point", () => {
    expect(() => codePointToUtf16Offset("a😀b", 4)).toThrow(RangeError);
    expect(codePointToUtf16Offset("a😀b", 3)).toBe(4);
  });
});
