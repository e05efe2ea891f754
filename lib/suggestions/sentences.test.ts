import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

const texts = (text: string, language?: string) => splitSentences(text, language).map((s) => s.text);

describe("splitSentences", () => {
  it.each([
    ["plain", "One claim here. Another one! A third?", ["One claim here.", "Another one!", "A third?"]],
    ["closing quote stays with its sentence", 'He said "Prices rose 5%." Then he left.', ['He said "Prices rose 5%."', "Then he left."]],
    ["curly quotes", "“We won,” she said. “Again.”", ["“We won,” she said.", "“Again.”"]],
    ["U.S. before a name is not an end", "U.S. Secretary of State Mike Pompeo flew in. He left.", ["U.S. Secretary of State Mike Pompeo flew in.", "He left."]],
    ["U.S. before a sentence starter is an end", "They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]],
    ["titles and initials", "Mr. Smith met Dr. Jones and J. Doe. Fine.", ["Mr. Smith met Dr. Jones and J. Doe.", "Fine."]],
    ["line breaks always end a sentence", "A heading\nFirst line without stop\n\nNext paragraph.", ["A heading", "First line without stop", "Next paragraph."]],
    ["emoji", "Nice 😀 day. Then 👍🏽 rain.", ["Nice 😀 day.", "Then 👍🏽 rain."]],
    ["CJK", "东京很大。人口很多。", ["东京很大。", "人口很多。"]],
    ["no words, no sentence", "…\n\n---\n   \n", []],
  ])("%s", (_name, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("gives exact UTF-16 offsets around emoji, CJK and quotes", () => {
    const text = "  “Voilà 😀,” he said.\r\n中文句子。 Ünïcödé 𝒳 works!\u2028Last.";
    const spans = splitSentences(text);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [2, 22],
      [24, 29],
      [30, 47],
      [48, 53],
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("splits other languages with their own rules, without English abbreviations", () => {
    expect(texts("Das ist gut. Aber 5 % mehr als 2007!", "de")).toEqual(["Das ist gut.", "Aber 5 % mehr als 2007!"]);
    expect(texts("Il est parti. Il est revenu.", "fr-FR")).toEqual(["Il est parti.", "Il est revenu."]);
  });

  it("handles a long line without paragraph breaks the same as in one piece", () => {
    const unit = 'The deficit rose 5% in 2015, said Mr. Lee. "It is the U.S. Senate\'s fault," he added! Was it? ';
    const text = unit.repeat(200);
    const spans = splitSentences(text);
    expect(texts(unit)).toEqual(["The deficit rose 5% in 2015, said Mr. Lee.", '"It is the U.S. Senate\'s fault," he added!', "Was it?"]);
    expect(spans).toHaveLength(600);
    expect(spans.map((s) => s.text)).toEqual(Array.from({ length: 200 }, () => texts(unit)).flat());
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("never returns spans that overlap, go backwards or carry outer white space (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Word", "U.S.", "Mr.", "5%", "😀", "中文", "。", ". ", "! ", "? ", "\n", " ", "“", "”", '"', "…", "e.g."), { maxLength: 60 }), (parts) => {
        const text = parts.join(" ");
        let prev = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(prev);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
          prev = s.end;
        }
      }),
    );
  });
});
