import search from "approx-string-match";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMatchEnds, findMatchStart } from "./approx-match";

/** The package's search(), rebuilt from the two halves. */
function viaHalves(text: string, pattern: string, maxErrors: number) {
  const { ends, errors } = findMatchEnds(text, pattern, maxErrors);
  return ends.map((end) => ({ start: findMatchStart(text, pattern, end, errors), end, errors }));
}

describe("approx-match (vendored from approx-string-match)", () => {
  it("gives the package's matches, starts and errors", () => {
    const unit = fc.constantFrom("a", "b", "c", " ", "é");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), fc.string({ unit, minLength: 1, maxLength: 70 }), fc.integer({ min: 0, max: 20 }), (text, pattern, maxErrors) => {
        expect(viaHalves(text, pattern, maxErrors)).toEqual(search(text, pattern, maxErrors));
      }),
      { numRuns: 1000 },
    );
  });

  it("stops empty-handed when the step budget runs out", () => {
    const budget = { steps: 1_000 };
    expect(findMatchEnds("a".repeat(10_000), "a".repeat(100) + "b", 10, budget)).toEqual({ ends: [], errors: -1, exhausted: true });
    expect(findMatchEnds("xxabcxx", "abc", 0, { steps: 100 })).toEqual({ ends: [5], errors: 0 });
  });
});
