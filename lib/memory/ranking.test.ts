import { describe, expect, it } from "vitest";
import { CANDIDATE_ROWS, FALLBACK_WORDS, idf, planCandidates } from "./ranking";
import { expandTags, splitCompound } from "./query-text";
import { similarQuerySchema, linkInputSchema, sourceLookupQuerySchema } from "./schema";

describe("planCandidates", () => {
  it("takes the rarest words while their rows stay under the cap, as an OR", () => {
    const third = Math.floor(CANDIDATE_ROWS / 3);
    const plan = planCandidates([{ lexeme: "said", df: 90_000 }, { lexeme: "zorblat", df: 3 }, { lexeme: "mayor", df: third }, { lexeme: "bridg", df: 2 * third }]);
    expect(plan).toEqual({ lexemes: ["zorblat", "mayor"], op: "|" });
  });
  it("keeps words counted in no row (a count may be a minute old)", () => {
    expect(planCandidates([{ lexeme: "new", df: 0 }, { lexeme: "said", df: 90_000 }])).toEqual({ lexemes: ["new"], op: "|" });
  });
  it("falls back to the rarest words together when each is too common", () => {
    const plan = planCandidates([{ lexeme: "a", df: CANDIDATE_ROWS + 1 }, { lexeme: "b", df: CANDIDATE_ROWS + 5 }, { lexeme: "c", df: CANDIDATE_ROWS + 2 }, { lexeme: "d", df: CANDIDATE_ROWS + 9 }]);
    expect(plan).toEqual({ lexemes: ["a", "c", "b"].slice(0, FALLBACK_WORDS), op: "&" });
  });
  it("has no plan without words", () => expect(planCandidates([])).toBeNull());
});

describe("idf", () => {
  it("is never negative, even for a count newer than the collection's", () => {
    expect(idf(100, 100)).toBeGreaterThan(0);
    expect(idf(10, 500)).toBeGreaterThan(0);
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 10));
  });
});

describe("expandTags", () => {
  it.each([
    ["#JeffreyEpstein photos", "#JeffreyEpstein (Jeffrey Epstein) photos"],
    ["Hello @realDonaldTrump!", "Hello @realDonaldTrump (real Donald Trump)!"],
    ["#BoycottCVS now", "#BoycottCVS (Boycott CVS) now"],
    ["#covid19", "#covid19 (covid 19)"],
    ["#news and @bbc", "#news and @bbc"],
    ["no tags at all", "no tags at all"],
  ])("%s", (text, expanded) => expect(expandTags(text)).toBe(expanded));
  it("splits at case changes, digits and underscores", () => {
    expect(splitCompound("NWS_Birmingham2019")).toEqual(["NWS", "Birmingham", "2019"]);
  });
});

describe("schemas", () => {
  it("similar: limit 1–20, default 5; text at most 2,000 characters", () => {
    expect(similarQuerySchema.parse({ text: "x" })).toEqual({ text: "x", limit: 5 });
    expect(similarQuerySchema.parse({ text: "x", limit: "20", excludeArticleId: "" })).toEqual({ text: "x", limit: 20 });
    for (const limit of ["0", "21", "1.5", "five"]) expect(similarQuerySchema.safeParse({ text: "x", limit }).success, limit).toBe(false);
    expect(similarQuerySchema.safeParse({ text: "x".repeat(2001) }).success).toBe(false);
  });
  it("link: exactly one of claimId and factCheckId", () => {
    expect(linkInputSchema.parse({ claimId: "c1" })).toEqual({ kind: "claim", id: "c1" });
    expect(linkInputSchema.parse({ factCheckId: "f1" })).toEqual({ kind: "factcheck", id: "f1" });
    expect(linkInputSchema.safeParse({}).success).toBe(false);
    expect(linkInputSchema.safeParse({ claimId: "c1", factCheckId: "f1" }).success).toBe(false);
  });
  it("lookup: an http(s) URL", () => {
    expect(sourceLookupQuerySchema.safeParse({ url: "https://a.example/x" }).success).toBe(true);
    expect(sourceLookupQuerySchema.safeParse({ url: "mailto:a@b.c" }).success).toBe(false);
  });
});
