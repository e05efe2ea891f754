import { describe, expect, it } from "vitest";
import { cheapFeatures, extractFeatures, featureNames, FEATURES, ngrams } from "./features";

const ctx = { publishedAt: new Date("2016-10-19T12:00:00Z"), english: true };
/** "feature:phrase" for every hit of the given features. */
const fired = (text: string, only: string[], c: { publishedAt: Date | null; english: boolean } = ctx) =>
  extractFeatures(text, 0, c)
    .hits.filter((h) => only.includes(h.feature))
    .map((h) => `${h.feature}:${h.phrase}`);

describe("named features", () => {
  it.each([
    ["number", "We created 15 million jobs and 2 plants.", ["number"], ["number:15 million", "number:2"]],
    ["percentage", "Unemployment fell to 4.9 percent, or 5%.", ["percentage"], ["percentage:4.9 percent", "percentage:5%"]],
    ["money", "We spent $6 trillion and 20 billion dollars.", ["money"], ["money:$6 trillion", "money:20 billion dollars"]],
    ["date", "He voted for it in March 2003.", ["date"], ["date:March 2003"]],
    ["dated reference", "Crime is the lowest since 1990.", ["dated-reference"], ["dated-reference:since 1990"]],
    ["comparison", "Taxes are much higher than in Europe.", ["comparison-than", "comparative"], ["comparison-than:higher than", "comparative:higher"]],
    ["superlative", "It was the biggest tax cut.", ["superlative-word", "superlative"], ["superlative-word:biggest", "superlative:biggest"]],
    ["named entities", "Hillary Clinton told CNN in Chicago.", ["person", "place", "organization"], ["person:Hillary Clinton", "place:Chicago", "organization:CNN"]],
    ["attribution", "According to the report, crime rose, he said.", ["attribution"], ["attribution:According to", "attribution:report", "attribution:said"]],
    ["negation", "I never said that and it isn't true.", ["negation"], ["negation:never", "negation:isn't"]],
    ["hedge", "It may have cost roughly a billion.", ["hedge"], ["hedge:may", "hedge:roughly"]],
    ["causal", "Prices rose because of the tariffs, which led to layoffs.", ["causal"], ["causal:because of", "causal:led to"]],
    ["absolute", "Every family will always pay.", ["absolute"], ["absolute:Every", "absolute:always"]],
    ["trend", "Crime went up and wages fell.", ["trend"], ["trend:went up", "trend:fell"]],
    ["question", "Is that right?", ["question"], ["question:?"]],
    ["length", "Thank you.", ["len:1-4", "len:5-9"], ["len:1-4:"]],
    ["nothing fires on small talk", "Thank you very much.", ["number", "percentage", "money", "date", "comparison-than", "attribution", "causal"], []],
  ])("%s", (_name, text, only, expected) => {
    expect(fired(text, only)).toEqual(expected);
  });

  it("records each trigger's offset in the article", () => {
    const sentence = "Unemployment fell to 4.9 percent.";
    const f = extractFeatures(sentence, 100, ctx);
    const article = " ".repeat(100) + sentence;
    expect(f.hits.length).toBeGreaterThan(3);
    for (const h of f.hits) if (h.phrase) expect(article.slice(h.start, h.end)).toBe(h.phrase);
    for (const g of f.ngrams) expect(g.start).toBeGreaterThanOrEqual(100);
  });

  it("finds trigger offsets past quote marks, emoji and repeated words", () => {
    const sentence = "“Obama 😀 said Obama lost,” said Mr. Trump.";
    const f = extractFeatures(sentence, 0, ctx);
    const people = f.hits.filter((h) => h.feature === "person");
    expect(people.length).toBeGreaterThan(0);
    for (const h of f.hits) if (h.phrase) expect(sentence.slice(h.start, h.end)).toBe(h.phrase);
  });

  it("keeps only language-neutral features for other languages", () => {
    const f = cheapFeatures("Die Arbeitslosigkeit stieg 2009 um 5 % auf 3,4 Millionen.", 0, { publishedAt: ctx.publishedAt, english: false });
    const names = featureNames(f, false);
    expect([...names].sort()).toEqual(["f:date", "f:dated-reference", "f:len:10-19", "f:number", "f:percentage"]);
  });

  it("every feature has a reason label or none at all", () => {
    for (const info of Object.values(FEATURES)) expect(!!info.kind).toBe(!!info.label);
  });
});

describe("ngrams", () => {
  it("lowercases, folds digits and pairs neighbours", () => {
    expect(ngrams("We cut 33 Taxes", 5).map((g) => [g.gram, g.start, g.end])).toEqual([
      ["u:we", 5, 7],
      ["u:cut", 8, 11],
      ["u:0", 12, 14],
      ["u:taxes", 15, 20],
      ["b:we cut", 5, 11],
      ["b:cut 0", 8, 14],
      ["b:0 taxes", 12, 20],
    ]);
  });
});
