import { describe, expect, it } from "vitest";
import { citedBefore, isLookupUrl } from "./source-memory";

describe("isLookupUrl", () => {
  it.each([
    ["https://example.org/a", true],
    ["  http://news.example.com/story?id=1  ", true],
    ["https://example", false],
    ["example.org/page", false],
    ["ftp://example.org/file", false],
    ["javascript:alert(1)//x.org", false],
    ["https://", false],
    ["", false],
    [`https://example.org/${"a".repeat(2100)}`, false],
  ])("%s → %s", (url, ok) => {
    expect(isLookupUrl(url)).toBe(ok);
  });
});

describe("citedBefore", () => {
  const found = (citations: number) => ({ url: "https://example.org/a", title: null, publisher: null, citations, claims: citations });
  it.each([
    [undefined, null],
    [found(0), null],
    [found(1), "Cited once before"],
    [found(3), "Cited 3 times before"],
  ])("%o → %s", (f, text) => {
    expect(citedBefore(f)).toBe(text);
  });
});
