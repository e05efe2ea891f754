import { describe, expect, it } from "vitest";
import { findClaimReviews, readClaimReviews } from "./records";

const review = (n: number, extra: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://factcheck.example/checks/${n}`,
  claimReviewed: `Claim number ${n} about the budget`,
  datePublished: "2024-05-0" + ((n % 9) + 1),
  author: { "@type": "Organization", name: "Example Checks" },
  reviewRating: { "@type": "Rating", alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A. Politician" }, appearance: [{ "@type": "CreativeWork", url: "https://news.example/story" }] },
  ...extra,
});

describe("findClaimReviews: every shape an archive comes in", () => {
  it.each([
    ["a single object", review(1), 1],
    ["an array", [review(1), review(2), review(3)], 3],
    ["an ItemList of ListItems", { "@type": "ItemList", itemListElement: [{ "@type": "ListItem", position: 1, item: review(1) }, { "@type": "ListItem", position: 2, item: review(2) }] }, 2],
    ["an ItemList of the records themselves", { "@type": "ItemList", itemListElement: [review(1), review(2)] }, 2],
    ["a DataFeed", { "@context": "https://schema.org", "@type": "DataFeed", dataFeedElement: [{ "@type": "DataFeedItem", item: [review(1)] }, { "@type": "DataFeedItem", item: review(2) }] }, 2],
    ["an @graph", { "@graph": [{ "@type": "WebPage" }, review(1)] }, 1],
    ["a prefixed type", { ...review(1), "@type": ["schema:ClaimReview"] }, 1],
  ])("%s", (_label, value, count) => {
    const found = findClaimReviews(value);
    expect(found).toHaveLength(count);
    expect(found.map((r) => r.url)).toEqual(Array.from({ length: count }, (_, i) => `https://factcheck.example/checks/${i + 1}`));
  });

  it("finds nothing in other JSON", () => {
    expect(findClaimReviews({ "@type": "NewsArticle", headline: "x" })).toEqual([]);
    expect(findClaimReviews("ClaimReview")).toEqual([]);
  });

  it("walks a deep value without overflowing the stack", () => {
    let deep: unknown = review(1);
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findClaimReviews(deep)).toEqual([]);
  });
});

describe("readClaimReviews", () => {
  it("reads a record's fields", () => {
    const { records, errors } = readClaimReviews(review(4, { inLanguage: "en-US" }));
    expect(errors).toEqual([]);
    expect(records[0]).toEqual({
      url: "https://factcheck.example/checks/4",
      claimReviewed: "Claim number 4 about the budget",
      title: null,
      rating: { alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
      mapped: { verdict: "FALSE", by: "label" },
      publisher: "Example Checks",
      claimant: "A. Politician",
      appearanceUrl: "https://news.example/story",
      datePublished: expect.stringMatching(/^2024-05-05/),
      language: "en-US",
    });
  });

  it("takes the review's headline from name, else headline", () => {
    const { records } = readClaimReviews([review(1, { name: "  Did the budget  double? " }), review(2, { headline: "Budget claims, checked" }), review(3)]);
    expect(records.map((r) => r.title)).toEqual(["Did the budget double?", "Budget claims, checked", null]);
  });

  it("keeps an unmapped rating visible as the publisher wrote it", () => {
    const { records } = readClaimReviews(review(1, { reviewRating: { alternateName: "Spicy take" } }));
    expect(records[0].rating.alternateName).toBe("Spicy take");
    expect(records[0].mapped).toEqual({ verdict: null, by: "unmapped" });
  });

  it("names the record and the field of each bad one; the others are read", () => {
    const { records, errors } = readClaimReviews([
      review(1),
      review(2, { url: "javascript:alert(1)" }),
      review(3, { claimReviewed: "  " }),
      review(4, { reviewRating: undefined }),
      review(5),
    ]);
    expect(records.map((r) => r.url)).toEqual(["https://factcheck.example/checks/1", "https://factcheck.example/checks/5"]);
    expect(errors.map((e) => [e.index, e.field])).toEqual([[1, "url"], [2, "claimReviewed"], [3, "reviewRating"]]);
    for (const e of errors) expect(e.message).not.toMatch(/undefined|null|\[object/);
    // Read after the field's name, as the API's messages are.
    expect(errors[1].message).toMatch(/^is required/);
  });

  it("resolves a record's address against the page it was found on, and uses the page's when it has none", () => {
    const { records } = readClaimReviews([review(1, { url: "/checks/rel" }), review(2, { url: undefined })], "https://factcheck.example/page");
    expect(records.map((r) => r.url)).toEqual(["https://factcheck.example/checks/rel", "https://factcheck.example/page"]);
  });
});
