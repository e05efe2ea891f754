import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { GET as getOne, PATCH as patchRoute } from "@/app/api/articles/[id]/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { articleInputSchema } from "@/lib/articles/schema";
import { updateArticle } from "@/lib/imports/mutations";
import { makeArticle, makeCaller, makeUser } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const uid = () => randomUUID().slice(0, 8);

const P1 = "Officials in Tehran said on Monday that the cyber attacks had failed completely.";
const P2 = "Stuxnet targeted Iran's nuclear facilities in November 2007, researchers say.";
const P3 = "The ministry will publish a technical report once the investigation is complete.";
const P4 = "A spokesman declined to name the countries behind the intrusion attempts.";
const P5 = "Analysts expect further attacks before the end of the year.";

const QUOTES = {
  shifted1: "the cyber attacks had failed completely",
  typo: "Stuxnet targeted Iran's nuclear facilities",
  shifted2: "a technical report",
  deleted: "declined to name the countries",
  shifted3: "further attacks before the end of the year",
};

const patch = (id: string, headers: Record<string, string>, body: unknown) => call(patchRoute, { method: "PATCH", params: { id }, headers, body });

async function articleWithClaims() {
  const tag = uid();
  const text = [P1, P2, P3, P4, P5, `Reference ${tag}.`].join("\n");
  const article = await makeArticle({ text });
  const reviewer = await makeCaller("REVIEWER");
  const claims: Record<keyof typeof QUOTES, { id: string; version: number }> = {} as never;
  for (const [key, quote] of Object.entries(QUOTES) as Array<[keyof typeof QUOTES, string]>) {
    const res = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer.headers, body: claimBody(article.text, quote) });
    expect(res.status).toBe(201);
    claims[key] = res.json as { id: string; version: number };
  }
  const edited = [
    `UPDATE: this story was updated on Tuesday with comment from the State Department (${tag}).`,
    P1,
    P2.replace("nuclear facilities", "nuclaer facilities"),
    P3,
    P5,
    `Reference ${tag}.`,
  ].join("\n");
  return { article, reviewer, claims, edited, tag };
}

