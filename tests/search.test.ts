import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as searchRoute } from "@/app/api/search/route";
import { GET as listArticlesRoute } from "@/app/api/articles/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { forgetLanguages } from "@/lib/search/languages";
import { importArticle } from "@/lib/imports/mutations";
import { seedArticleInput } from "@/seeds/demo";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

// Every word this file searches for carries the run's stamp, so articles other
// test files add to the shared database at the same time never match.
const CONSONANTS = "bcdfghjkmnprstvwxz";
const word = () => `vq${Array.from(randomBytes(7), (b) => CONSONANTS[b % CONSONANTS.length]).join("")}q`;
const S = word(); // in every row of this file
const T = { a1: word(), a2: word(), a3: word(), nowhere: word() };

type Item = { type: string; id: string; title: string; snippet: string; score: number; articleId?: string; claimId?: string; verdict?: string; status?: string; url?: string };

let reviewer: Awaited<ReturnType<typeof makeCaller>>;
const ids: Record<string, string> = {};

async function find(params: Record<string, string>, headers: Record<string, string> = reviewer.headers) {
  return call(searchRoute, { path: `/api/search?${new URLSearchParams(params)}`, headers });
}

async function items(params: Record<string, string>): Promise<Item[]> {
  const res = await find(params);
  expect(res.status, res.text).toBe(200);
  return res.json.items;
}

const idsOf = (list: Item[], type?: string) => list.filter((i) => !type || i.type === type).map((i) => i.id).sort();

beforeAll(async () => {
  reviewer = await makeCaller("REVIEWER");
  const en = { language: "en", publisher: `Gazette ${S}` };
  const a1 = await makeArticle({
    ...en,
    title: `Nuclear plans ${S}`,
    text: `${S} ${T.a1}. Officials said the nuclear facilities were targeted in November 2007.\nThe city of São Paulo hosted talks; running costs rose.`,
    publishedAt: "2019-06-24",
  });
  const a2 = await makeArticle({ ...en, title: `Research ${S}`, text: `${S} ${T.a2}. Facilities for nuclear research were expanded.`, publishedAt: "2021-03-01" });
  const a3 = await makeArticle({ language: "en", publisher: "Other Times", title: `Council ${S}`, text: `${S} ${T.a3}. The budget council met on Tuesday.`, publishedAt: "2023-01-10" });
  const fr = await makeArticle({ language: "fr", title: `Politique ${S}`, text: `${S} Les politiques économiques du gouvernement ont échoué.` });
  const de = await makeArticle({ language: "de-DE", title: `Bauen ${S}`, text: `${S} Die Häuser wurden im Sommer gebaut.` });
  const xss = await makeArticle({ language: "en", title: `Markup ${S}`, text: `${S} An article quoting <script>alert("x")</script> & <b>bold</b> scripted words.` });
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, fr: fr.id, de: de.id, xss: xss.id });

  const quote = "the nuclear facilities were targeted";
  const claim = await call(createClaimRoute, {
    params: { id: a1.id },
    headers: reviewer.headers,
    body: claimBody(a1.text, quote, {
      claimText: `The reactor ${S} was attacked in 2007.`,
      verdict: "FALSE",
      rationale: "Records show a later date.",
      sources: [{ url: `https://archive.example/${S}/reactor-report`, title: `Reactor inspection report ${S}`, publisher: "Atomic Archive", stance: "REFUTES" }],
    }),
  });
  expect(claim.status, claim.text).toBe(201);
  ids.claim = claim.json.id;
  ids.source = claim.json.sources[0].id;
  const claim2 = await call(createClaimRoute, {
    params: { id: a3.id },
    headers: reviewer.headers,
    body: claimBody(a3.text, "The budget council met", { claimText: `The council ${S} met on Tuesday.`, verdict: "TRUE", rationale: "Minutes confirm it.", sources: [] }),
  });
  expect(claim2.status, claim2.text).toBe(201);
  ids.claim2 = claim2.json.id;

  const fc = await prisma.factCheck.create({
    data: { url: `https://factcheck.example/${S}`, claimReviewed: `The reactor ${S} was attacked in 2007`, title: "Reactor claim checked", claimant: "A minister", ratingName: "Pants on fire", verdict: "FALSE", publisher: "Full Fact", datePublished: new Date("2020-05-01"), language: "en" },
  });
  const fcFr = await prisma.factCheck.create({
    data: { url: `https://factcheck.example/fr/${S}`, claimReviewed: `Les réformes économiques ${S} ont réussi`, ratingName: "Faux", verdict: "FALSE", publisher: "AFP Factuel", datePublished: new Date("2022-02-02"), language: "fr" },
  });
  Object.assign(ids, { fc: fc.id, fcFr: fcFr.id });
  // This file's languages are new to the shared database: read them now, not in a minute.
  forgetLanguages();
});

