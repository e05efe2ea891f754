// Repeated short quotes ("the people", a year) and edits before the claim: the
// claim must follow its own words, told apart from the other occurrences by the
// stored prefix/suffix, even when the edit puts another occurrence exactly where
// the claim used to be (the stored position is evidence, not proof).
import fc from "fast-check";
import { describe as suite, expect, it } from "vitest";
import { describe } from "./describe";
import { locateStrict } from "./locate";
import { normalize } from "./normalize";
import { CONTEXT_LENGTH } from "./types";

const WORDS = ["the", "people", "council", "said", "on", "Monday", "2019", "we", "can", "not", "vote", "budget", "city", "harbour", "rents", "and", "a", ",", "."];
const PHRASES = ["the people", "2019", "we can not", "the budget vote", "people"];
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((ws) => ws.join(" "));

type Scenario = { text: string; at: number[]; phrase: string };

/** filler P filler P … filler, remembering where each planted P starts. */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({ phrase: fc.constantFrom(...PHRASES), first: words(20, 40), rest: fc.array(words(1, 25), { minLength: 2, maxLength: 5 }) })
  .map(({ phrase, first, rest }) => {
    let text = first;
    const at: number[] = [];
    for (const filler of rest) {
      at.push(text.length + 1);
      text += ` ${phrase} ${filler}`;
    }
    return { text, at, phrase };
  });

/** Words of exactly `length` units, with no space at either end (so no doubled spaces either). */
function padding(length: number, seed: number): string {
  const source = "council officials said rents in the harbour district rose ";
  const from = seed % source.length;
  const s = source.repeat(Math.ceil((from + length) / source.length)).slice(from, from + length);
  return s.replace(/^ /, "x").replace(/ $/, "x");
}

type Edit = { kind: "land-insert" | "land-delete" | "insert" | "delete"; where: number; size: number; seed: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("land-insert", "land-delete", "insert", "delete"),
  where: fc.nat(),
  size: fc.integer({ min: 1, max: 200 }),
  seed: fc.nat(),
});

/** Applies the edit before the claim's prefix; returns the edited text and where the claim's words went, or null. */
function applyEdit(s: Scenario, target: number, e: Edit): { edited: string; start: number } | null {
  const start = s.at[target];
  const limit = start - CONTEXT_LENGTH; // edits end here, leaving the stored prefix intact
  if (limit < 0) return null;
  const insert = (size: number, max: number) => {
    const x = e.where % (max + 1);
    return { edited: s.text.slice(0, x) + padding(size, e.seed) + s.text.slice(x), start: start + size };
  };
  const remove = (size: number) => {
    if (size > limit) return null;
    const x = e.where % (limit - size + 1);
    return { edited: s.text.slice(0, x) + s.text.slice(x + size), start: start - size };
  };
  switch (e.kind) {
    // The previous planted occurrence moves onto the claim's old offset.
    case "land-insert":
      return target > 0 ? insert(start - s.at[target - 1], Math.min(s.at[target - 1], limit)) : null;
    // The next planted occurrence moves back onto the claim's old offset.
    case "land-delete":
      return target + 1 < s.at.length ? remove(s.at[target + 1] - start) : null;
    case "insert":
      return insert(e.size, limit);
    case "delete":
      return remove(Math.min(e.size, limit));
  }
}

function occurrences(text: string, phrase: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(phrase); i !== -1; i = text.indexOf(phrase, i + 1)) out.push(i);
  return out;
}

const norm = (s: string) => normalize(s).text;

/** Another occurrence whose surroundings read the same as the claim's stored context (whitespace and typography aside). */
function sharesContext(text: string, at: number, length: number, prefix: string, suffix: string): boolean {
  return norm(text.slice(Math.max(0, at - 2 * CONTEXT_LENGTH), at)).endsWith(norm(prefix)) && norm(text.slice(at + length, at + length + 2 * CONTEXT_LENGTH)).startsWith(norm(suffix));
}

suite("locate follows the claim's own occurrence of a repeated quote", () => {
  it("after insertions and deletions before it, including ones that move another occurrence onto its old offset", () => {
    let landed = 0;
    fc.assert(
      fc.property(scenario, fc.nat(), edit, (s, pick, e) => {
        const target = pick % s.at.length;
        const moved = applyEdit(s, target, e);
        fc.pre(moved !== null);
        const { edited, start } = moved!;
        const sel = describe(s.text, s.at[target], s.at[target] + s.phrase.length);
        expect(edited.slice(start - sel.prefix.length, start + s.phrase.length + sel.suffix.length)).toBe(sel.prefix + sel.exact + sel.suffix);
        // Only an occurrence whose context is its own has a single right answer.
        const others = occurrences(edited, s.phrase).filter((o) => o !== start);
        fc.pre(others.every((o) => !sharesContext(edited, o, s.phrase.length, sel.prefix, sel.suffix)));
        if (edited.startsWith(s.phrase, sel.start)) landed++;
        expect(locateStrict(edited, sel)).toEqual({ start, end: start + s.phrase.length, status: "ANCHORED" });
      }),
      { numRuns: 400 },
    );
    // The runs must include the case this test exists for: another occurrence on the stored offset.
    expect(landed).toBeGreaterThan(50);
  });
});
