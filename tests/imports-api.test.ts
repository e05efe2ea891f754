import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { POST as postImport } from "@/app/api/imports/route";
import { GET as getImport } from "@/app/api/imports/[jobId]/route";
import { stopImportQueue } from "@/lib/imports/queue";
import { runImportJob } from "@/lib/imports/run";
import { makeCaller } from "@/seeds/factories";
import { call } from "./support/http";

const unique = () => Math.random().toString(36).slice(2, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  // POST queued its jobs through pg-boss; stop this process's queue client.
  await stopImportQueue();
});

/** Runs the job here (no worker in this process), or waits for whoever holds it. */
async function finish(jobId: string, headers: Record<string, string>) {
  for (let i = 0; i < 200; i++) {
    const r = await runImportJob(jobId);
    if (r.state === "finished" || r.state === "done") break;
    await sleep(100);
  }
  const res = await call(getImport, { path: `/api/imports/${jobId}?include=articles`, headers, params: { jobId } });
  expect(res.status).toBe(200);
  return res.json;
}

async function upload(files: File[], headers: Record<string, string>, field = "files") {
  const form = new FormData();
  for (const f of files) form.append(field, f);
  const req = new NextRequest("http://localhost:3000/api/imports", { method: "POST", body: form, headers });
  const res = await postImport(req, { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const story = (tag: string, i: number) => ({
  title: `API ${tag} story ${i}`,
  text: `Story ${i} of ${tag}.\n\nThe second paragraph of story ${i}.`,
  sourceUrl: `https://api-import.example/${tag}/${i}`,
  author: "Desk",
  publishedAt: "2024-05-01",
});

describe("POST /api/imports and GET /api/imports/:jobId: who may", () => {
  it("is 401 without a session or token and 403 below admin, in the spec's error shape", async () => {
    const anon = await call(postImport, { path: "/api/imports", body: { url: "https://example.org/a" } });
    expect(anon.status).toBe(401);
    expect(anon.json).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect((await call(getImport, { path: "/api/imports/x", params: { jobId: "x" } })).status).toBe(401);
    for (const role of ["REVIEWER", "EDITOR"] as const) {
      const { headers } = await makeCaller(role);
      const post = await call(postImport, { path: "/api/imports", headers, body: { url: "https://example.org/a" } });
      expect(post.status).toBe(403);
      expect(post.json.error.code).toBe("forbidden");
      expect((await upload([new File(["title,text\nA,B"], "a.csv")], headers)).status).toBe(403);
      expect((await call(getImport, { path: "/api/imports/x", headers, params: { jobId: "x" } })).status).toBe(403);
    }
    const admin = await makeCaller("ADMIN");
    const missing = await call(getImport, { path: "/api/imports/nope", headers: admin.headers, params: { jobId: "nope" } });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });
});

describe("POST /api/imports with JSON", () => {
  it("queues {items} (202 {jobId}); 50 items with 2 duplicates and 3 invalid end 45/2/3 with reasons naming the field", async () => {
    const { headers, user } = await makeCaller("ADMIN");
    const t = unique();
    const items: Record<string, unknown>[] = Array.from({ length: 50 }, (_, i) => story(t, i));
    items[10] = { ...story(t, 1), title: "Same URL as item 1" };
    items[20] = { ...story(t, 2), sourceUrl: `https://api-import.example/${t}/other`, title: "Same text as item 2" };
    items[3] = { ...story(t, 3), title: undefined };
    items[33] = { ...story(t, 33), sourceUrl: "javascript:alert(1)" };
    items[48] = { ...story(t, 48), verdict: "TRUE" };
    const res = await call(postImport, { path: "/api/imports", headers, body: { items } });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ jobId: expect.any(String) });
    const queued = await prisma.importJob.findUniqueOrThrow({ where: { id: res.json.jobId } });
    expect(queued).toMatchObject({ kind: "ITEMS", createdById: user.id, label: "50 items" });
    expect(queued.queueJobId).toMatch(/^[0-9a-f-]{36}$/);

    const job = await finish(res.json.jobId, headers);
    expect(Object.keys(job).sort()).toEqual(
      ["id", "kind", "label", "status", "total", "imported", "duplicates", "failed", "errors", "createdAt", "startedAt", "finishedAt", "articles"].sort(),
    );
    expect(job).toMatchObject({ id: res.json.jobId, kind: "ITEMS", status: "PARTIAL", total: 50, imported: 45, duplicates: 2, failed: 3 });
    expect(job.errors).toEqual([
      { index: 3, label: "Item 4", fields: { title: "is required" }, message: "title: is required" },
      { index: 33, label: `Item 34: API ${t} story 33`, fields: { sourceUrl: "must be an http or https URL" }, message: "sourceUrl: must be an http or https URL" },
      { index: 48, label: `Item 49: API ${t} story 48`, fields: { verdict: "is not a known field" }, message: "verdict: is not a known field" },
    ]);
    expect(job.articles.filter((a: { status: string }) => a.status === "duplicate").map((a: { index: number }) => a.index)).toEqual([10, 20]);
    expect(new Date(job.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.startedAt).getTime());

    // Without ?include=articles the poll stays small.
    const poll = await call(getImport, { path: `/api/imports/${job.id}`, headers, params: { jobId: job.id } });
    expect(poll.json).not.toHaveProperty("articles");
    expect(poll.json.errors).toHaveLength(3);
  });

  it("queues a paste (kind PASTE) and refuses a bad one at once", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const res = await call(postImport, { path: "/api/imports", headers, body: { paste: { title: `Pasted ${t}`, html: `<p>Pasted <b>${t}</b> body.</p><script>x()</script>` } } });
    expect(res.status).toBe(202);
    const job = await finish(res.json.jobId, headers);
    expect(job).toMatchObject({ kind: "PASTE", status: "SUCCEEDED", imported: 1 });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: job.articles[0].articleId } });
    expect(article.text).toBe(`Pasted ${t} body.`);
    expect(article.html).not.toContain("script");

    const bad = await call(postImport, { path: "/api/imports", headers, body: { paste: { text: "no title" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ "paste.title": "is required" });
  });

  it.each([
    [{}, "body"],
    [{ url: "https://example.org/a", feedUrl: "https://example.org/feed" }, "feedUrl"],
    [{ url: "ftp://example.org/a" }, "url"],
    [{ feedUrl: "not a url" }, "feedUrl"],
    [{ items: [] }, "items"],
    [{ items: "many" }, "items"],
    [{ file: "x" }, "file"],
  ])("refuses %j naming %s", async (body, field) => {
    const { headers } = await makeCaller("ADMIN");
    const res = await call(postImport, { path: "/api/imports", headers, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.fields).toHaveProperty(field);
  });

  it("refuses broken JSON and other content types", async () => {
    const { headers } = await makeCaller("ADMIN");
    const broken = await call(postImport, { path: "/api/imports", headers: { ...headers, "content-type": "application/json" }, rawBody: "{" });
    expect(broken.status).toBe(400);
    expect(broken.json.error.fields).toEqual({ body: "is not valid JSON" });
    const text = await call(postImport, { path: "/api/imports", headers: { ...headers, "content-type": "text/plain" }, rawBody: "hello" });
    expect(text.status).toBe(400);
    expect(text.json.error.fields).toHaveProperty("body");
  });

  it("refuses a loopback URL at once when private hosts are not allowed", async () => {
    const { headers } = await makeCaller("ADMIN");
    const saved = process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
    delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
    reloadEnv();
    try {
      const res = await call(postImport, { path: "/api/imports", headers, body: { url: "http://127.0.0.1:9/news" } });
      expect(res.status).toBe(400);
      expect(res.json.error.fields.url).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
      const feed = await call(postImport, { path: "/api/imports", headers, body: { feedUrl: "http://[::1]/feed" } });
      expect(feed.status).toBe(400);
      expect(feed.json.error.fields.feedUrl).toMatch(/refused/);
    } finally {
      process.env.IMPORT_ALLOW_PRIVATE_HOSTS = saved;
      reloadEnv();
    }
  });
});

