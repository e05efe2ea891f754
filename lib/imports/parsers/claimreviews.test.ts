import { describe, expect, it } from "vitest";
import { recordLabel, recordsIn, splitList } from "./claimreviews";
import { parseImportFileEntries } from "./files";
import { readPageClaimReviews } from "./page-claimreviews";

const review = (n: number, extra: Record<string, unknown> = {}) => ({
  "@type": "ClaimReview",
  url: `https://checks.example/${n}`,
  claimReviewed: `Claim ${n}`,
  reviewRating: { "@type": "Rating", alternateName: "False" },
  ...extra,
});

describe("splitList: records and articles in one list", () => {
  it("keeps articles as they are and gives each record its member and position", () => {
    const article = { title: "A story", text: "Body." };
    const entries = splitList([article, review(1), { "@type": "ItemList", itemListElement: [review(2), review(3, { claimReviewed: "" })] }]);
    expect(entries.map((e) => (e.kind === "article" ? ["article", e.index] : ["factcheck", e.member, e.record, e.read.ok]))).toEqual([
      ["article", 0],
      ["factcheck", 2, undefined, true],
      ["factcheck", 3, 1, true],
      ["factcheck", 3, 2, false],
    ]);
  });

  it("labels a record by where it sat and the claim it reviews", () => {
    const [one, two] = recordsIn([review(1), review(2, { claimReviewed: undefined })])!;
    expect(recordLabel("Item 3", one)).toBe("Item 3, record 1: Claim 1");
    expect(recordLabel("Item 3", two)).toBe("Item 3, record 2");
    expect(recordLabel("x.json", recordsIn(review(9))![0])).toBe("x.json: Claim 9");
    expect(recordsIn({ title: "no records" })).toBeNull();
  });
});

describe("parseImportFileEntries", () => {
  it.each([
    ["a single record", review(1), [[undefined, undefined]]],
    ["an array", [review(1), review(2)], [[1, undefined], [2, undefined]]],
    ["an ItemList", { "@type": "ItemList", itemListElement: [{ "@type": "ListItem", item: review(1) }, { "@type": "ListItem", item: review(2) }] }, [[undefined, 1], [undefined, 2]]],
    ["a DataFeed", { "@type": "DataFeed", dataFeedElement: [{ "@type": "DataFeedItem", item: review(1) }] }, [[undefined, undefined]]],
    ["an @graph", { "@graph": [{ "@type": "WebSite" }, review(1), review(2)] }, [[undefined, 1], [undefined, 2]]],
  ])("reads %s", async (_label, data, where) => {
    const entries = await parseImportFileEntries("checks.json", JSON.stringify(data));
    expect(entries.map((e) => (e.kind === "factcheck" ? [e.member, e.record] : e.kind))).toEqual(where);
  });

  it("reads articles as before, and a list mixing both in order", async () => {
    const entries = await parseImportFileEntries("mixed.json", JSON.stringify({ items: [{ title: "T", text: "B" }, review(1)] }));
    expect(entries.map((e) => e.kind)).toEqual(["article", "factcheck"]);
    expect(entries[0]).toMatchObject({ kind: "article", index: 0, raw: { title: "T", text: "B" } });
    const csv = await parseImportFileEntries("a.csv", "title,text\nA,B\nC,D\n");
    expect(csv.map((e) => e.kind === "article" && e.index)).toEqual([0, 1]);
    await expect(parseImportFileEntries("bad.json", "{")).rejects.toMatchObject({ fields: { files: expect.stringMatching(/^bad\.json: is not valid JSON/) } });
  });
});

describe("readPageClaimReviews", () => {
  const page = (ld: string, lang = "fr") =>
    `<!doctype html><html lang="${lang}"><head><script type="application/ld+json">${ld}</script></head><body><article><p>Texte.</p></article></body></html>`;

  it("reads the records of a page's JSON-LD, relative URLs against the page, in the page's language, entities decoded", async () => {
    const ld = JSON.stringify({ "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, review(1, { url: "/verif/1", claimReviewed: "Q&amp;A: le budget" }), review(2, { inLanguage: "en" })] });
    const entries = (await readPageClaimReviews(page(ld), "https://checks.example/page"))!;
    expect(entries.map((e) => e.read.ok && [e.read.record.url, e.read.record.claimReviewed, e.read.record.language])).toEqual([
      ["https://checks.example/verif/1", "Q&A: le budget", "fr"],
      ["https://checks.example/2", "Claim 2", "en"],
    ]);
  });

  it("is null for a page without ClaimReview (read as an article instead)", async () => {
    expect(await readPageClaimReviews(page(JSON.stringify({ "@type": "NewsArticle", headline: "x" })), "https://x.example/")).toBeNull();
    expect(await readPageClaimReviews("<p>About ClaimReview markup</p>", "https://x.example/")).toBeNull();
  });
});
