// "Checked before": GET /api/claims/similar ranks earlier claims and imported
// fact-checks for a text. Its own database, so the corpus statistics (and the
// ranking) do not move with what other test files write at the same time.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as similarRoute } from "@/app/api/claims/similar/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { Bm25Index } from "@/lib/memory/bm25";
import { parseQrels, parseTweets, parseVerifiedClaims } from "@/lib/memory/clef";
import { meanAveragePrecisionAt } from "@/lib/memory/metrics";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { useFreshDatabase } from "./support/fresh-database";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

beforeAll(async () => {
  await useFreshDatabase("similar");
});

const uid = () => randomUUID().slice(0, 8);
const similar = (headers: Record<string, string>, params: Record<string, string | number>) =>
  call(similarRoute, { path: `/api/claims/similar?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`, headers });

async function factCheck(claimReviewed: string, extra: Record<string, unknown> = {}) {
  return prisma.factCheck.create({
    data: { url: `https://checks.example/${uid()}`, claimReviewed, language: "en", ratingName: "Pants on Fire!", verdict: "FALSE", publisher: "Example Checks", ...extra },
  });
}

async function claimOn(article: { id: string; text: string }, headers: Record<string, string>, claimText: string, sources?: unknown[]) {
  const res = await call(createClaimRoute, { params: { id: article.id }, headers, body: claimBody(article.text, "the sky was green in 2007", { claimText, ...(sources ? { sources } : {}) }) });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string };
}

