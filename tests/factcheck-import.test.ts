import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { POST as postImport } from "@/app/api/imports/route";
import { GET as getImport } from "@/app/api/imports/[jobId]/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { GET as claimReviewRoute } from "@/app/api/fact-checks/[slug]/claimreview/route";
import { VERDICTS } from "@/lib/claims/constants";
import { getFactCheck, listFactChecks } from "@/lib/factchecks/data";
import { stopImportQueue } from "@/lib/imports/queue";
import { runImportJob } from "@/lib/imports/run";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const unique = () => Math.random().toString(36).slice(2, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Job = {
  status: string;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  errors: { index: number; label: string; fields?: Record<string, string>; message: string }[];
  articles: { index: number; status: string; articleId: string }[];
  factChecks?: { index: number; label: string; status: string; factCheckId: string; claimReviewed: string; url: string; rating: string | null; verdict: string | null }[];
};

/** Runs the job here (no worker in this process), or waits for whoever holds it; the job as the API answers it. */
async function finish(jobId: string, headers: Record<string, string>): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const r = await runImportJob(jobId);
    if (r.state === "finished" || r.state === "done") break;
    await sleep(100);
  }
  const res = await call(getImport, { path: `/api/imports/${jobId}?include=articles`, headers, params: { jobId } });
  expect(res.status).toBe(200);
  return res.json as Job;
}

async function postItems(items: unknown[], headers: Record<string, string>): Promise<Job> {
  const res = await call(postImport, { path: "/api/imports", headers, body: { items } });
  expect(res.status).toBe(202);
  return finish(res.json.jobId, headers);
}

