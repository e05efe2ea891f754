import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { foldCode, isSpaceCode, normalize, normalizeCached, toNormalizedOffset, toOriginalOffset } from "./normalize";

/** Straightforward per-unit reference: normalised text plus a full offset map. */
function reference(input: string): { text: string; map: number[] } {
  const fold: Record<string, string> = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": "'", "›": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
  };
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < input.length; ) {
    map.push(i);
    if (/\s/.test(input[i])) {
      text += " ";
      while (i < input.length && /\s/.test(input[i])) i++;
    } else {
      text += fold[input[i]] ?? input[i];
      i++;
    }
  }
  map.push(input.length);
  return { text, map };
}

const unit = fc.constantFrom("a", "Я", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "’", "“", "«", "—", "−", "😀", "\ud83d", "e\u0301");

suite("normalize", () => {
  it("foldCode agrees with normalize on every non-space code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c)) continue;
      if (normalize(String.fromCharCode(c)).text.charCodeAt(0) !== foldCode(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it("folds whitespace runs, quotes and dashes", () => {
    const input = "«Hello»\u00a0 —  it’s\n\n“fine”\t-\u2212 done";
    expect(normalize(input).text).toBe(`"Hello" - it's "fine" -- done`);
  });

  it("returns the input itself when nothing changes", () => {
    const input = "Plain prose, nothing to fold.";
    expect(normalize(input).text).toBe(input);
  });

  it("agrees with a per-unit reference, offsets included", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (input) => {
        const nt = normalize(input);
        const ref = reference(input);
        expect(nt.text).toBe(ref.text);
        for (let i = 0; i <= nt.text.length; i++) expect(toOriginalOffset(nt, i)).toBe(ref.map[i]);
        for (let o = 0; o <= input.length; o++) {
          expect(toNormalizedOffset(nt, o)).toBe(ref.map.findIndex((m) => m >= o));
        }
      }),
    );
  });

  it("mirrors the regex definition of whitespace", () => {
    const disagree: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c);
    }
    expect(disagree).toEqual([]);
  });

  it("memoises per text string", () => {
    const a = "first  text";
    expect(normalizeCached(a)).toBe(normalizeCached(a));
    for (const t of ["b", "c", "d", "e"]) normalizeCached(t);
    expect(normalizeCached(a)).toEqual(normalize(a));
  });
});
