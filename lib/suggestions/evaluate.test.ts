import { describe, expect, it } from "vitest";
import { averagePrecision, clefDebateDate, evaluateRanking, HAS_NUMBER, orderByScore, RANDOM_RUNS } from "./evaluate";
import { seededShuffle } from "@/lib/random";

describe("averagePrecision", () => {
  it.each([
    ["perfect", [1, 1, 0, 0], 1],
    ["worst", [0, 0, 1, 1], (1 / 3 + 2 / 4) / 2],
    ["interleaved", [1, 0, 1, 0], (1 + 2 / 3) / 2],
    ["one positive third", [0, 0, 1], 1 / 3],
    ["no positives", [0, 0, 0], 0],
  ])("%s", (_name, labels, expected) => {
    expect(averagePrecision(labels)).toBeCloseTo(expected, 12);
  });
});

describe("orderByScore", () => {
  it("orders best first and keeps ties in document order", () => {
    expect(orderByScore([0.2, 0.9, 0.2, 0.5])).toEqual([1, 3, 0, 2]);
  });
});

describe("evaluateRanking", () => {
  const rows = [
    { debate: "b", text: "We cut taxes by 5%.", label: 1 },
    { debate: "b", text: "Thank you.", label: 0 },
    { debate: "b", text: "Crime is up.", label: 1 },
    { debate: "a", text: "Hello there.", label: 0 },
    { debate: "a", text: "It cost 3 billion.", label: 0 },
    { debate: "a", text: "He lied.", label: 1 },
  ];

  it("takes the mean of per-debate AP, never pooling debates", () => {
    // debate a: scores 0.1, 0.2, 0.3 → order He lied (1) → AP 1; debate b: 0.9, 0.8, 0.1 → [1, 0, 1] → (1 + 2/3) / 2.
    const e = evaluateRanking(rows, [0.9, 0.8, 0.1, 0.1, 0.2, 0.3]);
    expect(e.debates.map((d) => [d.debate, d.sentences, d.positives])).toEqual([
      ["a", 3, 1],
      ["b", 3, 2],
    ]);
    expect(e.debates[0].ap).toBeCloseTo(1, 12);
    expect(e.debates[1].ap).toBeCloseTo(5 / 6, 12);
    expect(e.map).toBeCloseTo((1 + 5 / 6) / 2, 12);
  });

  it("ranks numbers first in document order for that baseline", () => {
    const e = evaluateRanking(rows, [0, 0, 0, 0, 0, 0]);
    // a: "It cost 3 billion." first → [0, 0, 1] → 1/3; b: "5%" first → [1, 0, 1] → 5/6.
    expect(e.debates[0].numbersFirstAp).toBeCloseTo(1 / 3, 12);
    expect(e.debates[1].numbersFirstAp).toBeCloseTo(5 / 6, 12);
  });

  it("averages seeded shuffles for the random baseline, the same every run", () => {
    const e = evaluateRanking(rows, [0, 0, 0, 0, 0, 0], 7);
    let sum = 0;
    for (let r = 0; r < RANDOM_RUNS; r++) sum += averagePrecision(seededShuffle([0, 0, 1], 7 + r));
    expect(e.debates[0].randomAp).toBeCloseTo(sum / RANDOM_RUNS, 12);
    expect(evaluateRanking(rows, [0, 0, 0, 0, 0, 0], 7)).toEqual(e);
  });

  it("counts digits, percent signs and scale words as numbers", () => {
    expect(["It was 3.", "5%", "a million jobs", "Thank you", "one of them"].map((t) => HAS_NUMBER.test(t))).toEqual([true, true, true, false, false]);
  });
});

describe("clefDebateDate", () => {
  it.each([
    ["20160926_1pres.tsv", "2016-09-26"],
    ["20182601_trump_world.tsv", "2018-01-26"],
    ["notes.tsv", null],
  ])("%s", (name, expected) => {
    expect(clefDebateDate(name)?.toISOString().slice(0, 10) ?? null).toBe(expected);
  });
});
