import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectDatedReferences, findTimeExpressions } from "./dated-reference";

const seedMeta = JSON.parse(fs.readFileSync(path.join(process.cwd(), "seeds/iran-cyber-attacks-2019.json"), "utf8")) as { publishedAt: string };
const seedText = fs.readFileSync(path.join(process.cwd(), "seeds/iran-cyber-attacks-2019.txt"), "utf8");
const PUBLISHED = new Date(seedMeta.publishedAt);

const flagged = (sentence: string, publishedAt: Date | null = PUBLISHED, english = true) =>
  detectDatedReferences(sentence, 0, publishedAt, { english, now: new Date("2026-12-03T00:00:00Z") }).map((d) => [d.phrase, d.why]);

describe("detectDatedReferences", () => {
  it("flags the seed's 'in November 2007' given the seed's publication date, with the narrow span", () => {
    const sentence = seedText.split("\n").find((l) => l.includes("November 2007"))!;
    const offset = seedText.indexOf(sentence);
    const refs = detectDatedReferences(sentence, offset, PUBLISHED);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ phrase: "in November 2007", why: "far" });
    expect(seedText.slice(refs[0].start, refs[0].end)).toBe("in November 2007");
  });

  it.each([
    ["far in the past", "Stuxnet was discovered in 2010 by researchers.", [["in 2010", "far"]]],
    ["an adjectival year", "The U.S. abandoned a 2015 agreement with Iran.", [["2015", "far"]]],
    ["a decade", "Crime fell in the 1990s.", [["1990s", "far"]]],
    ["relative and far", "Ten years ago the plant was closed.", [["Ten years ago", "far"]]],
    ["tied to 'since'", "The confrontation has escalated since May, officials said.", [["since May", "cue"]]],
    ["tied to 'first'", "It was the first attack of its kind, in March.", [["in March", "cue"]]],
    ["near and untied", "Officials met in May to talk.", []],
    ["last year is not far", "Last year we neutralized 33 million attacks.", []],
    ["the present is not a date", "Right now, today, we are strong.", []],
    ["the future is not a dated reference", "The law takes effect in 2030, the first since 2007.", [["since 2007", "far"]]],
    ["a count is not a year", "They hired 2000 workers and 1,999 engineers.", []],
  ])("%s", (_name, sentence, expected) => {
    expect(flagged(sentence)).toEqual(expected);
  });

  it("uses now when the publication date is unknown", () => {
    expect(flagged("Prices peaked in March 2026.", null)).toEqual([]); // months before 2026-12-03: not far
    expect(flagged("Prices peaked in November 2007.", null)).toEqual([["in November 2007", "far"]]);
    expect(flagged("Prices peaked in November 2007.", new Date("2008-01-01"))).toEqual([]);
  });

  it("reads only bare years in other languages", () => {
    expect(flagged("Stuxnet wurde 2010 entdeckt, im November.", PUBLISHED, false)).toEqual([["2010", "far"]]);
  });

  it("offsets time expressions into the article", () => {
    const t = findTimeExpressions("Since June 2014 prices rose.", 100, PUBLISHED);
    expect(t.map((e) => [e.phrase, e.start, e.end])).toEqual([["June 2014", 106, 115]]);
  });
});