async function upload(files: File[], headers: Record<string, string>): Promise<Job> {
  const form = new FormData();
  for (const f of files) form.append("files", f);
  const req = new NextRequest("http://localhost:3000/api/imports", { method: "POST", body: form, headers });
  const res = await postImport(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(202);
  return finish(((await res.json()) as { jobId: string }).jobId, headers);
}

/** A ClaimReview as fact-checkers publish it. */
function review(tag: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://checks.example/${tag}/${n}`,
    name: `Fact check ${n} (${tag})`,
    claimReviewed: `Claim ${n} of batch ${tag} about the city budget`,
    datePublished: "2024-06-12",
    author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example" },
    reviewRating: { "@type": "Rating", alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A. Politician" }, appearance: [{ "@type": "CreativeWork", url: `https://news.example/${tag}/${n}` }] },
    inLanguage: "en",
    ...extra,
  };
}

const shapes = (tag: string) => ({
  single: review(tag, 1),
  array: [review(tag, 2), review(tag, 3)],
  itemList: { "@context": "https://schema.org", "@type": "ItemList", itemListElement: [{ "@type": "ListItem", position: 1, item: review(tag, 4) }, { "@type": "ListItem", position: 2, item: review(tag, 5) }] },
  dataFeed: { "@context": "https://schema.org", "@type": "DataFeed", dataFeedElement: [{ "@type": "DataFeedItem", item: [review(tag, 6)] }, { "@type": "DataFeedItem", item: review(tag, 7) }] },
  graph: { "@context": "https://schema.org", "@graph": [{ "@type": "WebSite", name: "Example Checks" }, review(tag, 8)] },
});

// A fact-checker's pages, served locally (IMPORT_ALLOW_PRIVATE_HOSTS=1 in tests).
const pageTag = unique();
let base = "";
function checkPage() {
  const ld = [
    { "@context": "https://schema.org", "@type": "NewsArticle", headline: "Our checks this week" },
    { "@context": "https://schema.org", "@graph": [review(pageTag, 1, { url: "/checks/budget#first" }), review(pageTag, 2, { url: "/checks/budget#second", inLanguage: undefined, reviewRating: { "@type": "Rating", alternateName: "Trompeur" } })] },
    review(pageTag, 3, { claimReviewed: undefined, url: "/checks/budget#third" }),
  ];
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Vérifications</title>
${ld.map((x) => `<script type="application/ld+json">${JSON.stringify(x)}</script>`).join("\n")}
</head><body><main><article><h1>Nos vérifications</h1><p>Le budget de la ville n'a pas doublé.</p><p>Il a augmenté de 4 %.</p></article></main></body></html>`;
}
const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path === "/checks/budget") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(checkPage());
  }
  res.writeHead(404, { "content-type": "text/html" });
  res.end("<p>Not found</p>");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopImportQueue();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("POST /api/imports with ClaimReview records", () => {
  it("{items}: a single record, an ItemList, a DataFeed and an @graph, one fact-check per record, stored with the publisher's rating and audited", async () => {
    const { headers, user } = await makeCaller("ADMIN");
    const t = unique();
    const s = shapes(t);
    const job = await postItems([s.single, ...s.array, s.itemList, s.dataFeed, s.graph], headers);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 8, imported: 8, duplicates: 0, failed: 0, errors: [], articles: [] });
    expect(job.factChecks!.map((f) => [f.label, f.status])).toEqual([
      [`Item 1: Claim 1 of batch ${t} about the city budget`, "imported"],
      [`Item 2: Claim 2 of batch ${t} about the city budget`, "imported"],
      [`Item 3: Claim 3 of batch ${t} about the city budget`, "imported"],
      [`Item 4, record 1: Claim 4 of batch ${t} about the city budget`, "imported"],
      [`Item 4, record 2: Claim 5 of batch ${t} about the city budget`, "imported"],
      [`Item 5, record 1: Claim 6 of batch ${t} about the city budget`, "imported"],
      [`Item 5, record 2: Claim 7 of batch ${t} about the city budget`, "imported"],
      [`Item 6: Claim 8 of batch ${t} about the city budget`, "imported"],
    ]);
    const rows = await prisma.factCheck.findMany({ where: { url: { startsWith: `https://checks.example/${t}/` } }, orderBy: { url: "asc" } });
    expect(rows.map((r) => r.url)).toEqual(Array.from({ length: 8 }, (_, i) => `https://checks.example/${t}/${i + 1}`));
    expect(rows[0]).toMatchObject({
      claimReviewed: `Claim 1 of batch ${t} about the city budget`,
      title: `Fact check 1 (${t})`,
      claimant: "A. Politician",
      appearanceUrl: `https://news.example/${t}/1`,
      ratingName: "False",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      verdict: "FALSE",
      publisher: "Example Checks",
      language: "en",
      createdById: user.id,
    });
    expect(rows[0].datePublished?.toISOString()).toBe("2024-06-12T00:00:00.000Z");
    const items = await prisma.importItem.findMany({ where: { factCheckId: { in: rows.map((r) => r.id) } } });
    expect(items).toHaveLength(8);
    expect(items.every((i) => i.status === "IMPORTED" && i.articleId === null && i.input === null)).toBe(true);
    // Audited like articles: one event per fact-check, in its transaction, by the importer.
    const events = await prisma.auditEvent.findMany({ where: { action: "factcheck.create", entityId: { in: rows.map((r) => r.id) } } });
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.actorId === user.id && e.entityType === "FactCheck")).toBe(true);
    // The data layer other pages read.
    const dto = await getFactCheck(rows[0].id);
    expect(dto).toEqual({
      id: rows[0].id,
      url: rows[0].url,
      claimReviewed: rows[0].claimReviewed,
      title: `Fact check 1 (${t})`,
      claimant: "A. Politician",
      appearanceUrl: `https://news.example/${t}/1`,
      rating: { alternateName: "False", ratingValue: 1, bestRating: 5, worstRating: 1 },
      verdict: "FALSE",
      publisher: "Example Checks",
      datePublished: "2024-06-12T00:00:00.000Z",
      language: "en",
      createdAt: expect.any(String),
    });
    const list = await listFactChecks({ page: 1 });
    expect(list.total).toBeGreaterThanOrEqual(8);
    expect(list.items.length).toBeGreaterThan(0);
  });

  it("a .json upload in each shape (single, array, ItemList, DataFeed, @graph) is read the same way", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const s = shapes(t);
    const file = (name: string, data: unknown) => new File([JSON.stringify(data, null, 2)], name, { type: "application/json" });
    const job = await upload([file("single.json", s.single), file("array.json", s.array), file("list.json", s.itemList), file("feed.json", s.dataFeed), file("graph.json", s.graph)], headers);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 8, imported: 8, duplicates: 0, failed: 0 });
    expect(job.factChecks!.map((f) => f.label.replace(/: Claim.*/, ""))).toEqual([
      "single.json",
      "array.json, item 1",
      "array.json, item 2",
      "list.json, record 1",
      "list.json, record 2",
      "feed.json, record 1",
      "feed.json, record 2",
      "graph.json",
    ]);
    expect(await prisma.factCheck.count({ where: { url: { startsWith: `https://checks.example/${t}/` } } })).toBe(8);
  });

  it("counts duplicates by URL within one job and across jobs, pointing at the existing fact-check; a bad record fails alone naming its field", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const first = await postItems(
      [
        review(t, 1),
        review(t, 2),
        review(t, 1, { claimReviewed: "The same page again, reworded" }),
        review(t, 3, { claimReviewed: "   " }),
        review(t, 4, { url: "javascript:alert(1)" }),
        review(t, 5, { reviewRating: { "@type": "Rating" } }),
        review(t, 6, { claimReviewed: "x".repeat(2001) }),
      ],
      headers,
    );
    expect(first).toMatchObject({ status: "PARTIAL", total: 7, imported: 2, duplicates: 1, failed: 4 });
    expect(first.errors).toEqual([
      { index: 3, label: "Item 4", fields: { claimReviewed: "is required: the claim the record reviews" }, message: "claimReviewed: is required: the claim the record reviews" },
      { index: 4, label: "Item 5", fields: { url: expect.stringMatching(/^is required/) }, message: expect.stringMatching(/^url: /) },
      { index: 5, label: "Item 6", fields: { reviewRating: expect.stringMatching(/alternateName or a ratingValue/) }, message: expect.stringMatching(/^reviewRating: /) },
      { index: 6, label: "Item 7", fields: { claimReviewed: "must be at most 2000 characters" }, message: "claimReviewed: must be at most 2000 characters" },
    ]);
    const byIndex = new Map(first.factChecks!.map((f) => [f.index, f]));
    expect(byIndex.get(2)).toMatchObject({ status: "duplicate", factCheckId: byIndex.get(0)!.factCheckId });
    const dupItem = await prisma.importItem.findFirstOrThrow({ where: { factCheckId: byIndex.get(0)!.factCheckId, status: "DUPLICATE" } });
    expect(dupItem.message).toBe("duplicates an earlier fact-check (same URL)");
    // The stored one is the first: a duplicate changes nothing.
    expect((await prisma.factCheck.findUniqueOrThrow({ where: { url: `https://checks.example/${t}/1` } })).claimReviewed).toBe(`Claim 1 of batch ${t} about the city budget`);

    const again = await postItems([review(t, 1), review(t, 2), review(t, 7)], headers);
    expect(again).toMatchObject({ status: "SUCCEEDED", total: 3, imported: 1, duplicates: 2, failed: 0 });
    expect(again.factChecks!.map((f) => [f.status, f.factCheckId])).toEqual([
      ["duplicate", byIndex.get(0)!.factCheckId],
      ["duplicate", byIndex.get(1)!.factCheckId],
      ["imported", expect.any(String)],
    ]);
    expect(await prisma.factCheck.count({ where: { url: { startsWith: `https://checks.example/${t}/` } } })).toBe(3);
  });

  it("maps publishers' ratings to the nearest verdict; an unmapped rating is stored with verdict null and its text kept", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const rating = (r: Record<string, unknown>) => ({ reviewRating: { "@type": "Rating", ...r } });
    const cases: [Record<string, unknown>, string | null][] = [
      [{ alternateName: "Pants on Fire!" }, "FALSE"],
      [{ alternateName: "Four Pinocchios" }, "FALSE"],
      [{ alternateName: "Mostly True" }, "MOSTLY_TRUE"],
      [{ alternateName: "Half True" }, "MIXED"],
      [{ alternateName: "Mostly false" }, "MOSTLY_FALSE"],
      [{ alternateName: "Correct" }, "TRUE"],
      [{ alternateName: "Missing context" }, "MISLEADING"],
      [{ alternateName: "Trompeur" }, "MISLEADING"],
      [{ alternateName: "Outdated" }, "OUTDATED"],
      [{ alternateName: "Unproven" }, "UNVERIFIABLE"],
      [{ alternateName: "False. The photo was taken in 2015" }, "FALSE"],
      [{ ratingValue: 4, bestRating: 5, worstRating: 1 }, "MOSTLY_TRUE"],
      [{ ratingValue: "2", bestRating: "5", worstRating: "1" }, "MOSTLY_FALSE"],
      [{ ratingValue: 10, bestRating: 10, worstRating: 0 }, "TRUE"],
      [{ alternateName: "Spicy take" }, null],
      [{ alternateName: "Spicy take", ratingValue: 9, bestRating: 5, worstRating: 1 }, null],
    ];
    const job = await postItems(cases.map(([r], i) => review(t, i, rating(r))), headers);
    expect(job).toMatchObject({ status: "SUCCEEDED", imported: cases.length });
    const rows = await prisma.factCheck.findMany({ where: { url: { startsWith: `https://checks.example/${t}/` } } });
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    cases.forEach(([r, verdict], i) => {
      const row = byUrl.get(`https://checks.example/${t}/${i}`)!;
      expect([r, row.verdict]).toEqual([r, verdict]);
      expect(row.ratingName).toBe((r.alternateName as string | undefined) ?? null);
      expect(row.ratingValue).toBe(r.ratingValue === undefined ? null : Number(r.ratingValue));
    });
    // Unmapped stays visible as the publisher wrote it.
    const unmapped = job.factChecks!.filter((f) => f.verdict === null);
    expect(unmapped.map((f) => f.rating)).toEqual(["Spicy take", "Spicy take"]);
    expect(job.factChecks!.find((f) => f.index === 11)!.rating).toBe("4/5");
  });

  it("mixed {items}: articles and ClaimReview records in one array each go their own way, and fail alone", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const job = await postItems(
      [
        { title: `Mixed ${t} story`, text: `A story of batch ${t}.\n\nIts second paragraph.`, sourceUrl: `https://news.example/${t}/mixed` },
        review(t, 1),
        { text: "An article without a title" },
        { "@type": "ItemList", itemListElement: [review(t, 2), review(t, 3, { claimReviewed: undefined })] },
      ],
      headers,
    );
    expect(job).toMatchObject({ status: "PARTIAL", total: 5, imported: 3, duplicates: 0, failed: 2 });
    expect(job.articles.map((a) => [a.index, a.status])).toEqual([[0, "imported"]]);
    expect(job.factChecks!.map((f) => [f.index, f.status])).toEqual([[1, "imported"], [3, "imported"]]);
    expect(job.errors.map((e) => [e.index, e.label, e.fields])).toEqual([
      [2, "Item 3", { title: "is required" }],
      [4, "Item 4, record 2", { claimReviewed: expect.stringMatching(/^is required/) }],
    ]);
  });

  it("{url}: a page whose JSON-LD carries ClaimReview gives one fact-check per record (fetched and parsed in the import worker), not an article", async () => {
    const { headers } = await makeCaller("ADMIN");
    const url = `${base}/checks/budget`;
    const res = await call(postImport, { path: "/api/imports", headers, body: { url } });
    expect(res.status).toBe(202);
    const job = await finish(res.json.jobId, headers);
    expect(job).toMatchObject({ status: "PARTIAL", total: 3, imported: 2, duplicates: 0, failed: 1, articles: [] });
    expect(job.errors).toEqual([{ index: 2, label: `${url}, record 3`, fields: { claimReviewed: expect.stringMatching(/^is required/) }, message: expect.stringMatching(/^claimReviewed: is required/) }]);
    const rows = await prisma.factCheck.findMany({ where: { url: { startsWith: `${base}/checks/budget#` } }, orderBy: { url: "asc" } });
    expect(rows.map((r) => [r.url, r.verdict, r.ratingName, r.language])).toEqual([
      [`${url}#first`, "FALSE", "False", "en"],
      [`${url}#second`, "MISLEADING", "Trompeur", "fr"],
    ]);
    expect(await prisma.article.count({ where: { sourceUrl: { startsWith: base } } })).toBe(0);
    // Importing the page again: both known.
    const again = await call(postImport, { path: "/api/imports", headers, body: { url } });
    expect(await finish(again.json.jobId, headers)).toMatchObject({ imported: 0, duplicates: 2, failed: 1 });
  });
});