describe("GET /api/search: who may search", () => {
  it("asks anonymous callers to sign in (401)", async () => {
    const res = await find({ q: S }, {});
    expect(res.status).toBe(401);
  });

  it.each(["REVIEWER", "EDITOR", "ADMIN"] as const)("serves a %s", async (role) => {
    const { headers } = await makeCaller(role);
    const res = await find({ q: S }, headers);
    expect(res.status).toBe(200);
    expect(res.json.total).toBeGreaterThan(0);
  });

  it("refuses a deactivated account", async () => {
    const { headers } = await makeCaller("REVIEWER", { active: false });
    expect((await find({ q: S }, headers)).status).toBe(401);
  });
});

describe("GET /api/search: web-search syntax", () => {
  it("finds every type, with counts per type and the contract's fields", async () => {
    const res = await find({ q: S });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ page: 1, pageSize: 20, counts: { article: 6, claim: 2, source: 1, factcheck: 2 }, total: 11 });
    const byType = (t: string) => (res.json.items as Item[]).filter((i) => i.type === t);
    expect(byType("claim").find((c) => c.id === ids.claim)).toMatchObject({ articleId: ids.a1, verdict: "FALSE", status: "DRAFT", title: expect.stringContaining("reactor") });
    expect(byType("source")[0]).toMatchObject({ id: ids.source, articleId: ids.a1, claimId: ids.claim, url: `https://archive.example/${S}/reactor-report` });
    expect(byType("factcheck").find((f) => f.id === ids.fc)).toMatchObject({ url: `https://factcheck.example/${S}`, verdict: "FALSE" });
    for (const i of res.json.items as Item[]) {
      expect(typeof i.score).toBe("number");
      expect(i.snippet).toContain(`<mark>${S}</mark>`);
    }
    // Best first.
    const scores = (res.json.items as Item[]).map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('"exact phrase" needs the words together and in order', async () => {
    expect(idsOf(await items({ q: `${S} "nuclear facilities"`, type: "article" }))).toEqual([ids.a1]);
    expect(idsOf(await items({ q: `${S} nuclear facilities`, type: "article" }))).toEqual([ids.a1, ids.a2].sort());
    const [hit] = await items({ q: `${S} "nuclear facilities"`, type: "article" });
    expect(hit.snippet).toMatch(/<mark>nuclear facilities<\/mark>/);
  });

  it("OR finds either word", async () => {
    expect(idsOf(await items({ q: `${T.a1} OR ${T.a3}` }), "article")).toEqual([ids.a1, ids.a3].sort());
    expect(idsOf(await items({ q: `${T.a1} or ${T.nowhere}` }), "article")).toEqual([ids.a1]);
  });

  it("-word leaves out what has the word", async () => {
    const found = idsOf(await items({ q: `${S} -${T.a1}`, type: "article" }));
    expect(found).toContain(ids.a2);
    expect(found).not.toContain(ids.a1);
    expect(found).toHaveLength(5);
    // In a French article too (its own configuration parses the query).
    expect(idsOf(await items({ q: `${S} -économiques`, type: "article" }))).not.toContain(ids.fr);
  });

  it("ignores accents and case: Sao Paulo finds São Paulo, marking the original words", async () => {
    const found = await items({ q: `${S} "sao PAULO"` });
    expect(idsOf(found)).toEqual([ids.a1]);
    expect(found[0].snippet).toContain("<mark>São Paulo</mark>");
  });

  it("matches by stem in English", async () => {
    expect(idsOf(await items({ q: `${S} runs`, type: "article" }))).toEqual([ids.a1]);
    expect(idsOf(await items({ q: `${S} target`, type: "claim" }))).toEqual([ids.claim]);
  });

  it("matches by stem in the article's own language (French, German)", async () => {
    expect(idsOf(await items({ q: `${S} économique`, type: "article" }))).toEqual([ids.fr]);
    expect(idsOf(await items({ q: `${S} economique`, type: "article" }))).toEqual([ids.fr]);
    expect(idsOf(await items({ q: `${S} Haus`, type: "article" }))).toEqual([ids.de]);
    // A fact-check in French, by its own language.
    expect(idsOf(await items({ q: `${S} réforme`, type: "factcheck" }))).toEqual([ids.fcFr]);
  });

  it("escapes snippets: only <mark> is markup", async () => {
    const [hit] = await items({ q: `${S} quoting`, type: "article" });
    expect(hit.id).toBe(ids.xss);
    expect(hit.snippet).toContain("<mark>quoting</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});

describe("GET /api/search: hostile and empty queries", () => {
  const hostile = [
    `'`, `"`, `\\`, `\\'`, `&|!:*()`, `${S} & !`, `${S}:*`, `'; DROP TABLE "Article"; --`, `" OR 1=1 --`, `(((`, `<->`, `<2>`, `!!!`, "OR", "-", `""`,
    `${S} -`, `-${S}`, "a:* | b:A", `$1`, `%`, `_`, `\u00a0`, "😀".repeat(40), "the of and", `x${"'".repeat(200)}`, "<script>alert(1)</script>",
  ];

  it.each(hostile)("never fails on %j", async (q) => {
    const before = await prisma.article.count();
    const res = await find({ q });
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) expect(Array.isArray(res.json.items)).toBe(true);
    else expect(res.json.error.fields).toHaveProperty("q");
    expect(await prisma.article.count()).toBeGreaterThanOrEqual(before);
  });

  it("an only-negated query leaves out what has the word", async () => {
    const res = await find({ q: `-${S}`, type: "factcheck", pageSize: "50" });
    expect(res.status).toBe(200);
    expect(idsOf(res.json.items)).not.toContain(ids.fc);
  });

  it.each([
    ["a missing q", {}],
    ["an empty q", { q: "" }],
    ["a blank q", { q: "   \t " }],
    ["a q that is too long", { q: "x".repeat(301) }],
  ])("answers %s with 400 naming q", async (_name, params) => {
    const res = await find(params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.fields).toHaveProperty("q");
  });

  it("answers a NUL in q with 400 naming q", async () => {
    const res = await find({ q: `a\u0000b` });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty("q");
  });

  it.each([
    ["type", { type: "user" }],
    ["verdict", { verdict: "PANTS_ON_FIRE" }],
    ["status", { status: "LOST" }],
    ["from", { from: "yesterday" }],
    ["to", { from: "2022-01-01", to: "2021-01-01" }],
    ["page", { page: "0" }],
    ["page", { page: "two" }],
    ["pageSize", { pageSize: "500" }],
    ["sneaky", { sneaky: "1" }],
  ])("answers a bad %s with 400 naming it", async (field, params) => {
    const res = await find({ q: S, ...params });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });
});

describe("GET /api/search: filters and paging", () => {
  it("type keeps one type; the counts still cover every type", async () => {
    const res = await find({ q: S, type: "claim" });
    expect(res.json.items.map((i: Item) => i.type)).toEqual(["claim", "claim"]);
    expect(res.json.total).toBe(2);
    expect(res.json.counts).toEqual({ article: 6, claim: 2, source: 1, factcheck: 2 });
  });

  it("verdict keeps claims, sources and fact-checks with that verdict", async () => {
    const res = await find({ q: S, verdict: "FALSE" });
    expect(res.json.counts).toEqual({ article: 0, claim: 1, source: 1, factcheck: 2 });
    expect(idsOf(res.json.items, "claim")).toEqual([ids.claim]);
    expect((await find({ q: S, verdict: "TRUE" })).json.counts).toEqual({ article: 0, claim: 1, source: 0, factcheck: 0 });
  });

  it("status is a claim state (claims and their sources) or an article state (articles)", async () => {
    expect((await find({ q: S, status: "DRAFT" })).json.counts).toEqual({ article: 0, claim: 2, source: 1, factcheck: 0 });
    expect((await find({ q: S, status: "APPROVED" })).json.counts).toEqual({ article: 0, claim: 0, source: 0, factcheck: 0 });
    expect((await find({ q: S, status: "OPEN" })).json.counts).toEqual({ article: 6, claim: 0, source: 0, factcheck: 0 });
  });

  it("publisher matches part of the name, any case", async () => {
    const res = await find({ q: S, publisher: `gazette ${S}`.toUpperCase() });
    expect(res.json.counts).toMatchObject({ article: 2, claim: 1, factcheck: 0 });
    expect((await find({ q: S, publisher: "full fact" })).json.counts).toEqual({ article: 0, claim: 0, source: 0, factcheck: 1 });
    expect((await find({ q: S, publisher: "atomic" })).json.counts).toEqual({ article: 0, claim: 0, source: 1, factcheck: 0 });
    // LIKE's wildcards are plain characters.
    expect((await find({ q: S, publisher: "%" })).json.total).toBe(0);
  });

  it("from and to bound the date (to includes its whole day)", async () => {
    expect(idsOf((await find({ q: S, type: "article", from: "2019-06-24", to: "2021-03-01" })).json.items)).toEqual([ids.a1, ids.a2].sort());
    expect(idsOf((await find({ q: S, type: "article", from: "2019-06-25", to: "2022-12-31" })).json.items)).toEqual([ids.a2]);
    expect(idsOf((await find({ q: S, type: "factcheck", to: "2021-01-01" })).json.items)).toEqual([ids.fc]);
  });

  it("pages through the results without repeats", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await find({ q: S, pageSize: "3", page: String(page) });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ page, pageSize: 3, total: 11 });
      seen.push(...res.json.items.map((i: Item) => `${i.type}:${i.id}`));
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    const typed = await find({ q: S, type: "article", pageSize: "4", page: "2" });
    expect(typed.json.items).toHaveLength(2);
    const past = await find({ q: S, page: "9" });
    expect(past.json).toMatchObject({ items: [], total: 11 });
  });
});

describe("GET /api/articles?q=", () => {
  it("finds an article by a word of its body (the seed article mentions Stuxnet)", async () => {
    const seed = await importArticle(null, seedArticleInput(), "SEED");
    forgetLanguages();
    const res = await call(listArticlesRoute, { path: "/api/articles?q=Stuxnet&pageSize=100", headers: reviewer.headers });
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { id: string }) => a.id)).toContain(seed.articleId);
    expect(Object.keys(res.json)).toEqual(["items", "total", "page", "pageSize"]);
    expect(res.json.items[0]).toHaveProperty("claimCount");
  });

  it("still finds a title by part of a word, and by body words with stemming", async () => {
    const res = await call(listArticlesRoute, { path: `/api/articles?q=${encodeURIComponent(`plans ${S.slice(0, 6)}`)}`, headers: reviewer.headers });
    expect(res.json.items.map((a: { id: string }) => a.id)).toEqual([ids.a1]);
    const body = await call(listArticlesRoute, { path: `/api/articles?q=${encodeURIComponent(`${S} facility`)}`, headers: reviewer.headers });
    expect(body.json.items.map((a: { id: string }) => a.id).sort()).toEqual([ids.a1, ids.a2].sort());
    expect(body.json.total).toBe(2);
    const status = await call(listArticlesRoute, { path: `/api/articles?q=${S}&status=ARCHIVED`, headers: reviewer.headers });
    expect(status.json).toMatchObject({ items: [], total: 0 });
    const paged = await call(listArticlesRoute, { path: `/api/articles?q=${S}&pageSize=4&page=2`, headers: reviewer.headers });
    expect(paged.json).toMatchObject({ total: 6, page: 2 });
    expect(paged.json.items).toHaveLength(2);
  });
});
