import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createImportJob } from "@/lib/imports/jobs";
import { getImportJob } from "@/lib/imports/data";
import { enqueueImportJob, resumeStalledImports, startImportWorker, stopImportQueue } from "@/lib/imports/queue";
import { LEASE_STALE_MS, runImportJob } from "@/lib/imports/run";
import { makeArticle, makeUser } from "@/seeds/factories";
import { runToEnd } from "./support/imports";

const unique = () => Math.random().toString(36).slice(2, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


function story(tag: string, i: number) {
  return {
    title: `Import ${tag} story ${i}`,
    text: `Paragraph one of story ${i} in batch ${tag}.\n\nParagraph two says the council met on ${i} March.`,
    sourceUrl: `https://news.example/${tag}/story-${i}`,
    author: `Reporter ${i}`,
    publishedAt: "2024-03-05",
    language: "en",
  };
}

/** A news page as sites serve them: chrome, ads, a byline, JSON-free metadata. */
function newsPage(tag: string, base: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens after ${tag} repairs | Valley Courier</title>
<meta property="og:title" content="Bridge reopens after ${tag} repairs">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2024-04-02T07:30:00Z">
<link rel="canonical" href="${base}/news/bridge-${tag}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="ad" id="ad-top">Buy a boat today!</div>
<main><article>
<h1>Bridge reopens after ${tag} repairs</h1>
<p class="byline">By Maria Lopez · <time datetime="2024-04-02T07:30:00Z">2 April 2024</time></p>
<p>The Old Mill bridge reopened to traffic on Tuesday after eight months of repairs costing £2.4 million, the county council said.</p>
<p>Engineers replaced the corroded steel beams and resurfaced the deck. Cyclists will share a widened path with pedestrians on the north side.</p>
<p>Traders in the town centre said the closure had cut footfall by a third since August, and welcomed the reopening a month ahead of schedule.</p>
<p>The council said a weight limit of 18 tonnes would remain in place until a final inspection in June.</p>
</article></main>
<aside class="related">Related: Ferry fares frozen</aside>
<footer>© Valley Courier</footer>
</body></html>`;
}

function rssFeed(tag: string, base: string) {
  const item = (n: number, day: number) => `
    <item>
      <title>Feed ${tag} story ${n}</title>
      <link>${base}/news/feed-${tag}-${n}</link>
      <guid>${base}/news/feed-${tag}-${n}</guid>
      <dc:creator>Ana Costa</dc:creator>
      <pubDate>Mon, ${day} Mar 2024 09:00:00 +0000</pubDate>
      <content:encoded><![CDATA[<p>Story ${n} of feed ${tag}: the harbour board met on Monday.</p><p>It agreed a budget.</p>]]></content:encoded>
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Valley Courier</title><link>${base}/</link><language>en</language>${item(1, 4)}${item(2, 11)}${item(3, 18)}
  </channel>
</rss>`;
}

const tag = unique();
let base = "";
const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path === `/news/bridge-${tag}`) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(newsPage(tag, base));
  }
  if (path === "/feed.xml") {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    return res.end(rssFeed(tag, base));
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

describe("runImportJob", () => {
  it("imports a 50-item JSON file: 45 imported, 2 duplicates, 3 failed naming the field; audited", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    // Same URL and same text: a duplicate. (Same URL with new text would be a new revision; see imports-reimport.test.ts.)
    const existing = await makeArticle({ title: "Already here", sourceUrl: `https://news.example/${t}/story-7`, text: story(t, 7).text });
    const items: Record<string, unknown>[] = Array.from({ length: 50 }, (_, i) => story(t, i));
    items[7] = { ...story(t, 7), title: "Same URL as an existing article" }; // duplicate by URL (of `existing`)
    items[30] = { ...story(t, 3), sourceUrl: undefined, title: "Same text as item 3" }; // duplicate by content hash, within the file
    items[12] = { ...story(t, 12), title: "" }; // invalid: no title
    items[21] = { ...story(t, 21), source_url: "ftp://news.example/x", sourceUrl: undefined }; // invalid: not http(s)
    items[44] = { ...story(t, 44), publishedAt: "last Tuesday-ish" }; // invalid date
    const file = { type: "file" as const, name: `batch-${t}.json`, content: JSON.stringify(items) };
    const { id } = await createImportJob(admin.id, "FILES", [file]);

    const outcome = await runImportJob(id);
    expect(outcome).toEqual({ state: "finished", status: "PARTIAL", total: 50, imported: 45, duplicates: 2, failed: 3 });

    const job = (await getImportJob(id, { includeArticles: true }))!;
    expect(job).toMatchObject({ kind: "FILES", status: "PARTIAL", total: 50, imported: 45, duplicates: 2, failed: 3 });
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(job.errors).toEqual([
      { index: 12, label: `batch-${t}.json, item 13`, fields: { title: expect.any(String) }, message: expect.stringMatching(/^title: /) },
      { index: 21, label: `batch-${t}.json, item 22`, fields: { sourceUrl: "must be an http or https URL" }, message: "sourceUrl: must be an http or https URL" },
      { index: 44, label: `batch-${t}.json, item 45`, fields: { publishedAt: expect.stringMatching(/date/) }, message: expect.stringMatching(/^publishedAt: /) },
    ]);
    const dup = job.articles!.filter((a) => a.status === "duplicate");
    expect(dup.map((a) => a.index)).toEqual([7, 30]);
    expect(dup[0].articleId).toBe(existing.id);
    const imported = job.articles!.filter((a) => a.status === "imported");
    expect(imported).toHaveLength(45);
    expect(new Set(imported.map((a) => a.articleId)).size).toBe(45);
    expect(dup[1].articleId).toBe(imported.find((a) => a.index === 3)!.articleId);
    expect(await prisma.article.count({ where: { sourceUrl: { startsWith: `https://news.example/${t}/` } } })).toBe(46);

    const audit = await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["import.create", "import.start", "import.finish"]);
    expect(audit.every((a) => a.actorId === admin.id)).toBe(true);
    expect(audit[2].changes).toMatchObject({ status: "PARTIAL", imported: 45, duplicates: 2, failed: 3 });
    // The raw input is dropped once it became items; settled items keep no input either.
    const row = await prisma.importJob.findUniqueOrThrow({ where: { id } });
    expect(row.input).toBeNull();
    expect(await prisma.importItem.count({ where: { jobId: id, NOT: { input: { equals: null as never } } } })).toBe(0);
  });

  it("reads CSV, Markdown and text files, and reports an unreadable file as one failed item", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    const csv = `title,text,source_url,author,date\n"CSV ${t} one","Body one ${t}, with a comma.",https://csv.example/${t}/1,Kim Lee,2024-01-02\n,"No title ${t}",https://csv.example/${t}/2,,\n`;
    const md = `---\ntitle: Markdown ${t}\nauthor: Lu Wang\n---\n\n# Heading\n\nA markdown body ${t}.\n`;
    const { id } = await createImportJob(admin.id, "FILES", [
      { type: "file", name: "sheet.csv", content: csv },
      { type: "file", name: "note.md", content: md },
      { type: "file", name: "plain.txt", content: `Text ${t} title\n\nThe text body ${t}.` },
      { type: "file", name: "broken.json", content: "[{" },
    ]);
    const job = await runToEnd(id, {}, 200);
    expect(job).toMatchObject({ status: "PARTIAL", total: 5, imported: 3, duplicates: 0, failed: 2 });
    expect(job.errors).toEqual([
      { index: 1, label: "sheet.csv, row 3", fields: { title: "is required" }, message: "title: is required" },
      { index: 4, label: "broken.json", fields: { files: expect.stringMatching(/^broken\.json: is not valid JSON/) }, message: expect.stringMatching(/^broken\.json: is not valid JSON/) },
    ]);
    const titles = job.articles!.map((a) => a.title);
    expect(titles).toEqual([`CSV ${t} one`, `Markdown ${t}`, `Text ${t} title`]);
    const csvArticle = await prisma.article.findUniqueOrThrow({ where: { id: job.articles![0].articleId } });
    expect(csvArticle).toMatchObject({ author: "Kim Lee", sourceUrl: `https://csv.example/${t}/1` });
  });

  it("imports a news page by URL from a local server: title, author and date extracted", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { id } = await createImportJob(admin.id, "URL", [{ type: "url", url: `${base}/news/bridge-${tag}?utm_source=test` }]);
    const job = await runToEnd(id, {}, 200);
    expect(job).toMatchObject({ status: "SUCCEEDED", total: 1, imported: 1, failed: 0 });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: job.articles![0].articleId } });
    expect(article.title).toBe(`Bridge reopens after ${tag} repairs`);
    expect(article.author).toBe("Maria Lopez");
    expect(article.publishedAt?.toISOString()).toBe("2024-04-02T07:30:00.000Z");
    expect(article.sourceUrl).toBe(`${base}/news/bridge-${tag}`);
    expect(article.text).toContain("reopened to traffic on Tuesday");
    expect(article.text).not.toMatch(/Buy a boat|Related:|Sport/);

    // The same page again is a duplicate, not a second article.
    const again = await createImportJob(admin.id, "URL", [{ type: "url", url: `${base}/news/bridge-${tag}` }]);
    expect(await runToEnd(again.id, {}, 200)).toMatchObject({ status: "SUCCEEDED", imported: 0, duplicates: 1 });
  });

  it("imports each item of an RSS feed with its title, author and date", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { id } = await createImportJob(admin.id, "FEED", [{ type: "feed", url: `${base}/feed.xml` }]);
    const job = await runToEnd(id, {}, 200);
    expect(job).toMatchObject({ kind: "FEED", status: "SUCCEEDED", total: 3, imported: 3 });
    const articles = await prisma.article.findMany({ where: { id: { in: job.articles!.map((a) => a.articleId) } }, orderBy: { title: "asc" } });
    expect(articles.map((a) => [a.title, a.author, a.publishedAt?.toISOString().slice(0, 10), a.sourceUrl])).toEqual([
      [`Feed ${tag} story 1`, "Ana Costa", "2024-03-04", `${base}/news/feed-${tag}-1`],
      [`Feed ${tag} story 2`, "Ana Costa", "2024-03-11", `${base}/news/feed-${tag}-2`],
      [`Feed ${tag} story 3`, "Ana Costa", "2024-03-18", `${base}/news/feed-${tag}-3`],
    ]);
    expect(articles[0].text).toContain("the harbour board met on Monday");
  });

  it("refuses loopback addresses unless private hosts are allowed, failing the item with the field named", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const page = await createImportJob(admin.id, "URL", [{ type: "url", url: `${base}/news/bridge-${tag}` }]);
    const feed = await createImportJob(admin.id, "FEED", [{ type: "feed", url: `${base}/feed.xml` }]);
    for (const [id, field] of [[page.id, "url"], [feed.id, "feedUrl"]] as const) {
      expect(await runImportJob(id, { allowPrivate: false })).toMatchObject({ state: "finished", status: "FAILED", total: 1, failed: 1 });
      const job = (await getImportJob(id))!;
      expect(job.errors).toEqual([{ index: 0, label: expect.stringContaining("127.0.0.1"), fields: { [field]: expect.stringMatching(/refused: 127\.0\.0\.1 is a loopback address/) }, message: expect.stringMatching(/refused/) }]);
    }
  });

  it("resumes a job interrupted mid-way without duplicating articles or miscounting", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    const items = Array.from({ length: 20 }, (_, i) => story(t, i));
    items[15] = { ...story(t, 2), title: "Copy of 2" };
    items[5] = { ...story(t, 5), title: "" };
    const { id } = await createImportJob(admin.id, "ITEMS", [{ type: "items", items }]);

    // First run: stops after 8 items, as a restart would stop it.
    const stop = new AbortController();
    let settled = 0;
    const first = await runImportJob(id, { runnerId: "first", signal: stop.signal, onItemSettled: () => ++settled === 8 && stop.abort() });
    expect(first).toEqual({ state: "stopped" });
    // Items already under way when the stop came finish (they run a few at a time).
    expect(settled).toBeGreaterThanOrEqual(8);
    expect(settled).toBeLessThan(19);
    // The process "died" holding the lease: a recent heartbeat keeps others out.
    await prisma.importJob.update({ where: { id }, data: { lockedBy: "first", heartbeatAt: new Date() } });
    expect(await runImportJob(id, { runnerId: "second" })).toEqual({ state: "busy" });
    let mid = await prisma.importJob.findUniqueOrThrow({ where: { id } });
    expect(mid).toMatchObject({ status: "RUNNING", total: 20, finishedAt: null });
    // Those run before the stop, plus the invalid item 5, failed when the input was read.
    expect(mid.imported + mid.duplicates + mid.failed).toBe(settled + 1);
    expect(await prisma.importItem.count({ where: { jobId: id, status: "PENDING" } })).toBe(19 - settled);

    // Its lease goes stale: the next run takes over and finishes only what was pending.
    await prisma.importJob.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - LEASE_STALE_MS - 1000) } });
    expect(await runImportJob(id, { runnerId: "second" })).toEqual({ state: "finished", status: "PARTIAL", total: 20, imported: 18, duplicates: 1, failed: 1 });
    mid = await prisma.importJob.findUniqueOrThrow({ where: { id } });
    expect(mid).toMatchObject({ imported: 18, duplicates: 1, failed: 1, lockedBy: null });
    expect(await prisma.article.count({ where: { sourceUrl: { startsWith: `https://news.example/${t}/` } } })).toBe(18);
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["import.create", "import.start", "import.resume", "import.finish"]);

    // Running a finished job again changes nothing.
    expect(await runImportJob(id)).toEqual({ state: "done" });
    expect(await prisma.article.count({ where: { sourceUrl: { startsWith: `https://news.example/${t}/` } } })).toBe(18);
  });

  it("settles an item exactly once even when two runners race for it", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    const { id } = await createImportJob(admin.id, "ITEMS", [{ type: "items", items: Array.from({ length: 6 }, (_, i) => ({ ...story(t, i), sourceUrl: undefined })) }]);
    await runImportJob(id, { runnerId: "a", signal: AbortSignal.abort() }); // expands, settles nothing
    const item = await prisma.importItem.findFirstOrThrow({ where: { jobId: id, index: 0 } });
    // Someone else settled item 0 while this runner was about to: its article creation rolls back.
    await prisma.importItem.update({ where: { id: item.id }, data: { status: "FAILED", message: "settled elsewhere", settledAt: new Date() } });
    await prisma.importJob.update({ where: { id }, data: { failed: { increment: 1 } } });
    const r = await runImportJob(id, { runnerId: "b" });
    expect(r).toMatchObject({ state: "finished", imported: 5, failed: 1 });
    expect(await prisma.article.count({ where: { title: { startsWith: `Import ${t} story` } } })).toBe(5);
  });
});