describe("round trip: Verity's own published ClaimReview imported back", () => {
  it("gives fact-checks whose verdict is the original claim's, for all eight verdicts", async () => {
    const t = unique();
    const sentences = VERDICTS.map((v, i) => `Sentence ${i} of ${t} says the ${v.toLowerCase().replace(/_/g, " ")} thing.`);
    const article = await makeArticle({ title: `Round trip ${t}`, text: sentences.join("\n\n"), author: "Jo Writer", sourceUrl: `https://news.example/${t}/round-trip` });
    const reviewer = await makeCaller("REVIEWER");
    const editor = await makeCaller("EDITOR");
    const claimVerdict = new Map<string, string>();
    for (const [i, verdict] of VERDICTS.entries()) {
      const body = claimBody(article.text, sentences[i], { verdict, claimText: `Claim ${i} of ${t}: the ${verdict} one.` });
      const created = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer.headers, body });
      expect(created.status).toBe(201);
      const submitted = await call(submitRoute, { params: { id: created.json.id }, headers: reviewer.headers, body: { version: created.json.version } });
      expect(submitted.status).toBe(200);
      const approved = await call(reviewRoute, { params: { id: created.json.id }, headers: editor.headers, body: { decision: "APPROVE", version: submitted.json.version } });
      expect(approved.status).toBe(200);
      claimVerdict.set(created.json.id, verdict);
    }
    expect((await call(publishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(200);
    const published = await call(claimReviewRoute, { params: { slug: article.slug }, path: `/api/fact-checks/${article.slug}/claimreview` });
    expect(published.status).toBe(200);
    expect(published.json).toHaveLength(8);

    const admin = await makeCaller("ADMIN");
    const job = await postItems(published.json as unknown as unknown[], admin.headers);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 8, imported: 8, failed: 0 });
    const rows = await prisma.factCheck.findMany({ where: { id: { in: job.factChecks!.map((f) => f.factCheckId) } } });
    expect(rows).toHaveLength(8);
    const seen = new Set<string>();
    for (const row of rows) {
      const claimId = row.url.match(/#claim-(.+)$/)![1];
      expect([claimId, row.verdict]).toEqual([claimId, claimVerdict.get(claimId)]);
      expect(row.claimReviewed).toMatch(new RegExp(`^Claim \\d of ${t}`));
      expect(row.appearanceUrl).toBe(`https://news.example/${t}/round-trip`);
      expect(row.claimant).toBe("Jo Writer");
      seen.add(row.verdict!);
    }
    expect([...seen].sort()).toEqual([...VERDICTS].sort());

    // Published again later (an update), imported again: known, nothing stored twice.
    const again = await postItems(published.json as unknown as unknown[], admin.headers);
    expect(again).toMatchObject({ imported: 0, duplicates: 8 });
  });
});
