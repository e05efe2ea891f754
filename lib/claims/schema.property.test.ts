// The claim schemas are the API's first line: whatever JSON a client sends,
// parsing must answer (success or issues), never throw, and what it lets through
// must hold the invariants the mutations rely on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { claimInputSchema, claimUpdateSchema, commentInputSchema, selectorSchema, sourceInputSchema, versionOnlySchema } from "./schema";
import { MAX_QUOTE, MAX_SOURCES, STANCES, VERDICTS } from "./constants";

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(fc.string({ unit: codeUnit, maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("", " ", "\u0000", "\ud800", "javascript:alert(1)", "https://ok.example/a", "x".repeat(MAX_QUOTE + 1)));
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -1, 0, 1, 1.5, 2 ** 53 + 1));
const junk = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);

const source = fc.record(
  { url: maybe(text), title: maybe(text), publisher: maybe(text), stance: maybe(fc.constantFrom(...STANCES, "MAYBE")), archivedUrl: maybe(text), excerpt: maybe(text) },
  { requiredKeys: [] },
);
const selector = fc.record({ exact: maybe(text), prefix: maybe(text), suffix: maybe(text), start: maybe(num), end: maybe(num) }, { requiredKeys: [] });
const nearValid = fc.record(
  {
    selector: maybe(selector),
    claimText: maybe(text),
    verdict: maybe(fc.constantFrom(...VERDICTS, "PANTS_ON_FIRE")),
    rationale: maybe(text),
    sources: maybe(fc.array(maybe(source), { maxLength: MAX_SOURCES + 2 })),
    version: maybe(num),
    body: maybe(text),
  },
  { requiredKeys: [] },
);
const input = fc.oneof(junk, nearValid);

const SCHEMAS = { claimInputSchema, claimUpdateSchema, commentInputSchema, selectorSchema, sourceInputSchema, versionOnlySchema };

describe("claim schemas over arbitrary input", () => {
  it.each(Object.entries(SCHEMAS))("%s.safeParse never throws", (_name, schema) => {
    fc.assert(
      fc.property(input, (v) => {
        const r = schema.safeParse(v);
        expect(typeof r.success).toBe("boolean");
        if (!r.success) expect(r.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it("what claimInputSchema accepts holds the invariants the mutations rely on", () => {
    fc.assert(
      fc.property(input, (v) => {
        const r = claimInputSchema.safeParse(v);
        if (!r.success) return;
        const { selector: s, sources } = r.data;
        expect(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0).toBe(true);
        expect(s.end - s.start).toBe(s.exact.length);
        expect(s.exact.length).toBeGreaterThan(0);
        expect(sources.length).toBeLessThanOrEqual(MAX_SOURCES);
        for (const src of sources) expect(src.url).toMatch(/^https?:\/\//i);
        expect(VERDICTS).toContain(r.data.verdict);
        expect(r.data.claimText.trim()).toBe(r.data.claimText);
      }),
      { numRuns: 3000 },
    );
  });

  it("every selector describe() builds for a sane range passes selectorSchema", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 }), fc.nat(), fc.nat({ max: MAX_QUOTE }), (t, a, len) => {
        const start = a % t.length;
        let end = Math.min(t.length, start + 1 + len);
        if (end - start > MAX_QUOTE) end = start + MAX_QUOTE;
        const cut = (i: number) => i > 0 && i < t.length && /[\udc00-\udfff]/.test(t[i]) && /[\ud800-\udbff]/.test(t[i - 1]);
        if (cut(start) || cut(end)) return;
        expect(selectorSchema.safeParse(describeSelector(t, start, end)).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