describe("PATCH /api/articles/:id with new text", () => {
  it("makes a new revision and re-anchors every claim, audited, in one go", async () => {
    const { article, reviewer, claims, edited } = await articleWithClaims();
    const admin = await makeCaller("ADMIN");

    const res = await patch(article.id, admin.headers, { text: edited });
    expect(res.status).toBe(200);
    expect(res.json.reanchor).toEqual({ anchored: 3, fuzzy: 1, orphaned: 1 });
    expect(res.json.revision).toBe(2);
    // The canonical text: the same paragraphs, laid out as every import lays them out.
    const newText: string = res.json.text;
    expect(newText.split(/\n+/)).toEqual(edited.split("\n"));
    expect(res.json.blocks).toHaveLength(6);

    const stored = await prisma.claim.findMany({ where: { articleId: article.id } });
    const byId = new Map(stored.map((c) => [c.id, c]));
    for (const key of ["shifted1", "shifted2", "shifted3"] as const) {
      const c = byId.get(claims[key].id)!;
      expect(c.anchorStatus).toBe("ANCHORED");
      expect(newText.slice(c.start, c.end)).toBe(QUOTES[key]);
      expect({ exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end }).toEqual(describeSelector(newText, c.start, c.end));
    }
    const typo = byId.get(claims.typo.id)!;
    expect(typo.anchorStatus).toBe("FUZZY");
    expect(newText.slice(typo.start, typo.end)).toBe("Stuxnet targeted Iran's nuclaer facilities");
    expect(typo.exact).toBe("Stuxnet targeted Iran's nuclaer facilities");
    const orphan = byId.get(claims.deleted.id)!;
    expect(orphan.anchorStatus).toBe("ORPHANED");
    expect(orphan.exact).toBe(QUOTES.deleted);
    expect(article.text.slice(orphan.start, orphan.end)).toBe(QUOTES.deleted);
    // Each moved claim is a new version; the revision its verdict was made on stays 1.
    for (const c of stored) {
      expect(c.version).toBe(2);
      expect(c.articleRevision).toBe(1);
    }

    const revisions = await prisma.articleRevision.findMany({ where: { articleId: article.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions[0].text).toBe(article.text);
    expect(revisions[1].text).toBe(newText);

    const events = await prisma.auditEvent.findMany({ where: { entityId: { in: [article.id, ...stored.map((c) => c.id)] }, action: { in: ["article.revise", "claim.reanchor"] } } });
    const revise = events.filter((e) => e.action === "article.revise");
    expect(revise).toEqual([expect.objectContaining({ actorId: admin.user.id, entityId: article.id })]);
    expect(revise[0].changes).toMatchObject({ revision: { from: 1, to: 2 }, reanchor: { anchored: 3, fuzzy: 1, orphaned: 1 } });
    const reanchored = events.filter((e) => e.action === "claim.reanchor");
    expect(reanchored.map((e) => e.entityId).sort()).toEqual(stored.map((c) => c.id).sort());
    expect(reanchored.find((e) => e.entityId === claims.deleted.id)?.changes).toMatchObject({ anchorStatus: { from: "ANCHORED", to: "ORPHANED" } });

    // The reviewer's edit based on the old version is now stale: nothing is overwritten.
    const stale = await call(patchClaimRoute, { method: "PATCH", params: { id: claims.shifted1.id }, headers: reviewer.headers, body: { version: 1, claimText: "Changed" } });
    expect(stale.status).toBe(409);

    // A second revision re-anchors from the stored selectors; the orphan stays orphaned, FUZZY stays FUZZY.
    const again = await patch(article.id, admin.headers, { text: `Breaking.\n${newText}` });
    expect(again.json.reanchor).toEqual({ anchored: 3, fuzzy: 1, orphaned: 1 });
    expect(again.json.revision).toBe(3);
    expect(await prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(3);
  });

  it("takes html through the same sanitizer and re-anchors against its text", async () => {
    const { article, claims, tag } = await articleWithClaims();
    const admin = await makeCaller("ADMIN");
    const html = `<h2>Update</h2><p>${P1}</p><script>alert(1)</script><p onclick="x()">${P3}</p><p>${P5}</p><p>Reference ${tag}.</p>`;
    const res = await patch(article.id, admin.headers, { html });
    expect(res.status).toBe(200);
    expect(res.json.html).not.toMatch(/script|onclick/);
    expect(res.json.blocks[0].type).toBe("heading");
    expect(res.json.reanchor).toEqual({ anchored: 3, fuzzy: 0, orphaned: 2 });
    const c = await prisma.claim.findUniqueOrThrow({ where: { id: claims.shifted2.id } });
    expect(res.json.text.slice(c.start, c.end)).toBe(QUOTES.shifted2);
  });

  it("does not make a revision when the text is the same", async () => {
    const { article } = await articleWithClaims();
    const admin = await makeCaller("ADMIN");
    const res = await patch(article.id, admin.headers, { text: article.text });
    expect(res.status).toBe(200);
    expect(res.json.reanchor).toBeNull();
    expect(res.json.revision).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: { startsWith: "article.re" } } })).toBe(0);
  });

  it("refuses text that duplicates another article (409)", async () => {
    const other = await makeArticle();
    const { article } = await articleWithClaims();
    const admin = await makeCaller("ADMIN");
    const res = await patch(article.id, admin.headers, { text: other.text.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.json.error.fields).toHaveProperty("text");
    expect(res.json.existing.id).toBe(other.id);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).revision).toBe(1);
  });
});

describe("updateArticle (reviseArticle) for a re-import of a known URL", () => {
  it("takes an import's input, with no actor, and audits as the system", async () => {
    const { article, claims, edited } = await articleWithClaims();
    const input = articleInputSchema.parse({ title: article.title, text: edited, author: "Wire staff" });
    const { article: after, reanchor } = await updateArticle(null, article.id, input);
    expect(reanchor).toEqual({ anchored: 3, fuzzy: 1, orphaned: 1 });
    expect(after).toMatchObject({ revision: 2, author: "Wire staff" });
    const events = await prisma.auditEvent.findMany({ where: { entityId: { in: [article.id, claims.deleted.id] }, action: { in: ["article.revise", "claim.reanchor"] } } });
    expect(events.map((e) => [e.action, e.actorId]).sort()).toEqual([["article.revise", null], ["claim.reanchor", null]]);
    expect(events.find((e) => e.action === "article.revise")?.changes).toMatchObject({ author: { from: null, to: "Wire staff" } });
  });
});

describe("PATCH /api/articles/:id with metadata only", () => {
  it("updates the fields, audits the changes and makes no revision", async () => {
    const article = await makeArticle({ author: "Old byline", publisher: "Wire" });
    const admin = await makeCaller("ADMIN");
    const url = `https://News.example.com/story-${uid()}/?utm_source=x`;
    const res = await patch(article.id, admin.headers, { title: "  A   better title ", author: null, sourceUrl: url, publishedAt: "2019-06-24", language: "en" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: "A better title", author: null, publisher: "Wire", language: "en", revision: 1, reanchor: null });
    expect(res.json.sourceUrl).toMatch(/^https:\/\/news\.example\.com\/story-[a-z0-9]+$/);
    expect(res.json.publishedAt).toBe("2019-06-24T00:00:00.000Z");
    expect(await prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
    const events = await prisma.auditEvent.findMany({ where: { entityId: article.id, action: "article.update" } });
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0].changes as object).sort()).toEqual(["author", "language", "publishedAt", "sourceUrl", "title"]);
    expect(events[0].changes).toMatchObject({ author: { from: "Old byline", to: null } });

    const same = await patch(article.id, admin.headers, { title: "A better title" });
    expect(same.status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.update" } })).toBe(1);
  });

  it("refuses a source URL another article has (409 naming sourceUrl)", async () => {
    const url = `https://example.org/taken-${uid()}`;
    const holder = await makeArticle({ sourceUrl: url });
    const article = await makeArticle();
    const admin = await makeCaller("ADMIN");
    const res = await patch(article.id, admin.headers, { sourceUrl: `${url}/` });
    expect(res.status).toBe(409);
    expect(res.json.error.fields).toHaveProperty("sourceUrl");
    expect(res.json.existing.id).toBe(holder.id);
  });
});

