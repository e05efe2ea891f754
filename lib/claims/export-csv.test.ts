import { describe, expect, it } from "vitest";
import { claimsToCsv, csvCell } from "./export-csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ['say "hi"', '"say ""hi"""'],
    ["a,b", '"a,b"'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "\"'+1\""],
    ["@cmd", "\"'@cmd\""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("claimsToCsv", () => {
  it("writes a header and one row per claim with its sources", () => {
    const csv = claimsToCsv([
      { exact: "in November 2007", claimText: "It happened in 2007", verdict: "OUTDATED", status: "APPROVED", author: "Rita", sources: [{ url: "https://a.example", title: "A", stance: "REFUTES" }] },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "quote,claim,verdict,status,reviewer,sources",
      "in November 2007,It happened in 2007,OUTDATED,APPROVED,Rita,REFUTES: A <https://a.example>",
      "",
    ]);
  });
});
