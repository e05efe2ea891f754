import { describe, expect, it } from "vitest";
import { VERDICT_INFO, VERDICTS } from "@/lib/claims/constants";
import { foldLabel, labelTable, mapRating } from "./rating";

describe("mapRating: the publisher's words", () => {
  it.each([
    ["Pants on Fire!", "FALSE"],
    ["Half True", "MIXED"],
    ["Mostly True", "MOSTLY_TRUE"],
    ["Four Pinocchios", "FALSE"],
    ["Three Pinocchios", "MOSTLY_FALSE"],
    ["Geppetto Checkmark", "TRUE"],
    ["Mixture", "MIXED"],
    ["Unproven", "UNVERIFIABLE"],
    ["Miscaptioned", "MISLEADING"],
    ["Missing context", "MISLEADING"],
    ["Outdated", "OUTDATED"],
    ["Faux", "FALSE"],
    ["Trompeur", "MISLEADING"],
    ["Engañoso", "MISLEADING"],
    ["Falso", "FALSE"],
    ["Irreführend", "MISLEADING"],
    ["  FALSE ", "FALSE"],
    ["False. The photo was taken in 2015, not last week.", "FALSE"],
    ["Misleading — the figure is from 2019", "MISLEADING"],
  ])("%s -> %s", (alternateName, verdict) => {
    expect(mapRating({ alternateName })).toEqual({ verdict, by: "label" });
  });

  it("round-trips every verdict Verity publishes (its label and its rating)", () => {
    for (const v of VERDICTS) {
      const info = VERDICT_INFO[v];
      const rating = { alternateName: info.label, ...(info.rating !== null ? { ratingValue: info.rating, bestRating: 5, worstRating: 1 } : {}) };
      expect(mapRating(rating).verdict, v).toBe(v);
    }
  });

  it("prefers the words to the scale when both are given", () => {
    expect(mapRating({ alternateName: "Misleading", ratingValue: 3, bestRating: 5, worstRating: 1 })).toEqual({ verdict: "MISLEADING", by: "label" });
  });
});

describe("mapRating: the scale", () => {
  it.each([
    [{ ratingValue: 1, bestRating: 5, worstRating: 1 }, "FALSE"],
    [{ ratingValue: 2, bestRating: 5, worstRating: 1 }, "MOSTLY_FALSE"],
    [{ ratingValue: 3 }, "MIXED"],
    [{ ratingValue: 4 }, "MOSTLY_TRUE"],
    [{ ratingValue: 5 }, "TRUE"],
    [{ ratingValue: 0, bestRating: 10, worstRating: 0 }, "FALSE"],
    [{ ratingValue: 8, bestRating: 10, worstRating: 0 }, "MOSTLY_TRUE"],
    [{ ratingValue: 1, bestRating: 1, worstRating: 5 }, "TRUE"],
    [{ alternateName: "Rating 7", ratingValue: 7, bestRating: 7, worstRating: 1 }, "TRUE"],
  ])("%o -> %s", (rating, verdict) => {
    expect(mapRating(rating)).toEqual({ verdict, by: "scale" });
  });

  it.each([
    [{ alternateName: "Spicy" }],
    [{ alternateName: "" }],
    [{}],
    [{ ratingValue: 9 }],
    [{ ratingValue: 3, bestRating: 3, worstRating: 3 }],
    [{ ratingValue: Number.NaN }],
  ])("leaves %o unmapped", (rating) => {
    expect(mapRating(rating)).toEqual({ verdict: null, by: "unmapped" });
  });
});

describe("the label table", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldLabel("Pants on Fire!")).toBe("pants on fire");
    expect(foldLabel("Irreführend")).toBe("irrefuhrend");
    expect(foldLabel("C'eri quasi")).toBe("c eri quasi");
    expect(foldLabel("Größtenteils richtig")).toBe("grosstenteils richtig");
    expect(mapRating({ alternateName: "Größtenteils falsch" })).toEqual({ verdict: "MOSTLY_FALSE", by: "label" });
  });
  it("gives each label one verdict and every verdict a label", () => {
    const table = labelTable();
    const all = Object.values(table).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const v of VERDICTS) expect(table[v].length, v).toBeGreaterThan(1);
  });
});
