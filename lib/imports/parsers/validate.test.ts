import { describe, expect, it } from "vitest";
import { toArticleInput } from "./validate";
import type { RawArticle } from "./types";

describe("toArticleInput", () => {
  it("trims, turns empty strings into nothing and parses dates", () => {
    const result = toArticleInput({ title: "  Title  ", text: " Body ", author: "   ", publisher: "", publishedAt: "2024-03-05", language: " en " });
    expect(result).toEqual({
      ok: true,
      input: { title: "Title", text: "Body", publishedAt: new Date("2024-03-05"), language: "en" },
    });
  });

  it("ignores keys the schema does not know (it is strict)", () => {
    const raw = { title: "T", html: "<p>x</p>", tags: ["a"], slug: "t" } as RawArticle;
    expect(toArticleInput(raw)).toMatchObject({ ok: true, input: { title: "T", html: "<p>x</p>" } });
  });

  it.each([
    ["no title", { text: "Body" }, { title: "is required" }],
    ["a blank title", { title: "   ", text: "Body" }, { title: "is required" }],
    ["no body", { title: "T" }, { text: "is required unless html is given" }],
    ["a blank body", { title: "T", text: "   " }, { text: "is required unless html is given" }],
    ["an ftp source", { title: "T", text: "B", sourceUrl: "ftp://x.example/a" }, { sourceUrl: "must be an http or https URL" }],
    ["an unreadable date", { title: "T", text: "B", publishedAt: "someday" }, { publishedAt: "must be a date (YYYY-MM-DD or ISO 8601)" }],
    ["a language name", { title: "T", text: "B", language: "English" }, { language: "must be a language tag such as en or pt-BR" }],
    ["a 501-character title", { title: "x".repeat(501), text: "B" }, { title: "must be at most 500 characters" }],
    ["several problems at once", { title: "", text: "B", author: "y".repeat(301) }, { title: "is required", author: "must be at most 300 characters" }],
  ] as [string, RawArticle, Record<string, string>][])("reports %s", (_label, raw, fields) => {
    const result = toArticleInput(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual(fields);
    expect(result.message).toBe(Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; "));
  });
});
