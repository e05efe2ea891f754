// The claim schemas are the API's first line: whatever JSON a client sends,
// parsing must answer (success or issues), never throw, and what it lets through
// must hold the invariants the mutations rely on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { CONTEXT_LENGTH } from "@/lib/anchoring/types";
import { claimInputSchema, claimUpdateSchema, commentInputSchema, selectorSchema, sourceInputSchema, versionOnlySchema } from "./schema";
import { MAX_QUOTE, MAX_SOURCES, STANCES, VERDICTS } from "./constants";

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const text = fc.oneof(fc.string({ unit: codeUnit, maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("", " ", "\u0000", "\ud800", "javascript:alert(1)", "https://ok.example/a", "x".repeat(MAX_QUOTE + 1)));
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -1, 0, 1, 1.5, 2 ** 53 + 1));
// No null-prototype objects: zod 4 runs a string's length checks on any value
// with a \`length\` (even after the type check failed), and comparing a
// null-prototype object with a number throws inside zod. Neither JSON.parse
// nor a form can produce one, so no request can reach that.
const junk = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true });
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

// Inputs the schemas must accept, so the properties below see successes too
// (random fields almost never make a valid claim: with only those, a check on
// what is accepted would pass without ever running).
const url = fc.webUrl({ validSchemes: ["http", "https"] });
const words = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0);
const validSource = fc.record({ url, title: words, stance: fc.constantFrom(...STANCES), publisher: fc.option(words, { nil: undefined }), archivedUrl: fc.option(url, { nil: undefined }), excerpt: fc.option(words, { nil: undefined }) });
const validSelector = fc
  .tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), fc.nat(), fc.nat({ max: 80 }))
  .map(([t, a, len]) => {
    // A range that does not split a surrogate pair (describe() refuses those).
    let start = a % t.length;
    while (start > 0 && /[\udc00-\udfff]/.test(t[start])) start--;
    let end = Math.min(t.length, start + 1 + len);
    while (end < t.length && /[\udc00-\udfff]/.test(t[end])) end++;
    return describeSelector(t, start, end);
  });
const validClaim = fc.record({ selector: validSelector, claimText: words, verdict: fc.constantFrom(...VERDICTS), rationale: fc.string({ maxLength: 200 }), sources: fc.array(validSource, { maxLength: MAX_SOURCES }) });
/** A valid claim with one field replaced by anything. */
const oneBadField = fc.tuple(validClaim, fc.constantFrom("selector", "claimText", "verdict", "rationale", "sources"), junk).map(([c, k, v]) => ({ ...c, [k]: v }));
/** A valid claim whose selector is off in one way the schema must catch. */
const offSelector = fc.tuple(validClaim, fc.constantFrom("end+1", "start=end", "short exact", "negative", "fraction", "long prefix")).map(([c, how]) => {
  const s = { ...c.selector };
  if (how === "end+1") s.end += 1;
  if (how === "start=end") s.start = s.end;
  if (how === "short exact") s.exact = s.exact.slice(1);
  if (how === "negative") Object.assign(s, { start: -1, end: s.exact.length - 1 });
  if (how === "fraction") Object.assign(s, { start: s.start + 0.5, end: s.end + 0.5 });
  if (how === "long prefix") s.prefix = "p".repeat(CONTEXT_LENGTH + 1);
  return { ...c, selector: s };
});
const validUpdate = fc.record({ version: fc.integer({ min: 1, max: 1000 }), claimText: words, verdict: fc.constantFrom(...VERDICTS), sources: fc.array(validSource, { maxLength: MAX_SOURCES }), selector: validSelector }, { requiredKeys: ["version"] });
const validComment = fc.record({ body: words });

const input = fc.oneof(junk, nearValid, validClaim, oneBadField, offSelector, validUpdate, validComment, validSource, validSelector);

const SCHEMAS = { claimInputSchema, claimUpdateSchema, commentInputSchema, selectorSchema, sourceInputSchema, versionOnlySchema };

describe("claim schemas over arbitrary input", () => {
  it.each(Object.entries(SCHEMAS))("%s.safeParse never throws, and what it accepts it accepts again unchanged", (_name, schema) => {
    let accepted = 0;
    fc.assert(
      fc.property(input, (v) => {
        const r = schema.safeParse(v);
        if (!r.success) {
          expect(r.error.issues.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        // What the server stores after parsing must pass the same schema as it is.
        expect(schema.safeParse(r.data)).toEqual({ success: true, data: r.data });
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it("what claimInputSchema accepts holds the invariants the mutations rely on", () => {
    let accepted = 0;
    fc.assert(
      fc.property(input, (v) => {
        const r = claimInputSchema.safeParse(v);
        if (!r.success) return;
        accepted++;
        const { selector: s, sources } = r.data;
        expect(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0).toBe(true);
        expect(s.end - s.start).toBe(s.exact.length);
        expect(s.exact.length).toBeGreaterThan(0);
        expect(Math.max(s.prefix.length, s.suffix.length)).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(sources.length).toBeLessThanOrEqual(MAX_SOURCES);
        for (const src of sources) expect(src.url).toMatch(/^https?:\/\//i);
        expect(VERDICTS).toContain(r.data.verdict);
        expect(r.data.claimText.trim()).toBe(r.data.claimText);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a fair share of the inputs are valid claims.
    expect(accepted).toBeGreaterThan(100);
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