describe("through pg-boss", () => {
  beforeAll(async () => {
    await startImportWorker({ connectionString: process.env.DATABASE_URL, sweepMs: 60_000 });
  });

  async function waitFinished(id: string) {
    for (let i = 0; i < 150; i++) {
      const job = await getImportJob(id);
      if (job?.finishedAt) return job;
      await sleep(200);
    }
    throw new Error(`import ${id} did not finish`);
  }

  it("runs an enqueued job in the background worker", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    const { id } = await createImportJob(admin.id, "ITEMS", [{ type: "items", items: [story(t, 1), story(t, 2), { title: "no body" }] }]);
    const queueJobId = await enqueueImportJob(id);
    expect(queueJobId).toMatch(/^[0-9a-f-]{36}$/);
    const job = await waitFinished(id);
    expect(job).toMatchObject({ status: "PARTIAL", total: 3, imported: 2, failed: 1 });
    expect(job.errors[0]).toMatchObject({ index: 2, fields: { text: expect.any(String) } });
  });

  it("re-queues a job whose runner died (stale lease) and finishes it", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const t = unique();
    const { id } = await createImportJob(admin.id, "ITEMS", [{ type: "items", items: [story(t, 1), story(t, 2)] }]);
    await prisma.importJob.update({
      where: { id },
      data: { status: "RUNNING", startedAt: new Date(), lockedBy: "dead-process", heartbeatAt: new Date(Date.now() - LEASE_STALE_MS - 5000) },
    });
    expect(await resumeStalledImports()).toContain(id);
    const job = await waitFinished(id);
    expect(job).toMatchObject({ status: "SUCCEEDED", imported: 2 });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["import.create", "import.resume", "import.finish"]);
  });
});
