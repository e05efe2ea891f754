import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdownFile, splitFrontMatter } from "./markdown";

/** splitFrontMatter as it was, with the regexes that backtracked quadratically: the reference. */
function reference(source: string): { data: Record<string, unknown>; body: string } {
  const unquote = (value: string) => {
    const v = value.trim();
    return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
  };
  const lines = source.split("\n");
  if (lines[0]?.trim() !== "---") return { data: {}, body: source };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { data: {}, body: source };
  const data: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of lines.slice(1, end)) {
    const item = line.match(/^\s+-\s+(.*)$/) ?? line.match(/^-\s+(.*)$/);
    if (item && listKey) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as string[]) : [];
      data[listKey] = [...list, unquote(item[1])];
      continue;
    }
    const m = line.match(/^([A-Za-z][\w -]*):\s*(.*)$/);
    if (!m) continue;
    const value = m[2].trim();
    listKey = value ? undefined : m[1];
    if (/^\[.*\]$/.test(value)) data[m[1]] = value.slice(1, -1).split(",").map(unquote).filter(Boolean);
    else if (value) data[m[1]] = unquote(value);
  }
  return { data, body: lines.slice(end + 1).join("\n") };
}

describe("splitFrontMatter", () => {
  it("reads keys, quoted values and both list forms", () => {
    const { data, body } = splitFrontMatter('---\ntitle: "Hello: world"\ntags: [a, \'b\']\nauthors:\n  - Ann\n- Bo\n---\nBody');
    expect(data).toEqual({ title: "Hello: world", tags: ["a", "b"], authors: ["Ann", "Bo"] });
    expect(body).toBe("Body");
  });

  it("matches the old regexes on random front matter, line separators included", () => {
    const unit = fc.constantFrom("a", "k", "-", ":", " ", "\t", "\u2028", "\r", "\n", '"', "[", "]", ",", "_");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (inner) => {
        const source = `---\n${inner}\n---\nbody`;
        expect(splitFrontMatter(source)).toEqual(reference(source));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseMarkdownFile limits", () => {
  it.each([
    ["emphasis", "# Title\n\n" + "_a".repeat(200_000)],
    ["nesting", "# Title\n\n" + "- ".repeat(5_000) + "x"],
    ["nested quotes", "# Title\n\n" + ">".repeat(5_000) + " x"],
  ])("imports Markdown too heavy for marked (%s) as plain text, quickly", (_name, source) => {
    const t = performance.now();
    const article = parseMarkdownFile(source);
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(article.title).toBe("Title");
    expect(article.html).toBeUndefined();
    expect(article.text?.length).toBeGreaterThan(1_000);
  });

  it("still converts ordinary Markdown to HTML", () => {
    const article = parseMarkdownFile("# Title\n\nSome *emphasis*, a [link](https://example.org) and\n\n- a list\n  - nested\n");
    expect(article.title).toBe("Title");
    expect(article.html).toContain("<em>emphasis</em>");
    expect(article.html).toContain("<li>nested</li>");
  });

  it("converts only the start of a runaway first line into the title", () => {
    const t = performance.now();
    const article = parseMarkdownFile("<a ".repeat(300_000));
    expect(performance.now() - t).toBeLessThan(3_000);
    expect(article.title?.length).toBeLessThanOrEqual(20_000);
  });
});
