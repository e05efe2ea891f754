import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as list, POST as create } from "@/app/api/articles/route";
import { GET as getOne, PATCH as patchOne } from "@/app/api/articles/[id]/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { GET as health } from "@/app/api/health/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { revokeApiToken } from "@/lib/tokens/mutations";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const unique = () => Math.random().toString(36).slice(2, 10);

const FIELD_LABELS: Record<string, string> = { title: "Title", text: "Text", html: "HTML", sourceUrl: "Source URL", publishedAt: "Published date", language: "Language" };

describe("GET /api/health", () => {
  it("reports the database up", async () => {
    const res = await call(health, { path: "/api/health" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok", db: "ok" });
  });
});

describe("GET /api/articles", () => {
  it("is 401 without a session or token, in the spec's error shape", async () => {
    const res = await call(list, { path: "/api/articles" });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("refuses a revoked token and a deactivated user's token", async () => {
    const revoked = await makeCaller("ADMIN");
    await revokeApiToken(revoked.user.id, revoked.tokenId);
    expect((await call(list, { path: "/api/articles", headers: revoked.headers })).status).toBe(401);
    const inactive = await makeCaller("ADMIN", { active: false });
    expect((await call(list, { path: "/api/articles", headers: inactive.headers })).status).toBe(401);
    expect((await call(list, { path: "/api/articles", headers: { authorization: "Bearer vrt_nonsense" } })).status).toBe(401);
  });

  it("searches titles, filters by status and pages", async () => {
    const tag = unique();
    for (let i = 0; i < 5; i++) await makeArticle({ title: `Paging ${tag} number ${i}` });
    const archived = await makeArticle({ title: `Paging ${tag} archived` });
    await prisma.article.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });
    const { headers } = await makeCaller("REVIEWER");

    const page1 = await call(list, { path: `/api/articles?q=${tag.toUpperCase()}&pageSize=4`, headers });
    expect(page1.status).toBe(200);
    expect(page1.json.total).toBe(6);
    expect(page1.json.items).toHaveLength(4);
    const page2 = await call(list, { path: `/api/articles?q=${tag}&pageSize=4&page=2`, headers });
    expect(page2.json.items).toHaveLength(2);
    const ids = [...page1.json.items, ...page2.json.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(6);
    expect(page1.json.items[0]).not.toHaveProperty("text");

    const onlyArchived = await call(list, { path: `/api/articles?q=${tag}&status=ARCHIVED`, headers });
    expect(onlyArchived.json.items.map((a: { id: string }) => a.id)).toEqual([archived.id]);
  });

  it.each([
    ["status=NOPE", "status"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=1000", "pageSize"],
  ])("rejects ?%s naming the field", async (qs, field) => {
    const { headers } = await makeCaller("REVIEWER");
    const res = await call(list, { path: `/api/articles?${qs}`, headers });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });
});

describe("GET /api/articles/:id", () => {
  it("returns the text and blocks; 404 for an unknown id", async () => {
    const article = await makeArticle();
    const { headers } = await makeCaller("REVIEWER");
    const res = await call(getOne, { path: `/api/articles/${article.id}`, headers, params: { id: article.id } });
    expect(res.status).toBe(200);
    expect(res.json.text).toBe(article.text);
    expect(res.json.blocks).toHaveLength(3);
    for (const b of res.json.blocks) expect(article.text.slice(b.start, b.end).length).toBeGreaterThan(0);
    const missing = await call(getOne, { path: "/api/articles/nope", headers, params: { id: "nope" } });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });
});

describe("POST /api/articles", () => {
  it("creates an article (201) with blocks, a revision and an audit event", async () => {
    const { headers, user } = await makeCaller("ADMIN");
    const res = await call(create, {
      path: "/api/articles",
      headers,
      body: {
        title: "  Iran says U.S. cyber attacks failed (copy) ",
        html: `<h2>Dispatch</h2><p>Stuxnet targeted Iran's nuclear facilities in November 2007.</p><script>alert(1)</script><p onclick="x()">More ${unique()}</p>`,
        sourceUrl: `https://News.example.com/story-${unique()}/?utm_source=feed#top`,
        author: "Wire staff",
        publishedAt: "2019-06-24",
        language: "en",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.title).toBe("Iran says U.S. cyber attacks failed (copy)");
    expect(res.json.sourceUrl).toMatch(/^https:\/\/news\.example\.com\/story-[a-z0-9]+$/);
    expect(res.json.html).not.toMatch(/script|onclick/);
    expect(res.json.blocks.map((b: { type: string }) => b.type)).toEqual(["heading", "paragraph", "paragraph"]);
    expect(res.json.text).toContain("in November 2007");
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: res.json.id }, include: { revisions: true } });
    expect(stored.revisions).toHaveLength(1);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: res.json.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "article.create", actorId: user.id })]);
  });

  it("reports a duplicate source URL or text with 409 and stores nothing new", async () => {
    const { headers } = await makeCaller("ADMIN");
    const url = `https://example.org/dup-${unique()}`;
    const text = `Duplicate body ${unique()}`;
    expect((await call(create, { path: "/api/articles", headers, body: { title: "One", text, sourceUrl: url } })).status).toBe(201);
    const before = await prisma.article.count({ where: { title: { in: ["Two", "Three"] } } });
    const sameUrl = await call(create, { path: "/api/articles", headers, body: { title: "Two", text: `Other ${unique()}`, sourceUrl: `${url}/` } });
    expect(sameUrl.status).toBe(409);
    expect(sameUrl.json.error.fields).toHaveProperty("sourceUrl");
    const sameText = await call(create, { path: "/api/articles", headers, body: { title: "Three", text: `  ${text.toUpperCase()} ` } });
    expect(sameText.status).toBe(409);
    expect(sameText.json.existing.id).toBeTruthy();
    expect(await prisma.article.count({ where: { title: { in: ["Two", "Three"] } } })).toBe(before);
  });

  it.each([
    ["missing title", { text: "x" }, "title"],
    ["empty title", { title: "   ", text: "x" }, "title"],
    ["no text or html", { title: "T" }, "text"],
    ["text of the wrong type", { title: "T", text: 42 }, "text"],
    ["javascript: source URL", { title: "T", text: "x", sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
    ["relative source URL", { title: "T", text: "x", sourceUrl: "/news/1" }, "sourceUrl"],
    ["bad date", { title: "T", text: "x", publishedAt: "yesterday-ish" }, "publishedAt"],
    ["bad language", { title: "T", text: "x", language: "english please" }, "language"],
    ["unknown field", { title: "T", text: "x", isAdmin: true }, "isAdmin"],
    ["html with no text", { title: "T", html: "<script>alert(1)</script>" }, "html"],
    ["title too long", { title: "x".repeat(501), text: "x" }, "title"],
  ])("rejects %s with 400 naming the field", async (_name, body, field) => {
    const { headers } = await makeCaller("ADMIN");
    const title = (body as { title?: unknown }).title;
    const countTitle = () => prisma.article.count({ where: { title: typeof title === "string" ? title.trim() : "" } });
    const before = await countTitle();
    const res = await call(create, { path: "/api/articles", headers, body: body as Record<string, unknown> });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.fields).toHaveProperty(field);
    // The summary names the field as the form shows it ("Source URL"), not by its JSON key.
    expect(res.json.error.message.toLowerCase()).toContain((FIELD_LABELS[field] ?? field).toLowerCase());
    expect(await countTitle()).toBe(before);
  });

  it.each([
    ["not JSON", "{title: nope", 400],
    ["an empty body", "", 400],
    ["a JSON array", "[]", 400],
    ["over 1 MB", JSON.stringify({ title: "Big", text: "x".repeat(1_100_000) }), 413],
  ])("answers %s with %i", async (_name, rawBody, status) => {
    const { headers } = await makeCaller("ADMIN");
    const res = await call(create, { path: "/api/articles", headers: { ...headers, "content-type": "application/json" }, rawBody });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(status === 413 ? "too_large" : "invalid_input");
  });

  it("is for admins only", async () => {
    for (const role of ["REVIEWER", "EDITOR"] as const) {
      const { headers } = await makeCaller(role);
      const res = await call(create, { path: "/api/articles", headers, body: { title: "T", text: `x ${unique()}` } });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    expect((await call(create, { path: "/api/articles", body: { title: "T", text: "x" } })).status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another site", async () => {
    const { user } = await makeCaller("ADMIN");
    const { sessionCookie } = await import("./support/http");
    const cookie = await sessionCookie(user);
    const res = await call(create, { path: "/api/articles", headers: { ...cookie, origin: "https://evil.example", host: "localhost:3000" }, body: { title: "T", text: `x ${unique()}` } });
    expect(res.status).toBe(403);
  });
});

describe("PATCH /api/articles/:id: the admin's details form", () => {
  it("changes and clears details without a revision, leaving every claim as it was", async () => {
    const article = await makeArticle({ text: `The sky was green in 2007, a witness said (${unique()}).\n\nNobody else saw it.`, author: "First byline", publisher: "Wire" });
    const reviewer = await makeCaller("REVIEWER");
    const made = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer.headers, body: claimBody(article.text, "The sky was green in 2007") });
    expect(made.status).toBe(201);
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: made.json.id } });

    const { headers, user } = await makeCaller("ADMIN");
    // What the form sends: only the changed fields; an emptied one as null.
    const res = await call(patchOne, { method: "PATCH", path: `/api/articles/${article.id}`, params: { id: article.id }, headers, body: { author: "Second byline", publisher: null, publishedAt: "2024-03-06", language: "en-GB" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ author: "Second byline", publisher: null, publishedAt: "2024-03-06T00:00:00.000Z", language: "en-GB", revision: 1, reanchor: null, text: article.text });

    const after = await prisma.claim.findUniqueOrThrow({ where: { id: made.json.id } });
    expect(after).toEqual(before);
    expect(await prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
    const events = await prisma.auditEvent.findMany({ where: { OR: [{ entityId: article.id }, { entityId: made.json.id }] }, orderBy: { createdAt: "asc" } });
    expect(events.filter((e) => e.action === "claim.reanchor")).toEqual([]);
    expect(events.filter((e) => e.action === "article.update")).toEqual([
      expect.objectContaining({ actorId: user.id, changes: expect.objectContaining({ author: { from: "First byline", to: "Second byline" }, publisher: { from: "Wire", to: null } }) }),
    ]);
  });

  it("refuses reviewers and editors (403) and changes nothing", async () => {
    const article = await makeArticle({ author: "Kept byline" });
    for (const role of ["REVIEWER", "EDITOR"] as const) {
      const { headers } = await makeCaller(role);
      const res = await call(patchOne, { method: "PATCH", path: `/api/articles/${article.id}`, params: { id: article.id }, headers, body: { author: "Changed", publisher: "Changed" } });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.author).toBe("Kept byline");
    expect(stored.publisher).toBe(article.publisher);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.update" } })).toBe(0);
  });
});
