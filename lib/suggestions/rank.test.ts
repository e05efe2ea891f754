import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { scoreSentence, suggestForText } from "./rank";
import type { Suggestion } from "./types";

const raw = fs.readFileSync(path.join(process.cwd(), "seeds/iran-cyber-attacks-2019.txt"), "utf8");
const meta = JSON.parse(fs.readFileSync(path.join(process.cwd(), "seeds/iran-cyber-attacks-2019.json"), "utf8")) as { publishedAt: string };
const SEED = raw.slice(raw.indexOf("TEHRAN (Dispatches) --"), raw.indexOf("* Comment:")).trim();
const PUBLISHED = new Date(meta.publishedAt);
const heldOut = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(process.cwd(), "tests/fixtures/check-worthiness/held-out.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
/** ~30 KB of debate prose, five sentences to a paragraph. */
const DEBATE = Array.from({ length: 60 }, (_, i) => heldOut.slice(i * 5, i * 5 + 5).map((r) => r.text).join(" ")).join("\n\n");

function expectWellFormed(text: string, items: Suggestion[]) {
  for (const s of items) {
    expect(text.slice(s.start, s.end)).toBe(s.exact);
    expect(s.score).toBeGreaterThan(0);
    expect(s.score).toBeLessThan(1);
    expect(s.reasons.length).toBeGreaterThan(0);
    for (const r of s.reasons) {
      expect(typeof r.kind).toBe("string");
      expect(typeof r.label).toBe("string");
      expect(text.slice(r.start, r.end)).toBe(r.phrase);
      expect(r.start).toBeGreaterThanOrEqual(s.start);
      expect(r.end).toBeLessThanOrEqual(s.end);
    }
  }
  for (let i = 1; i < items.length; i++) expect(items[i].score).toBeLessThanOrEqual(items[i - 1].score);
}

describe("suggestForText", () => {
  it("suggests the seed's Stuxnet sentence and, right after it, its date phrase", () => {
    const items = suggestForText(SEED, { publishedAt: PUBLISHED });
    expectWellFormed(SEED, items);
    const i = items.findIndex((s) => s.scope === "sentence" && s.exact.includes("in November 2007"));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(items[i].reasons[0]).toMatchObject({ kind: "dated-reference", label: "dated reference", phrase: "in November 2007" });
    expect(items[i + 1]).toMatchObject({ scope: "phrase", exact: "in November 2007", score: items[i].score, reasons: [{ kind: "dated-reference" }] });
    const statistic = items.find((s) => s.exact.includes("33 million"));
    expect(statistic?.reasons.some((r) => r.kind === "statistic" && r.phrase === "33 million")).toBe(true);
  });

  it("gives the same answer every time", () => {
    expect(suggestForText(DEBATE, { publishedAt: PUBLISHED })).toEqual(suggestForText(DEBATE, { publishedAt: PUBLISHED }));
  });

  it.each([
    ["seed, default limit", SEED, 20, 0.5],
    ["seed, everything", SEED, 1000, 0],
    ["debate, top 10", DEBATE, 10, 0.5],
    ["debate, top 40, no threshold", DEBATE, 40, 0],
  ])("returns what tagging every sentence returns (%s)", (_name, text, limit, minScore) => {
    const opts = { publishedAt: PUBLISHED, limit, minScore };
    const pruned = suggestForText(text, opts);
    expect(pruned).toEqual(suggestForText(text, { ...opts, exhaustive: true }));
    expect(pruned.length).toBeLessThanOrEqual(limit);
    expectWellFormed(text, pruned);
  });

  it("respects limit and minScore", () => {
    expect(suggestForText(DEBATE, { limit: 3 })).toHaveLength(3);
    expect(suggestForText(DEBATE, { limit: 0 })).toEqual([]);
    expect(suggestForText("", {})).toEqual([]);
    for (const s of suggestForText(DEBATE, { limit: 100, minScore: 0.7 })) {
      if (!s.reasons.some((r) => r.kind === "dated-reference")) expect(s.score).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("keeps a sentence with a dated reference whatever its score", () => {
    const text = "Thank you all for coming tonight.\n\nI remember the old plant from 1987, you know.";
    const items = suggestForText(text, { publishedAt: PUBLISHED, minScore: 0.99 });
    expect(items.map((s) => [s.scope, s.exact])).toEqual([
      ["sentence", "I remember the old plant from 1987, you know."],
      ["phrase", "from 1987"],
    ]);
    expect(items[0].score).toBeLessThan(0.99);
    expect(suggestForText(text, { publishedAt: PUBLISHED, minScore: 0.99, exhaustive: true })).toEqual(items);
  });

  it("uses only language-neutral reasons for other languages", () => {
    const text = "Die Arbeitslosigkeit stieg 2009 um 5 % auf 3,4 Millionen, sagte der Minister.\n\nDas Wetter war schön.\n\nEr sagte, alles sei gut.";
    const items = suggestForText(text, { language: "de", publishedAt: new Date("2019-06-01"), minScore: 0 });
    expectWellFormed(text, items);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].exact).toContain("Arbeitslosigkeit");
    for (const s of items) for (const r of s.reasons) expect(["statistic", "date", "dated-reference"]).toContain(r.kind);
  });
});

describe("scoreSentence", () => {
  it("scores the held-out check-worthy sentences above the others on average", () => {
    const rows = heldOut.slice(0, 300);
    const avg = (label: string) => {
      const xs = rows.filter((r) => r.label === label).map((r) => scoreSentence(r.text, { publishedAt: PUBLISHED }).score);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(avg("1")).toBeGreaterThan(avg("0") + 0.1);
  });
});