describe("POST /api/imports with files (multipart)", () => {
  it("imports a CSV and a JSON file uploaded together", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    const csv = new File([`Title,Text,Source URL,Author,Published\n"CSV ${t} A","Body A ${t}",https://csv-up.example/${t}/a,Ann,2024-02-01\n"CSV ${t} B","Body B ${t}",https://csv-up.example/${t}/b,Ben,2024-02-02\n`], "sheet.csv", { type: "text/csv" });
    const json = new File([JSON.stringify({ articles: [{ title: `JSON ${t} C`, html: `<p>Body C ${t}</p>`, url: `https://csv-up.example/${t}/c` }, { title: `JSON ${t} D`, text: `Body A ${t}` }] })], "export.json", { type: "application/json" });
    const res = await upload([csv, json], headers);
    expect(res.status).toBe(202);
    const job = await finish(res.json.jobId, headers);
    expect(job).toMatchObject({ kind: "FILES", label: "2 files: sheet.csv, export.json", status: "SUCCEEDED", total: 4, imported: 3, duplicates: 1, failed: 0 });
    expect(job.articles.map((a: { label: string; status: string }) => [a.label, a.status])).toEqual([
      ["sheet.csv, row 2", "imported"],
      ["sheet.csv, row 3", "imported"],
      ["export.json, item 1", "imported"],
      ["export.json, item 2", "duplicate"],
    ]);
    const b = await prisma.article.findUniqueOrThrow({ where: { id: job.articles[1].articleId } });
    expect(b).toMatchObject({ title: `CSV ${t} B`, author: "Ben", sourceUrl: `https://csv-up.example/${t}/b` });
  });

  it("is 413 for more than 20 MB, and 400 for no files or an unsupported type", async () => {
    const { headers } = await makeCaller("ADMIN");
    const big = new File([new Uint8Array(21 * 1024 * 1024).fill(65)], "huge.txt", { type: "text/plain" });
    const tooBig = await upload([big], headers);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json).toEqual({ error: { code: "too_large", message: expect.stringMatching(/larger than/), fields: { files: expect.any(String) } } });
    const split = await upload([new File([new Uint8Array(11 * 1024 * 1024).fill(65)], "a.txt"), new File([new Uint8Array(10 * 1024 * 1024).fill(66)], "b.txt")], headers);
    expect(split.status).toBe(413);

    const none = await upload([new File(["x"], "a.csv")], headers, "other");
    expect(none.status).toBe(400);
    expect(none.json.error.fields).toEqual({ files: "choose at least one file" });
    const binary = await upload([new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], "archive.txt")], headers);
    expect(binary.status).toBe(400);
    expect(binary.json.error.fields).toEqual({ files: "archive.txt: is not a text file (it holds NUL bytes)" });
    const nul = await call(postImport, { path: "/api/imports", headers, body: { items: [{ title: "A\u0000B", text: "x" }] } });
    expect(nul.status).toBe(400);
    expect(nul.json.error.fields).toEqual({ "items.0.title": expect.stringMatching(/NUL/) });
    const pdf = await upload([new File(["%PDF"], "report.pdf")], headers);
    expect(pdf.status).toBe(400);
    expect(pdf.json.error.fields.files).toMatch(/^report\.pdf: unsupported file type/);
  });

  it("fails an .html upload of 19 MB of tiny tags as one item naming the file, without building its DOM", async () => {
    const { headers } = await makeCaller("ADMIN");
    const t = unique();
    // ~2.4 million tags: as a DOM, several gigabytes; refused by counting them first.
    const dense = new File([`<html><head><title>Dense ${t}</title></head><body><article>${"<b>x</b>".repeat(19 * 1024 * 128)}</article></body></html>`], "dense.html", { type: "text/html" });
    const ok = new File([`Title: Small ${t}\n\nThe story beside the big one, ${t}.`], "small.txt", { type: "text/plain" });
    const res = await upload([dense, ok], headers);
    expect(res.status).toBe(202);
    const before = process.memoryUsage().rss;
    const job = await finish(res.json.jobId, headers);
    expect(job).toMatchObject({ status: "PARTIAL", total: 2, imported: 1, failed: 1 });
    expect(job.errors).toEqual([{ index: 0, label: "dense.html", message: "dense.html: the page has more than 100000 HTML tags, too many to read", fields: { files: "dense.html: the page has more than 100000 HTML tags, too many to read" } }]);
    // Not a timing test: the refusal is a count, so memory barely moves.
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024);
  });
});
