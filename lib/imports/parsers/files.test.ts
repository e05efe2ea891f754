import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { htmlToArticle } from "@/lib/articles/html";
import { parseImportFile } from "./files";
import { toArticleInput } from "./validate";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../tests/imports/fixtures/${name}`, import.meta.url), "utf8");

async function fileError(name: string, content: string): Promise<string | undefined> {
  try {
    await parseImportFile(name, content);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("invalid_input");
    return (e as AppError).fields?.files;
  }
  return undefined;
}

describe("parseImportFile fixtures", () => {
  it("reads a .txt with a header block", async () => {
    expect(await parseImportFile("wire-story.txt", fixture("wire-story.txt"))).toEqual([
      {
        title: "Port Ellis lifeboat crew rescue four from stranded yacht",
        author: "Sam Whitfield",
        publisher: "Harbor Gazette",
        publishedAt: "2024-03-09T21:15:00Z",
        sourceUrl: "https://harborgazette.example/news/2024/03/09/lifeboat-rescue",
        language: "en",
        text: expect.stringMatching(/^Four people were rescued[\s\S]*did not need hospital treatment\.$/),
      },
    ]);
  });

  it("reads a plain .txt: first non-empty line is the title", async () => {
    expect(await parseImportFile("plain-story.txt", fixture("plain-story.txt"))).toEqual([
      {
        title: "Library opening hours extended over summer",
        text: "Millbrook library will open until 8pm on weekdays from July, the council said.\nThe change is funded by a one-off grant of £45,000.",
      },
    ]);
  });

  it("reads a .md with front matter and renders the body with marked", async () => {
    const [item] = await parseImportFile("story.md", fixture("story.md"));
    expect(item).toMatchObject({
      title: "Harbor City's new bike lanes: what the data shows",
      author: "Priya Raman, Tom Okafor",
      publisher: "The Harbor Gazette",
      publishedAt: "2024-04-12",
      sourceUrl: "https://harborgazette.example/analysis/bike-lanes",
      language: "en-GB",
    });
    expect(item.html).toContain("<strong>Market Street</strong>");
    expect(item.html).toContain('<a href="https://harborgazette.example/data/counters">council counters</a>');
    expect(item.html).toContain("<h2>Fewer collisions, slower buses</h2>");
    expect(item.html).toContain("<li>Reported collisions fell from 14 to 9.</li>");
    // The heading that repeats the title is not repeated in the body.
    expect(item.html).not.toContain("<h1>");
    expect(htmlToArticle(item.html!).text).toMatch(/^One year after the Market Street protected lane opened/);
  });

  it("reads a .csv: one item per row, headers trimmed and case-insensitive, the bad row failing alone", async () => {
    const items = await parseImportFile("articles.csv", fixture("articles.csv"));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      title: "Ferry fares frozen for a second year",
      text: "The harbour trust said on Monday that fares would stay at 2023 levels.\n\nA review is due in the autumn.",
      sourceUrl: "https://harborgazette.example/news/ferry-fares",
      author: "Sam Whitfield",
      publisher: "Harbor Gazette",
      publishedAt: "2024-02-19",
      language: "en",
    });
    expect(items[2].title).toBe("School roof repairs finished, ahead of schedule");
    expect(items.map((i) => toArticleInput(i).ok)).toEqual([true, false, true]);
    expect(toArticleInput(items[1])).toMatchObject({ ok: false, fields: { title: "is required" } });
  });

  it("reads a .json array, accepting snake_case and dropping unknown keys", async () => {
    const items = await parseImportFile("articles.json", fixture("articles.json"));
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      title: "Harbour wall repairs to start in May",
      text: expect.stringContaining("The east slipway will be closed"),
      sourceUrl: "https://harborgazette.example/news/harbour-wall",
      author: "Sam Whitfield",
      publisher: "Harbor Gazette",
      publishedAt: "2024-03-11T08:00:00Z",
      language: "en",
    });
    expect(items[1]).toMatchObject({ author: "Jo Mensah", publishedAt: "2024-03-10", html: expect.stringContaining("<p>The Victorian market hall") });
    expect(toArticleInput(items[2])).toMatchObject({ ok: false, fields: { publishedAt: "must be a date (YYYY-MM-DD or ISO 8601)" } });
  });

  it.each([["news-og.html"], ["news-og.HTM"]])("reads %s through the HTML extractor", async (name) => {
    const [item] = await parseImportFile(name, fixture("news-og.html"));
    expect(item).toMatchObject({ title: "Rail strike talks collapse as union sets three new walkout dates", author: "Hannah Lewis", publishedAt: "2024-06-03T06:15:00.000Z" });
    expect(htmlToArticle(item.html!).text).not.toContain("Buy now");
  });
});

describe("parseImportFile edge cases", () => {
  it.each([
    ["a .md without front matter: the # heading", "notes.md", "Intro line\n\n# The real title\n\nBody *text*.", { title: "The real title", html: "<p>Intro line</p>\n<p>Body <em>text</em>.</p>" }],
    ["a .md without any heading: the first line", "notes.md", "**Bold** first line\nsecond line\n\nMore.", { title: "Bold first line", html: "<p>second line</p>\n<p>More.</p>" }],
    ["a .md whose front matter title differs from its heading", "n.md", "---\ntitle: Given\n---\n# Heading\n\nBody", { title: "Given", html: "<h1>Heading</h1>\n<p>Body</p>" }],
    ["a .txt opening with prose that looks like a header", "a.txt", "Update: the bridge has reopened\nTraffic is flowing again.", { title: "Update: the bridge has reopened", text: "Traffic is flowing again." }],
    ["a .txt whose headers run straight into the body", "a.txt", "Title: Bridge reopens\nAuthor: Kim Lee\nTraffic is flowing again.", { title: "Bridge reopens", author: "Kim Lee", text: "Traffic is flowing again." }],
    ["a .txt with headers but no Title header", "a.txt", "Author: Kim Lee\n\nBridge reopens\n\nTraffic is flowing again.", { title: "Bridge reopens", author: "Kim Lee", text: "Traffic is flowing again." }],
    ["a .txt with Windows line endings and a BOM", "a.TXT", "\uFEFFTitle: T\r\n\r\nLine one\r\nLine two", { title: "T", text: "Line one\nLine two" }],
    ["a single .json object", "one.json", '{"title":"T","text":"Body","source_url":"https://x.example/a"}', { title: "T", text: "Body", sourceUrl: "https://x.example/a" }],
    ["a .json export wrapped in {articles: []}", "wrapped.json", '{"articles":[{"title":"T","text":"Body"}]}', { title: "T", text: "Body" }],
    ["a .json with a numeric title", "n.json", '[{"title":2024,"text":"Body"}]', { title: "2024", text: "Body" }],
    ["an .html fragment with no title: the file name", "Council Minutes.html", "<p>The council met.</p>", { title: "Council Minutes" }],
  ])("%s", async (_label, name, content, expected) => {
    expect((await parseImportFile(name, content))[0]).toEqual(expect.objectContaining(expected));
  });

  it.each([
    ["story.pdf", "%PDF-1.7", "unsupported file type .pdf; use .txt, .md, .html, .json or .csv"],
    ["README", "hello", "unsupported file type (none); use .txt, .md, .html, .json or .csv"],
    ["empty.txt", "  \n\n ", "empty.txt: is empty"],
    ["bad.json", '{"title": "T",', /^bad\.json: is not valid JSON \(.+\)$/],
    ["strings.json", '["a", "b"]', "strings.json: item 1 is not an object"],
    ["scalar.json", '"just a string"', "scalar.json: must hold an article object or an array of them"],
    ["quotes.csv", 'title,text\n"Unclosed,body\n', /^quotes\.csv: is not valid CSV \(.*quote.*\)$/i],
    ["shifted.csv", "title,text\nA,b,c,d\n", /^shifted\.csv: is not valid CSV \(Too many fields.* in row 2\)$/],
    ["notitle.csv", "headline?,body\nA,b\n", "notitle.csv: has no title column (the first row must name the columns)"],
    ["notext.csv", "title,author\nA,b\n", "notext.csv: has no text or html column"],
  ])("refuses %s", async (name, content, message) => {
    const error = await fileError(name, content);
    if (typeof message === "string") expect(error).toBe(message);
    else expect(error).toMatch(message);
  });
});
