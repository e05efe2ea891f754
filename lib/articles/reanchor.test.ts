import { describe as suite, expect, it } from "vitest";
import { describe } from "@/lib/anchoring/describe";
import { anchorChanges, reanchorClaim, reanchorClaims, type Anchor, type AnchorState } from "./reanchor";

const OLD = [
  "Officials in Tehran said on Monday that the attacks had failed completely.",
  "Stuxnet targeted Iran's nuclear facilities in November 2007, researchers say.",
  "The ministry will publish a technical report once the investigation is complete.",
  "Closing remarks from the newsroom.",
].join("\n");

const INSERTED = "UPDATE: This story has been updated with comment from the State Department.\n";

function anchorOf(text: string, quote: string, anchorStatus: AnchorState = "ANCHORED"): Anchor {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture: ${quote} not in text`);
  return { selector: describe(text, start, start + quote.length), anchorStatus };
}

type Case = {
  name: string;
  quote: string;
  status?: AnchorState;
  /** The old selector, when it is not the quote in OLD (an already orphaned claim). */
  before?: (quote: string) => Anchor;
  next: string;
  expected: { anchorStatus: AnchorState; exact: string | null; changed: boolean };
};

const cases: Case[] = [
  { name: "unchanged text keeps the claim as it is", quote: "the attacks had failed", next: OLD, expected: { anchorStatus: "ANCHORED", exact: "the attacks had failed", changed: false } },
  { name: "an inserted paragraph shifts the quote", quote: "in November 2007", next: INSERTED + OLD, expected: { anchorStatus: "ANCHORED", exact: "in November 2007", changed: true } },
  {
    name: "an edit next to the quote only refreshes the context",
    quote: "a technical report",
    next: OLD.replace("The ministry will", "The ministry promised to"),
    expected: { anchorStatus: "ANCHORED", exact: "a technical report", changed: true },
  },
  {
    name: "a typo inside the quote is FUZZY on the new words",
    quote: "Stuxnet targeted Iran's nuclear facilities",
    next: OLD.replace("nuclear facilities", "nuclaer facilities"),
    expected: { anchorStatus: "FUZZY", exact: "Stuxnet targeted Iran's nuclaer facilities", changed: true },
  },
  {
    name: "a deleted paragraph orphans the claim and keeps its selector",
    quote: "Closing remarks from the newsroom",
    next: OLD.replace("\nClosing remarks from the newsroom.", ""),
    expected: { anchorStatus: "ORPHANED", exact: null, changed: true },
  },
  {
    name: "FUZZY stays FUZZY when found again exactly",
    quote: "researchers say",
    status: "FUZZY",
    next: INSERTED + OLD,
    expected: { anchorStatus: "FUZZY", exact: "researchers say", changed: true },
  },
  {
    name: "an orphan whose words come back is ANCHORED again",
    quote: "the attacks had failed completely",
    before: (q) => ({ ...anchorOf(OLD, q), anchorStatus: "ORPHANED" }),
    next: INSERTED + OLD,
    expected: { anchorStatus: "ANCHORED", exact: "the attacks had failed completely", changed: true },
  },
  {
    name: "an orphan that stays lost is unchanged",
    quote: "a sentence that was never there at all",
    before: (q) => ({ selector: { exact: q, prefix: "", suffix: "", start: 3, end: 3 + q.length }, anchorStatus: "ORPHANED" }),
    next: OLD,
    expected: { anchorStatus: "ORPHANED", exact: null, changed: false },
  },
];

suite("reanchorClaim", () => {
  it.each(cases)("$name", ({ quote, status, before: make, next, expected }) => {
    const before = make ? make(quote) : anchorOf(OLD, quote, status);
    const after = reanchorClaim(next, before);
    expect(after.anchorStatus).toBe(expected.anchorStatus);
    if (expected.exact === null) {
      expect(after.selector).toEqual(before.selector);
    } else {
      expect(after.selector.exact).toBe(expected.exact);
      expect(next.slice(after.selector.start, after.selector.end)).toBe(expected.exact);
      expect(after.selector).toEqual(describe(next, after.selector.start, after.selector.end));
    }
    const [result] = reanchorClaims(next, [{ id: "c", ...before }]).results;
    expect(result.changed).toBe(expected.changed);
    expect(Object.keys(anchorChanges(before, after)).length > 0).toBe(expected.changed);
  });
});

suite("reanchorClaims", () => {
  it("counts every claim once by its new status", () => {
    const next = INSERTED + OLD.replace("nuclear facilities", "nuclaer facilities").replace("\nClosing remarks from the newsroom.", "");
    const claims = [
      { id: "a", ...anchorOf(OLD, "the attacks had failed") },
      { id: "b", ...anchorOf(OLD, "Stuxnet targeted Iran's nuclear facilities") },
      { id: "c", ...anchorOf(OLD, "a technical report") },
      { id: "d", ...anchorOf(OLD, "Closing remarks from the newsroom") },
    ];
    const { results, counts } = reanchorClaims(next, claims);
    expect(counts).toEqual({ anchored: 2, fuzzy: 1, orphaned: 1 });
    expect(results.map((r) => [r.id, r.after.anchorStatus])).toEqual([
      ["a", "ANCHORED"],
      ["b", "FUZZY"],
      ["c", "ANCHORED"],
      ["d", "ORPHANED"],
    ]);
  });

  it("re-anchors 1,000 claims quickly", () => {
    const text = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: ${OLD}`).join("\n");
    const claims = Array.from({ length: 1000 }, (_, i) => {
      const para = `Paragraph ${i % 200}: `;
      const at = text.indexOf(para) + para.length + (i % 5) * 10;
      return { id: String(i), selector: describe(text, at, at + 20), anchorStatus: "ANCHORED" as const };
    });
    const t0 = performance.now();
    const { counts } = reanchorClaims(INSERTED + text, claims);
    const ms = performance.now() - t0;
    expect(counts.anchored).toBe(1000);
    expect(ms).toBeLessThan(2000);
  });
});
