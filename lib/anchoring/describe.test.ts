import { describe as suite, expect, it } from "vitest";
import { describe } from "./describe";
import { IRAN_ARTICLE } from "@/tests/fixtures/anchoring";

suite("describe", () => {
  it("stores the quote, 32 units of context each side and the offsets", () => {
    const quote = "which targeted Iran's nuclear facilities in November 2007";
    const start = IRAN_ARTICLE.indexOf(quote);
    const sel = describe(IRAN_ARTICLE, start, start + quote.length);
    expect(sel).toEqual({
      exact: quote,
      prefix: IRAN_ARTICLE.slice(start - 32, start),
      suffix: IRAN_ARTICLE.slice(start + quote.length, start + quote.length + 32),
      start,
      end: start + quote.length,
    });
    expect(sel.prefix).toBe("to attack industrial machinery, ");
    expect(sel.prefix).toHaveLength(32);
    expect(sel.suffix).toHaveLength(32);
  });

  it("cuts the context at the edges of the text", () => {
    expect(describe("Hello world", 0, 5)).toEqual({
      exact: "Hello",
      prefix: "",
      suffix: " world",
      start: 0,
      end: 5,
    });
    expect(describe("Hello world", 6, 11)).toMatchObject({ prefix: "Hello ", suffix: "" });
    expect(describe("x", 0, 1)).toMatchObject({ exact: "x", prefix: "", suffix: "" });
  });

  it("shrinks the prefix rather than cut a surrogate pair in half", () => {
    // "😀" is two UTF-16 units; put its low half exactly 32 units before the quote.
    const text = "a😀" + "b".repeat(31) + "QUOTE";
    const start = text.indexOf("QUOTE");
    const sel = describe(text, start, start + 5);
    expect(sel.prefix).toBe("b".repeat(31));
    const text2 = "😀" + "b".repeat(30) + "QUOTE";
    expect(describe(text2, 32, 37).prefix).toBe(text2.slice(0, 32));
  });

  it("shrinks the suffix rather than cut a surrogate pair in half", () => {
    const text = "QUOTE" + "b".repeat(31) + "😀z";
    const sel = describe(text, 0, 5);
    expect(sel.suffix).toBe("b".repeat(31));
    const text2 = "QUOTE" + "b".repeat(30) + "😀z";
    expect(describe(text2, 0, 5).suffix).toBe("b".repeat(30) + "😀");
  });

  it("handles emoji and combining accents inside the quote", () => {
    const text = "Cafe\u0301 🔥 menu";
    // C a f e U+0301 space + two units for the emoji = 8 UTF-16 units.
    const sel = describe(text, 0, 8);
    expect(sel.exact).toBe("Cafe\u0301 🔥");
    expect(sel.suffix).toBe(" menu");
  });

  it.each([
    ["start equals end", 3, 3],
    ["start after end", 5, 2],
    ["negative start", -1, 2],
    ["end past the text", 0, 12],
    ["fractional start", 0.5, 2],
    ["NaN end", 0, Number.NaN],
    ["infinite end", 0, Number.POSITIVE_INFINITY],
  ])("throws a RangeError for %s", (_label, start, end) => {
    expect(() => describe("Hello world", start, end)).toThrow(RangeError);
  });

  it("throws a RangeError for a range that splits a surrogate pair", () => {
    const text = "ab😀cd";
    expect(() => describe(text, 3, 5)).toThrow(RangeError);
    expect(() => describe(text, 0, 3)).toThrow(RangeError);
    expect(describe(text, 2, 4).exact).toBe("😀");
  });
});
