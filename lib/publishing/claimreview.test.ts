import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/claims/constants";
import { claimReviewOrgUrl, jsonLdScript, toClaimReview } from "./claimreview";

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

  it("dates the review by when it first went live and the page's latest update", () => {
    expect(toClaimReview(base)).toMatchObject({ datePublished: "2026-11-21", dateModified: "2026-11-21" });
    const updated = toClaimReview({ ...base, modifiedAt: "2026-12-02T08:00:00Z" });
    expect(updated).toMatchObject({ datePublished: "2026-11-21", dateModified: "2026-12-02" });
    // The approval date no longer moves datePublished: the publication does.
    expect(toClaimReview({ ...base, claim: { ...base.claim, approvedAt: "2026-11-30T00:00:00Z" } }).datePublished).toBe("2026-11-21");
  });

  it("names the publisher as claimant when there is no author, and omits an unknown URL", () => {
    const r = toClaimReview({ ...base, article: { ...base.article, author: null, publisher: "Wire", sourceUrl: null } });
    expect(r.itemReviewed.author).toEqual({ "@type": "Organization", name: "Wire" });
    expect(r.itemReviewed.appearance).not.toHaveProperty("url");
  });
});

describe("claimReviewOrgUrl", () => {
  it("prefers ORG_URL, then NEXTAUTH_URL, then the request's address; never a made-up localhost", () => {
    expect(claimReviewOrgUrl({ ORG_URL: "https://desk.example/", NEXTAUTH_URL: "https://app.example" }, "http://localhost:3100")).toBe("https://desk.example");
    expect(claimReviewOrgUrl({ NEXTAUTH_URL: "https://app.example:8443" }, "http://localhost:3100")).toBe("https://app.example:8443");
    expect(claimReviewOrgUrl({}, "http://localhost:3100")).toBe("http://localhost:3100");
  });
});

describe("jsonLdScript", () => {
  it("cannot close the script element or open a comment", () => {
    const out = jsonLdScript({ claimReviewed: "</script><script>alert(1)</script><!--" });
    expect(out).not.toMatch(/<|>/);
    expect(JSON.parse(out).claimReviewed).toBe("</script><script>alert(1)</script><!--");
  });
});