describe("PATCH /api/articles/:id refusals", () => {
  it.each([
    ["an empty body object", {}, "body"],
    ["an empty title", { title: "  " }, "title"],
    ["empty text", { text: " " }, "text"],
    ["text of the wrong type", { text: 42 }, "text"],
    ["a javascript: source URL", { sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
    ["a bad date", { publishedAt: "yesterday-ish" }, "publishedAt"],
    ["a bad language", { language: "english please" }, "language"],
    ["an unknown field", { title: "T", status: "PUBLISHED" }, "status"],
    ["html with no readable text", { html: "<script>alert(1)</script>" }, "html"],
  ])("rejects %s with 400 naming the field", async (_name, body, field) => {
    const article = await makeArticle();
    const admin = await makeCaller("ADMIN");
    const res = await patch(article.id, admin.headers, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_input");
    expect(res.json.error.fields).toHaveProperty(field);
    const after = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.title).toBe(article.title);
    expect(after.revision).toBe(1);
  });

  it("is for admins only; 404 for an unknown article", async () => {
    const article = await makeArticle();
    for (const role of ["REVIEWER", "EDITOR"] as const) {
      const { headers } = await makeCaller(role);
      const res = await patch(article.id, headers, { title: "Hijacked" });
      expect(res.status).toBe(403);
    }
    expect((await patch(article.id, {}, { title: "Hijacked" })).status).toBe(401);
    const admin = await makeCaller("ADMIN");
    const missing = await patch("no-such-article", admin.headers, { title: "X" });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
    const unchanged = await call(getOne, { params: { id: article.id }, headers: admin.headers });
    expect(unchanged.json.title).toBe(article.title);
  });
});

describe("re-anchoring at scale", () => {
  it("re-anchors 1,000 claims after an edit through the API in well under 5 s", async () => {
    const tag = uid();
    const paragraphs = Array.from({ length: 250 }, (_, i) => `Paragraph ${i} (${tag}): ${[P1, P2, P3, P4, P5][i % 5]} Item ${i * 7} of the ledger.`);
    const article = await makeArticle({ text: paragraphs.join("\n") });
    const author = await makeUser();
    const data = Array.from({ length: 1000 }, (_, i) => {
      const head = `Paragraph ${i % 250} (${tag}): `;
      const at = article.text.indexOf(head) + head.length + Math.floor(i / 250) * 12;
      return { articleId: article.id, authorId: author.id, claimText: `Claim ${i}`, verdict: "MIXED" as const, anchorStatus: "ANCHORED" as const, ...describeSelector(article.text, at, at + 18) };
    });
    await prisma.claim.createMany({ data });
    // An inserted paragraph moves every claim, and one paragraph loses its quotes.
    const edited = [`Editor's note (${tag}): corrected on Tuesday.`, ...paragraphs.filter((_, i) => i !== 3)].join("\n");
    const admin = await makeCaller("ADMIN");

    const t0 = performance.now();
    const res = await patch(article.id, admin.headers, { text: edited });
    const ms = performance.now() - t0;
    console.log(`[reimport] re-anchored 1,000 claims through PATCH /api/articles/:id in ${ms.toFixed(0)} ms`);
    expect(res.status).toBe(200);
    expect(res.json.reanchor.anchored + res.json.reanchor.fuzzy + res.json.reanchor.orphaned).toBe(1000);
    // The deleted paragraph's quotes recur in other paragraphs, so they move rather than orphan.
    expect(res.json.reanchor.anchored).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(5000);
    const sample = await prisma.claim.findMany({ where: { articleId: article.id, anchorStatus: "ANCHORED" }, take: 50 });
    for (const c of sample) expect(res.json.text.slice(c.start, c.end)).toBe(c.exact);
    expect(await prisma.auditEvent.count({ where: { action: "claim.reanchor", entityId: { in: sample.map((c) => c.id) } } })).toBe(50);
  }, 60_000);
});
