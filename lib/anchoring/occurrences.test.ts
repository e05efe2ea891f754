import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { occurrenceFinder } from "./occurrences";

const LONG = Array.from({ length: 300 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join("");

function all(pattern: string, text: string): number[] {
  const out: number[] = [];
  occurrenceFinder(pattern)(text, (j) => out.push(j));
  return out;
}

/** The loop bestExact used before: indexOf from one past each hit. */
function reference(pattern: string, text: string): number[] {
  const out: number[] = [];
  for (let j = text.indexOf(pattern); j !== -1; j = text.indexOf(pattern, j + 1)) out.push(j);
  return out;
}

describe("occurrenceFinder", () => {
  it.each([
    ["overlapping runs", "aa", "aaaa", [0, 1, 2]],
    ["periodic pattern", "abab", "abababxabab", [0, 2, 7]],
    ["no hit", "abc", "ababab", []],
    ["long pattern (KMP path)", "a".repeat(300), "a".repeat(302), [0, 1, 2]],
    ["long pattern, one change", "a".repeat(150) + "#" + "a".repeat(150), "a".repeat(1000), []],
    ["long pattern found twice", LONG, `x${LONG}${LONG.slice(0, 299)}y${LONG}`, [1, 601]],
  ])("%s", (_name, pattern, text, expected) => {
    expect(all(pattern, text)).toEqual(expected);
    expect(reference(pattern, text)).toEqual(expected);
  });

  it("finds what the indexOf loop finds, short and long patterns", () => {
    const unit = fc.constantFrom("a", "b", "\ud83d", "\ude00");
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 8 }), fc.string({ unit, maxLength: 80 }), fc.integer({ min: 0, max: 60 }), (seed, text, stretch) => {
        // Stretching the pattern past 250 units exercises the KMP path on the same shapes.
        const long = seed.repeat(Math.ceil(251 / seed.length)) + seed.slice(0, stretch % seed.length);
        expect(all(seed, text)).toEqual(reference(seed, text));
        const longText = text.repeat(8) + long + text;
        expect(all(long, longText)).toEqual(reference(long, longText));
      }),
      { numRuns: 500 },
    );
  });

  it("stays linear on a long quote that fails late at every position", () => {
    const text = "a".repeat(900_000);
    const quote = "a".repeat(5_000) + "#" + "a".repeat(4_999);
    const t = performance.now();
    expect(all(quote, text)).toEqual([]);
    expect(all("a".repeat(10_000), text.slice(0, 100_000))).toHaveLength(90_001);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
