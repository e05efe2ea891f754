// Property tests over arbitrary text: any UTF-16 (lone surrogates included),
// any selector a client or an old database row could hold. locateStrict (the
// work behind locate(), without its catch-all) must never throw, describe() may
// only refuse a bad range with a RangeError, and a selector described from a
// text locates back to exactly its range in that same text.
import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { describe } from "./describe";
import { locateStrict } from "./locate";
import { CONTEXT_LENGTH } from "./types";

// Any UTF-16 code unit: lone surrogates, NUL, controls and BMP text.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Text that repeats itself (so quotes are ambiguous) and mixes scripts, pairs and marks.
const wordy = fc.constantFrom("the ", "sky ", "was ", "green ", "2007", ". ", "\n\n", "😀", "e\u0301", "“", "”", "—", "东京", "Я", "\u00a0", "\ud800", "\udc00", "\u0000");
// Short units that repeat a lot and cover every variant normalize() folds.
const typo = fc.constantFrom("a", "b", "ab", " ", "\n", "\u00a0", "é", "e\u0301", "😀", "🇨🇦", "“", '"', "’", "—", "-", "Я", "東");
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: wordy, maxLength: 120 }),
  fc.string({ unit: typo, maxLength: 80 }),
);
const anyNumber = fc.oneof(fc.integer(), fc.integer({ min: -5, max: 400 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53 + 1));
const anySelector = fc.oneof(
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.record({ exact: fc.oneof(anyText, fc.anything()), prefix: fc.oneof(anyText, fc.anything()), suffix: fc.oneof(anyText, fc.anything()), start: fc.oneof(anyNumber, fc.anything()), end: fc.oneof(anyNumber, fc.anything()) }, { requiredKeys: [] }),
  fc.record({ exact: fc.string({ unit: typo }), prefix: fc.string({ unit: typo }), suffix: fc.string({ unit: typo }), start: anyNumber, end: anyNumber }),
);

// Written out here rather than imported, so the tests do not check the code against itself.
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
  it("locateStrict never throws, and any range it returns lies in the text without splitting a pair", () => {
    fc.assert(
      fc.property(anyText, anySelector, (text, sel) => {
        const r = locateStrict(text, sel);
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

  it("describe accepts exactly the ranges that are whole, in order, inside the text and not splitting a pair; the rest with a RangeError", () => {
    let accepted = 0;
    // Offsets mostly around the text's own range, so valid ranges are common too.
    const textAndRange = anyText.chain((text) => {
      const offset = fc.oneof(anyNumber, fc.integer({ min: -1, max: text.length + 1 }), fc.integer({ min: -1, max: text.length + 1 }));
      return fc.tuple(fc.constant(text), offset, offset);
    });
    fc.assert(
      fc.property(textAndRange, ([text, start, end]) => {
        const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length && !splitsPair(text, start) && !splitsPair(text, end);
        if (!valid) {
          expect(() => describe(text, start, end)).toThrow(RangeError);
          return;
        }
        accepted++;
        expect(describe(text, start, end)).toMatchObject({ exact: text.slice(start, end), start, end });
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it("describe then locate on the unchanged text gives back exactly the original offsets, ANCHORED", () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const range = pickRange(text, a, b);
        if (!range) return;
        const [s, e] = range;
        const sel = describe(text, s, e);
        expect(sel.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(sel.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(text.slice(s - sel.prefix.length, s)).toBe(sel.prefix);
        expect(text.slice(e, e + sel.suffix.length)).toBe(sel.suffix);
        expect(locateStrict(text, sel)).toEqual({ start: s, end: e, status: "ANCHORED" });
        // A selector that lost its position (a client that sent only the quote) still lands on the same words.
        const found = locateStrict(text, { ...sel, start: undefined, end: undefined });
        expect(found && text.slice(found.start, found.end)).toBe(sel.exact);
      }),
      { numRuns: 2000 },
    );
  });

  it("follows the quote, ANCHORED, when text is inserted at the top", () => {
    fc.assert(
      fc.property(fc.string({ unit: typo, minLength: 1, maxLength: 80 }), fc.string({ unit: typo, minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (text, inserted, a, b) => {
        const [s, e] = pickRange(text, a, b)!;
        const sel = describe(text, s, e);
        const edited = inserted + text;
        const result = locateStrict(edited, sel);
        expect(result?.status).toBe("ANCHORED");
        expect(edited.slice(result!.start, result!.end)).toBe(sel.exact);
        // Only an unambiguous quote has a single right answer.
        if (edited.indexOf(sel.exact) === edited.lastIndexOf(sel.exact)) expect(result!.start).toBe(s + inserted.length);
      }),
      { numRuns: 500 },
    );
  });
});
