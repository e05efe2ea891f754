import { describe, expect, it } from "vitest";
import { Bm25Index } from "./bm25";
import { averagePrecisionAt, meanAveragePrecisionAt } from "./metrics";
import { porterStem } from "./porter";
import { terms, words } from "./tokenize";

describe("porterStem", () => {
  // Pairs from Porter's 1980 paper and his published vocabulary/output files.
  const pairs: Array<[string, string]> = [
    ["caresses", "caress"], ["ponies", "poni"], ["ties", "ti"], ["caress", "caress"], ["cats", "cat"],
    ["feed", "feed"], ["agreed", "agre"], ["plastered", "plaster"], ["bled", "bled"], ["motoring", "motor"], ["sing", "sing"],
    ["conflated", "conflat"], ["troubled", "troubl"], ["sized", "size"], ["hopping", "hop"], ["tanned", "tan"], ["falling", "fall"],
    ["hissing", "hiss"], ["fizzed", "fizz"], ["failing", "fail"], ["filing", "file"], ["happy", "happi"], ["sky", "sky"],
    ["relational", "relat"], ["conditional", "condit"], ["rational", "ration"], ["valenci", "valenc"], ["digitizer", "digit"],
    ["conformabli", "conform"], ["radicalli", "radic"], ["differentli", "differ"], ["vileli", "vile"], ["analogousli", "analog"],
    ["vietnamization", "vietnam"], ["predication", "predic"], ["operator", "oper"], ["feudalism", "feudal"], ["decisiveness", "decis"],
    ["hopefulness", "hope"], ["callousness", "callous"], ["formaliti", "formal"], ["sensitiviti", "sensit"], ["sensibiliti", "sensibl"],
    ["triplicate", "triplic"], ["formative", "form"], ["formalize", "formal"], ["electriciti", "electr"], ["electrical", "electr"],
    ["hopeful", "hope"], ["goodness", "good"], ["revival", "reviv"], ["allowance", "allow"], ["inference", "infer"], ["airliner", "airlin"],
    ["gyroscopic", "gyroscop"], ["adjustable", "adjust"], ["defensible", "defens"], ["irritant", "irrit"], ["replacement", "replac"],
    ["adjustment", "adjust"], ["dependent", "depend"], ["adoption", "adopt"], ["homologou", "homolog"], ["communism", "commun"],
    ["activate", "activ"], ["angulariti", "angular"], ["homologous", "homolog"], ["effective", "effect"], ["bowdlerize", "bowdler"],
    ["probate", "probat"], ["rate", "rate"], ["cease", "ceas"], ["controll", "control"], ["roll", "roll"],
    ["connections", "connect"], ["connected", "connect"], ["connecting", "connect"], ["generalizations", "gener"], ["oscillators", "oscil"],
    ["yelling", "yell"], ["by", "by"], ["is", "is"],
  ];
  it.each(pairs)("%s -> %s", (word, stem) => expect(porterStem(word)).toBe(stem));
});

describe("tokenize", () => {
  it("folds case and accents, splits on anything not a letter or digit, drops stop words and stems", () => {
    expect(words("Café-owners' 2019 ÉLECTIONS!")).toEqual(["cafe", "owners", "2019", "elections"]);
    expect(terms("The councils were voting on the budgets in São Paulo")).toEqual(["council", "vote", "budget", "sao", "paulo"]);
    expect(terms("")).toEqual([]);
  });
});

describe("Bm25Index", () => {
  const docs = [
    { id: "a", text: "The council approved the budget on Tuesday" },
    { id: "b", text: "The council rejected the transport plan" },
    { id: "c", text: "Budget budget budget: a long article about the budget and many other unrelated things that go on and on" },
    { id: "d", text: "Nothing in common here" },
  ];
  const index = new Bm25Index(docs);

  it("scores by the textbook formula (k1 1.2, b 0.75, idf ln(1 + (N − df + 0.5)/(df + 0.5)))", () => {
    const n = 4;
    const idfBudget = Math.log(1 + (n - 2 + 0.5) / (2 + 0.5));
    const idfApprov = Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
    expect(index.idf("budget")).toBeCloseTo(idfBudget, 12);
    // Document a: terms council, approv, budget, tuesdai (4); average length over the four documents.
    const lengths = docs.map((d) => terms(d.text).length);
    const avgdl = lengths.reduce((x, y) => x + y, 0) / n;
    const norm = 1.2 * (1 - 0.75 + (0.75 * lengths[0]) / avgdl);
    const expected = (idfBudget * 2.2) / (1 + norm) + (idfApprov * 2.2) / (1 + norm);
    const [top] = index.search("budget approved", 1);
    expect(top.id).toBe("a");
    expect(top.score).toBeCloseTo(expected, 12);
  });

  it("ranks best first, leaves out documents sharing no term, honours the limit, counts a repeated query word once", () => {
    expect(index.search("council budget").map((h) => h.id)).toEqual(["a", "c", "b"]);
    expect(index.search("council budget", 2)).toHaveLength(2);
    expect(index.search("zebra")).toEqual([]);
    expect(index.search("budget budget budget")).toEqual(index.search("budget"));
  });

  it("saturates term frequency and normalises length: three 'budget's in a long text are not three times one", () => {
    const [a, c] = [index.search("budget").find((h) => h.id === "a")!, index.search("budget").find((h) => h.id === "c")!];
    expect(c.score).toBeLessThan(3 * a.score);
  });

  it("breaks ties by insertion order", () => {
    const twins = new Bm25Index([{ id: "x", text: "identical words" }, { id: "y", text: "identical words" }]);
    expect(twins.search("identical").map((h) => h.id)).toEqual(["x", "y"]);
  });
});

describe("average precision at k", () => {
  it.each([
    [["g", "b", "c"], ["g"], 1],
    [["b", "g", "c"], ["g"], 0.5],
    [["b", "c", "d", "e", "f", "g"], ["g"], 0],
    [["g", "b", "h"], ["g", "h"], (1 + 2 / 3) / 2],
    [["g", "g", "b"], ["g", "h"], 0.5],
    [[], ["g"], 0],
  ] as Array<[string[], string[], number]>)("%j vs %j -> %d", (ranked, relevant, ap) => {
    expect(averagePrecisionAt(ranked, new Set(relevant), 5)).toBeCloseTo(ap, 12);
  });

  it("averages over queries", () => {
    expect(meanAveragePrecisionAt([{ ranked: ["a"], relevant: new Set(["a"]) }, { ranked: ["b", "a"], relevant: new Set(["a"]) }], 5)).toBeCloseTo(0.75, 12);
    expect(meanAveragePrecisionAt([], 5)).toBe(0);
  });
});
