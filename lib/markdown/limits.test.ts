import { describe, expect, it } from "vitest";
import { containerStats, MARKDOWN_LIMITS, markdownLimitExceeded, markdownRenderable } from "./limits";

const ORDINARY = `The **minister's** figure is _wrong_: the [2023 report](https://example.org/report) puts it at 4.1%, not 14%.

> "Unemployment fell to 14%," she said on Monday.

Sources checked:

- the statistics office's [table 3](https://example.org/t3) and its \`csv\` export;
- two *independent* economists:
  1. Dr A. Smith
  2. Prof. B. Jones

See also [the correction][c].

[c]: https://example.org/correction`;

describe("markdownLimitExceeded", () => {
  it("lets an ordinary rationale through", () => {
    expect(markdownLimitExceeded(ORDINARY)).toBeNull();
    expect(markdownRenderable(ORDINARY)).toBe(true);
  });

  it.each([
    ["length", "a".repeat(MARKDOWN_LIMITS.length + 1)],
    ["lines", "a\n".repeat(MARKDOWN_LIMITS.lines)],
    ["lines (\\r)", "a\r".repeat(MARKDOWN_LIMITS.lines)],
    ["emphasis", "*a".repeat(MARKDOWN_LIMITS.emphasis + 1)],
    ["emphasis (_)", "_".repeat(MARKDOWN_LIMITS.emphasis + 1)],
    ["brackets", "[".repeat(MARKDOWN_LIMITS.brackets + 1)],
    ["backticks", "``a".repeat(MARKDOWN_LIMITS.backticks)],
    ["escapes", "&amp;".repeat(MARKDOWN_LIMITS.escapes + 1)],
    ["angles", "<http://a>".repeat(MARKDOWN_LIMITS.angles + 1)],
    ["depth", ">".repeat(MARKDOWN_LIMITS.depth + 1) + " x"],
    ["depth", "- ".repeat(MARKDOWN_LIMITS.depth + 1) + "x"],
    ["depth", "a\n" + " ".repeat(2 * MARKDOWN_LIMITS.depth) + "- x"],
    ["containers", "- x\n".repeat(MARKDOWN_LIMITS.containers + 1)],
    ["containers", "> > > > x\r".repeat(MARKDOWN_LIMITS.containers / 4 + 1)],
  ])("refuses text over the %s limit", (limit, text) => {
    expect(markdownLimitExceeded(text)).toBe(limit.replace(/ \(.*\)$/, ""));
  });

  it.each([
    ["a paragraph", 0, 0],
    ["> quoted", 1, 1],
    ["> > > x", 3, 3],
    [">>>x", 3, 3],
    ["- a\n  - b\n    - c", 3, 3],
    ["1. one\n2) two\n10. ten", 1, 3],
    ["- > 1. x", 3, 3],
    ["\t- tabbed", 3, 1],
    ["-not a list\n*emphasis*\n1.5 million\n-", 1, 1],
    ["* * *", 3, 3],
  ])("counts containers in %j: depth %i, markers %i", (text, depth, markers) => {
    expect(containerStats(text)).toEqual({ depth, markers });
  });

  it("stays linear on 1 MB inputs", () => {
    for (const text of ["> ".repeat(500_000), "- ".repeat(500_000), "1.".repeat(500_000), "\n".repeat(1_000_000), "*a".repeat(500_000), " ".repeat(1_000_000) + "-"]) {
      const t = performance.now();
      markdownLimitExceeded(text);
      containerStats(text);
      expect(performance.now() - t).toBeLessThan(500);
    }
  });
});