describe("GET /api/claims/similar", () => {
  it("puts the fact-check of the same claim first, with its rating, publisher, URL and date", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const w = `zorblat${uid().replace(/\d/g, "")}`;
    const target = await factCheck(`The mayor of ${w} banned bicycles on every bridge in 2021`, { datePublished: new Date("2021-05-04T00:00:00Z") });
    await factCheck(`The mayor of ${w} opened a new library`);
    await factCheck("Bicycles are banned on bridges in several cities");
    const res = await similar(headers, { text: `Did the ${w} mayor really ban bicycles on the bridges?` });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items[0]).toMatchObject({
      kind: "factcheck",
      id: target.id,
      claimText: target.claimReviewed,
      verdict: "FALSE",
      rating: "Pants on Fire!",
      publisher: "Example Checks",
      url: target.url,
      date: "2021-05-04T00:00:00.000Z",
    });
    expect(res.json.items[0].score).toBeGreaterThan(res.json.items[1].score);
  });

  it("finds earlier claims in other articles with their sources, not the drafting article's own claims", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const w = `quibbet${uid().replace(/\d/g, "")}`;
    const earlier = await makeArticle();
    const drafting = await makeArticle();
    const sources = [{ url: `https://stats.example/${w}`, title: `${w} harbour statistics`, publisher: "Harbour Office", stance: "REFUTES" }];
    const old = await claimOn(earlier, headers, `The ${w} harbour handled a record ten million containers last year`, sources);
    const own = await claimOn(drafting, headers, `The ${w} harbour handled a record ten million containers last year`);
    const res = await similar(headers, { text: `${w} harbour record ten million containers`, excludeArticleId: drafting.id });
    expect(res.status, res.text).toBe(200);
    const ids = res.json.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(own.id);
    expect(res.json.items.find((i: { id: string }) => i.id === old.id)).toMatchObject({
      kind: "claim",
      status: "DRAFT",
      verdict: "FALSE",
      articleId: earlier.id,
      articleTitle: earlier.title,
      sources: [{ url: sources[0].url, title: sources[0].title, publisher: "Harbour Office", stance: "REFUTES" }],
    });
    // Without the exclusion both are there; excludeClaimId leaves out just that one.
    const both = await similar(headers, { text: `${w} harbour record ten million containers` });
    expect(both.json.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([old.id, own.id]));
    const one = await similar(headers, { text: `${w} harbour record ten million containers`, excludeClaimId: own.id });
    expect(one.json.items.map((i: { id: string }) => i.id)).not.toContain(own.id);
  });

  it("finds a fact-check stored a moment ago (the corpus statistics it caches do not hide new rows)", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const w = `flimmox${uid().replace(/\d/g, "")}`;
    expect((await similar(headers, { text: `${w} lighthouse painted purple` })).json.items).toEqual([]);
    const fc = await factCheck(`The ${w} lighthouse was painted purple overnight`);
    const res = await similar(headers, { text: `${w} lighthouse painted purple` });
    expect(res.json.items.map((i: { id: string }) => i.id)).toEqual([fc.id]);
  });

  it("matches hashtags and handles by their words, and rows stored without a language by their unstemmed words", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const w = `Grommet${uid().replace(/\d/g, "").slice(0, 4)}`;
    const fc = await factCheck(`Senator ${w} Hollowell said the moon landing was staged`, { language: null });
    const res = await similar(headers, { text: `Unbelievable! #${w}Hollowell says moon landings were staged` });
    expect(res.json.items[0]?.id).toBe(fc.id);
  });

  it("answers nothing for a text under 3 characters, and names the field for bad input", async () => {
    const { headers } = await makeCaller("REVIEWER");
    expect((await similar(headers, { text: "ab" })).json).toEqual({ items: [] });
    expect((await similar(headers, { text: "  a " })).json).toEqual({ items: [] });
    const long = await similar(headers, { text: "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.json.error.fields).toHaveProperty("text");
    for (const limit of [0, 21, 2.5, "lots"]) {
      const bad = await similar(headers, { text: "bridges and bicycles", limit });
      expect(bad.status, String(limit)).toBe(400);
      expect(bad.json.error.fields).toHaveProperty("limit");
    }
    const missing = await call(similarRoute, { path: "/api/claims/similar", headers });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toHaveProperty("text");
  });

  it("honours limit (default 5), and reads query syntax and odd characters as plain words", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const w = `snorkel${uid().replace(/\d/g, "")}`;
    for (let i = 0; i < 7; i++) await factCheck(`The ${w} festival number ${i} drew crowds`);
    expect((await similar(headers, { text: `${w} festival crowds` })).json.items).toHaveLength(5);
    expect((await similar(headers, { text: `${w} festival crowds`, limit: 2 })).json.items).toHaveLength(2);
    expect((await similar(headers, { text: `${w} festival crowds`, limit: 20 })).json.items).toHaveLength(7);
    for (const text of [`'${w}' & | ! <-> :* festival`, `${w}'s "festival" (crowds) \\ ' ''`, `https://x.example/a?b&c'd ${w}`]) {
      const res = await similar(headers, { text });
      expect(res.status, text).toBe(200);
      expect(res.json.items.length, text).toBeGreaterThan(0);
    }
  });

  it("ranks the CLEF-2020 tweets' checked claims at least as well as plain BM25 on a sample (the bench runs all 800)", async () => {
    const dir = new URL("./fixtures/claim-retrieval/", import.meta.url);
    const claims = parseVerifiedClaims(fs.readFileSync(new URL("verified-claims.tsv", dir), "utf8"));
    const tweets = parseTweets(fs.readFileSync(new URL("train-queries.tsv", dir), "utf8")).slice(0, 120);
    const qrels = parseQrels(fs.readFileSync(new URL("train.qrels", dir), "utf8"));
    // The sample's own checked claims among 1,500 others.
    const wanted = new Set(tweets.flatMap((t) => [...(qrels.get(t.id) ?? [])]));
    const sample = claims.filter((c, i) => wanted.has(c.id) || i % 7 === 0).slice(0, 1_500 + wanted.size);
    await prisma.factCheck.createMany({
      data: sample.map((c) => ({ url: `https://claims.example/vclaim/${c.id}`, claimReviewed: c.vclaim, title: c.title, language: "en", publisher: "Snopes (CLEF-2020 fixture)" })),
    });
    const byUrl = new Map((await prisma.factCheck.findMany({ where: { url: { startsWith: "https://claims.example/vclaim/" } }, select: { id: true, url: true } })).map((f) => [f.id, f.url.split("/").pop()!]));
    const { headers } = await makeCaller("REVIEWER");
    const endpoint = [];
    for (const t of tweets) {
      const res = await similar(headers, { text: t.text.slice(0, 2000), limit: 5 });
      expect(res.status).toBe(200);
      endpoint.push({ ranked: res.json.items.map((i: { id: string }) => byUrl.get(i.id) ?? i.id), relevant: qrels.get(t.id)! });
    }
    const bm25 = new Bm25Index(sample.map((c) => ({ id: c.id, text: `${c.vclaim} ${c.title}` })));
    const baseline = tweets.map((t) => ({ ranked: bm25.search(t.text, 5).map((h) => h.id), relevant: qrels.get(t.id)! }));
    const ours = meanAveragePrecisionAt(endpoint, 5);
    const theirs = meanAveragePrecisionAt(baseline, 5);
    console.log(`CLEF sample (${tweets.length} tweets, ${sample.length} claims): endpoint MAP@5 ${ours.toFixed(3)}, plain BM25 ${theirs.toFixed(3)}`);
    expect(ours).toBeGreaterThanOrEqual(theirs);
  }, 120_000);
});
