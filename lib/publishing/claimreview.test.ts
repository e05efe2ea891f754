import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/claims/constants";
import { jsonLdScript, toClaimReview } from "./claimreview";

const base = {
  pageUrl: "https://verity.example/fact-checks/iran-says",
  org: { name: "Verity Desk", url: "https://verity.example" },
  article: { title: "Iran says U.S. cyber attacks failed", author: "Dispatches", publisher: null, sourceUrl: "https://news.example/iran", publishedAt: "2019-06-24T17:27:00Z" },
  claim: { id: "c1", claimText: "Stuxnet targeted Iran's nuclear facilities in November 2007", verdict: "OUTDATED" as const, approvedAt: "2026-11-20T10:00:00Z" },
  publishedAt: "2026-11-21T09:00:00Z",
};

describe("toClaimReview", () => {
  it.each([
    ["TRUE", 5, "True"],
    ["MOSTLY_TRUE", 4, "Mostly true"],
    ["MIXED", 3, "Mixed"],
    ["MOSTLY_FALSE", 2, "Mostly false"],
    ["FALSE", 1, "False"],
    ["MISLEADING", undefined, "Misleading"],
    ["OUTDATED", undefined, "Outdated"],
    ["UNVERIFIABLE", undefined, "Unverifiable"],
  ] as const)("maps %s to rating %s named %s", (verdict, rating, name) => {
    const r = toClaimReview({ ...base, claim: { ...base.claim, verdict } });
    expect(r.reviewRating.alternateName).toBe(name);
    expect((r.reviewRating as { ratingValue?: number }).ratingValue).toBe(rating);
    if (rating) expect(r.reviewRating).toMatchObject({ bestRating: 5, worstRating: 1 });
  });

  it("covers every verdict", () => {
    for (const v of VERDICTS) expect(toClaimReview({ ...base, claim: { ...base.claim, verdict: v } }).reviewRating.alternateName).toBeTruthy();
  });

  it("carries Google's required fields", () => {
    const r = toClaimReview(base);
    expect(r).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://verity.example/fact-checks/iran-says#claim-c1",
      claimReviewed: base.claim.claimText,
      datePublished: "2026-11-21",
      author: { "@type": "Organization", name: "Verity Desk", url: "https://verity.example" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Dispatches" },
        datePublished: "2019-06-24",
        appearance: { "@type": "CreativeWork", url: "https://news.example/iran" },
      },
    });
  });

  it("names the publisher as claimant when there is no author, and omits an unknown URL", () => {
    const r = toClaimReview({ ...base, article: { ...base.article, author: null, publisher: "Wire", sourceUrl: null } });
    expect(r.itemReviewed.author).toEqual({ "@type": "Organization", name: "Wire" });
    expect(r.itemReviewed.appearance).not.toHaveProperty("url");
  });
});

describe("jsonLdScript", () => {
  it("cannot close the script element or open a comment", () => {
    const out = jsonLdScript({ claimReviewed: "</script><script>alert(1)</script><!--" });
    expect(out).not.toMatch(/<|>/);
    expect(JSON.parse(out).claimReviewed).toBe("</script><script>alert(1)</script><!--");
  });
});
