// Property tests over arbitrary text: any UTF-16 (lone surrogates included),
// any selector a client or an old database row could hold. locate() must never
// throw, describe() may only refuse a bad range with a RangeError, and a selector
// described from a text locates back to exactly its range in that same text.
import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { describe } from "./describe";
import { locate } from "./locate";
import { CONTEXT_LENGTH } from "./types";

// Any UTF-16 code unit: lone surrogates, NUL, controls and BMP text.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Text that repeats itself (so quotes are ambiguous) and mixes scripts, pairs and marks.
const wordy = fc.constantFrom("the ", "sky ", "was ", "green ", "2007", ". ", "\n\n", "😀", "e\u0301", "“", "”", "—", "东京", "Я", "\u00a0", "\ud800", "\udc00", "\u0000");
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: wordy, maxLength: 120 }),
);
const anyNumber = fc.oneof(fc.integer(), fc.integer({ min: -5, max: 400 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53 + 1));
const anySelector = fc.oneof(
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.record({ exact: fc.oneof(anyText, fc.anything()), prefix: fc.oneof(anyText, fc.anything()), suffix: fc.oneof(anyText, fc.anything()), start: fc.oneof(anyNumber, fc.anything()), end: fc.oneof(anyNumber, fc.anything()) }, { requiredKeys: [] }),
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (t: string, i: number) => i > 0 && i < t.length && isLow(t.charCodeAt(i)) && isHigh(t.charCodeAt(i - 1));

/** A non-empty range that does not split a surrogate pair, picked by two random numbers; null for an empty text. */
function pickRange(text: string, a: number, b: number): [number, number] | null {
  const cuts = [];
  for (let i = 0; i <= text.length; i++) if (!splitsPair(text, i)) cuts.push(i);
  if (cuts.length < 2) return null;
  const s = cuts[a % (cuts.length - 1)];
  const later = cuts.filter((x) => x > s);
  return [s, later[b % later.length]];
}

suite("anchoring properties over arbitrary text", () => {
  it("locate never throws, and any range it returns lies in the text without splitting a pair", () => {
    fc.assert(
      fc.property(anyText, anySelector, (text, sel) => {
        const r = locate(text, sel);
        if (r === null) return;
        expect(Number.isInteger(r.start) && Number.isInteger(r.end)).toBe(true);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeGreaterThan(r.start);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(splitsPair(text, r.start) || splitsPair(text, r.end)).toBe(false);
        expect(["ANCHORED", "FUZZY"]).toContain(r.status);
      }),
      { numRuns: 2000 },
    );
  });

  it("describe refuses a bad range only with a RangeError, whatever the numbers", () => {
    fc.assert(
      fc.property(anyText, anyNumber, anyNumber, (text, start, end) => {
        try {
          const sel = describe(text, start, end);
          expect(sel.exact).toBe(text.slice(start, end));
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("describe then locate on the unchanged text gives back exactly the original offsets", () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const range = pickRange(text, a, b);
        if (!range) return;
        const [s, e] = range;
        const sel = describe(text, s, e);
        expect(sel).toMatchObject({ exact: text.slice(s, e), start: s, end: e });
        expect(sel.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(sel.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(text.slice(s - sel.prefix.length, s)).toBe(sel.prefix);
        expect(text.slice(e, e + sel.suffix.length)).toBe(sel.suffix);
        expect(locate(text, sel)).toEqual({ start: s, end: e, status: "ANCHORED" });
        // A selector that lost its position (a client that sent only the quote) still lands on the same words.
        const found = locate(text, { ...sel, start: undefined, end: undefined });
        expect(found && text.slice(found.start, found.end)).toBe(sel.exact);
      }),
      { numRuns: 2000 },
    );
  });
});
