import { describe, expect, it } from "vitest";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import type { SuggestionDraft } from "./compute";
import { reanchorSuggestion, reanchorSuggestions, type StoredSuggestion } from "./reanchor";

const A = "Officials in Tehran said on Monday that the cyber attacks had failed completely.";
const B = "Stuxnet targeted Iran's nuclear facilities in November 2007, researchers say.";
const C = "Unemployment rose by 12% last year, the highest rate since 1990, according to the ministry.";
const NEW = "Inflation reached 40% in March, the worst figure in a decade.";
const TEXT = [A, B, C].join("\n\n");

function stored(text: string, exact: string, opts: Partial<StoredSuggestion> & { reason?: string } = {}): StoredSuggestion {
  const start = text.indexOf(exact);
  const phrase = opts.reason ?? exact.split(" ")[0];
  const at = text.indexOf(phrase, start);
  return {
    id: `s-${exact.slice(0, 8)}`,
    selector: describeSelector(text, start, start + exact.length),
    status: "OPEN",
    dismissed: false,
    score: 0.7,
    reasons: [{ kind: "statistic", label: "statistic", phrase, start: at, end: at + phrase.length }],
    scope: "sentence",
    ...opts,
  };
}

function draft(text: string, exact: string, scope: "sentence" | "phrase" = "sentence"): SuggestionDraft {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, score: 0.9, scope, reasons: [{ kind: "statistic", label: "statistic", phrase: exact, start, end: start + exact.length }] };
}

describe("reanchorSuggestion", () => {
  const moved = [NEW, A, B, C].join("\n\n");
  const shift = NEW.length + 2;

  it.each([
    ["an open one moves with its words, reasons too", stored(TEXT, C, { reason: "12%" }), moved, { status: "OPEN", start: TEXT.indexOf(C) + shift, anchored: true }],
    ["a dismissed one stays dismissed where it lands", stored(TEXT, B, { status: "DISMISSED", dismissed: true, reason: "in November 2007" }), moved, { status: "DISMISSED", start: TEXT.indexOf(B) + shift, anchored: true }],
    ["an orphan whose words come back is open again", stored(TEXT, A, { status: "ORPHANED" }), moved, { status: "OPEN", anchored: true }],
    ["a dismissed orphan whose words come back is dismissed again", stored(TEXT, A, { status: "ORPHANED", dismissed: true }), moved, { status: "DISMISSED", anchored: true }],
    ["words gone: orphaned, selector kept", stored(TEXT, C), [A, B].join("\n\n"), { status: "ORPHANED", start: TEXT.indexOf(C), anchored: false }],
  ] as const)("%s", (_, s, text, want) => {
    const u = reanchorSuggestion(text, s);
    expect(u).toMatchObject({ status: want.status, anchored: want.anchored });
    if ("start" in want) expect(u.selector.start).toBe(want.start);
    if (u.anchored) {
      expect(text.slice(u.selector.start, u.selector.end)).toBe(u.selector.exact);
      for (const r of u.reasons) expect(text.slice(r.start, r.end)).toBe(r.phrase);
    }
  });

  it("an open suggestion whose triggering words were edited away is orphaned", () => {
    const s = stored(TEXT, C, { reason: "12%" });
    const edited = TEXT.replace("12%", "twelve percent");
    expect(reanchorSuggestion(edited, s).status).toBe("ORPHANED");
  });
});

describe("reanchorSuggestions", () => {
  it("same span is the same suggestion (refreshed, status kept); overlapping ones are covered; the rest is new", () => {
    const text = [NEW, A, B, C].join("\n\n");
    const dismissedB = stored(TEXT, B, { status: "DISMISSED", dismissed: true, reason: "in November 2007" });
    const openC = stored(TEXT, C, { reason: "12%" });
    const fresh = [draft(text, C), draft(text, B), draft(text, "in November 2007", "phrase"), draft(text, NEW)];
    const { updates, inserts, counts } = reanchorSuggestions(text, [dismissedB, openC], fresh);
    expect(updates.find((u) => u.id === openC.id)).toMatchObject({ status: "OPEN", score: 0.9 });
    expect(updates.find((u) => u.id === dismissedB.id)).toMatchObject({ status: "DISMISSED", score: 0.9 });
    expect(inserts.map((i) => i.exact)).toEqual(["in November 2007", NEW]);
    expect(counts).toEqual({ kept: 2, orphaned: 0, added: 2 });
  });

  it("a fresh sentence overlapping a dismissed one that moved fuzzily is not suggested again", () => {
    const dismissedB = stored(TEXT, B, { status: "DISMISSED", dismissed: true, reason: "in November 2007" });
    const text = TEXT.replace("researchers say", "researchers said");
    const fresh = [draft(text, B.replace("researchers say", "researchers said"))];
    const { updates, inserts } = reanchorSuggestions(text, [dismissedB], fresh);
    expect(updates[0]).toMatchObject({ status: "DISMISSED", anchored: true });
    expect(inserts).toEqual([]);
  });
});
