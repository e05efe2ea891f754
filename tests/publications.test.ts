// Publishing as numbered, immutable publications: what goes live is the snapshot
// an editor confirmed, never the live claim rows.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { GET as previewRoute, POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as unpublishRoute } from "@/app/api/articles/[id]/unpublish/route";
import { GET as publicationsRoute } from "@/app/api/articles/[id]/publications/route";
import { GET as claimReviewRoute } from "@/app/api/fact-checks/[slug]/claimreview/route";
import { getPublishedFactCheck } from "@/lib/publishing/data";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

type Caller = Awaited<ReturnType<typeof makeCaller>>;
type Article = Awaited<ReturnType<typeof makeArticle>>;

const QUOTES = ["the sky was green in 2007", "It has a second paragraph", "And a third."] as const;

async function desk() {
  const article = await makeArticle({ sourceUrl: `https://publications.example/${Math.random().toString(36).slice(2)}` });
  return { article, reviewer: await makeCaller("REVIEWER"), editor: await makeCaller("EDITOR") };
}

async function draft(article: Article, owner: Caller, quote: string, overrides: Record<string, unknown> = {}) {
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, quote, { claimText: `Claim on “${quote}”`, ...overrides }) });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; version: number; claimText: string };
}

async function submitted(article: Article, owner: Caller, quote: string, overrides: Record<string, unknown> = {}) {
  const c = await draft(article, owner, quote, overrides);
  const res = await call(submitRoute, { params: { id: c.id }, headers: owner.headers, body: { version: c.version } });
  expect(res.status, res.text).toBe(200);
  return res.json as { id: string; version: number; claimText: string };
}

async function decide(claim: { id: string; version: number }, editor: Caller, decision: "APPROVE" | "REJECT" | "REQUEST_CHANGES") {
  const res = await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision, version: claim.version, ...(decision === "APPROVE" ? {} : { comment: "Not this time." }) } });
  expect(res.status, res.text).toBe(200);
  return res.json as { id: string; version: number; claimText: string; status: string };
}

const approved = async (article: Article, owner: Caller, editor: Caller, quote: string, overrides: Record<string, unknown> = {}) =>
  decide(await submitted(article, owner, quote, overrides), editor, "APPROVE");

const publish = (article: Article, editor: Caller, body?: Record<string, unknown>) => call(publishRoute, { params: { id: article.id }, headers: editor.headers, ...(body ? { body } : { method: "POST" }) });
const preview = (article: Article, who: Caller) => call(previewRoute, { params: { id: article.id }, headers: who.headers });
const publicClaims = async (article: Article) => {
  const res = await call(claimReviewRoute, { params: { slug: article.slug } });
  return res.status === 200 ? (res.json as unknown as Array<{ claimReviewed: string }>).map((r) => r.claimReviewed) : res.status;
};

describe("publications", () => {
  it("numbers each publication 1, 2, 3… per article; an update needs a note; the list is newest first with editor and snapshot", async () => {
    const { article, reviewer, editor } = await desk();
    const first = await approved(article, reviewer, editor, QUOTES[0]);

    const one = await publish(article, editor);
    expect(one.status, one.text).toBe(200);
    expect(one.json).toMatchObject({ status: "PUBLISHED", url: `/fact-checks/${article.slug}`, publication: { number: 1, note: null, kind: "publish" } });

    const second = await approved(article, reviewer, editor, QUOTES[1]);
    const noNote = await publish(article, editor);
    expect(noNote.status).toBe(400);
    expect(noNote.json.error.fields.note).toMatch(/note for readers/i);
    const blank = await publish(article, editor, { note: "   " });
    expect(blank.status).toBe(400);
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(1);

    const two = await publish(article, editor, { note: "Added a check of the second paragraph." });
    expect(two.status, two.text).toBe(200);
    expect(two.json.publication).toMatchObject({ number: 2, note: "Added a check of the second paragraph.", kind: "update" });

    const list = await call(publicationsRoute, { params: { id: article.id }, headers: reviewer.headers });
    expect(list.status).toBe(200);
    const items = list.json.items as Array<{ number: number; note: string | null; createdAt: string; editor: { id: string; name: string }; claims: Array<Record<string, unknown>> }>;
    expect(items.map((p) => p.number)).toEqual([2, 1]);
    expect(items[0].editor).toEqual({ id: editor.user.id, name: editor.user.name });
    expect(items[1].claims.map((c) => c.id)).toEqual([first.id]);
    expect(items[0].claims.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(items[1].claims[0]).toMatchObject({
      id: first.id, number: 1, exact: QUOTES[0], claimText: first.claimText, verdict: "FALSE", rationale: "Archive photos show a **blue** sky.",
      sources: [expect.objectContaining({ url: "https://example.org/sky-2007", title: "Sky colour records, 2007", stance: "REFUTES" }), expect.objectContaining({ publisher: "Almanac Press" })],
      approvedAt: expect.any(String),
    });
  });

  it("goes live only through a publication: a claim approved later is not public until an update, and a published claim edited since stays as published", async () => {
    const { article, reviewer, editor } = await desk();
    const first = await approved(article, reviewer, editor, QUOTES[0]);
    expect((await publish(article, editor)).status).toBe(200);
    expect(await publicClaims(article)).toEqual([first.claimText]);

    // Approved after publishing: not on the public data yet.
    const later = await approved(article, reviewer, editor, QUOTES[1]);
    expect(await publicClaims(article)).toEqual([first.claimText]);
    expect((await getPublishedFactCheck(article.slug))!.claims.map((c) => c.id)).toEqual([first.id]);

    // The published claim is edited (back to SUBMITTED): the public keeps the published wording, and an update waits for the review.
    const edited = await call(patchRoute, { method: "PATCH", params: { id: first.id }, headers: editor.headers, body: { version: first.version, claimText: "Reworded after publication." } });
    expect(edited.json.status).toBe("SUBMITTED");
    expect(await publicClaims(article)).toEqual([first.claimText]);
    const blocked = await publish(article, editor, { note: "Try while one waits." });
    expect(blocked.status).toBe(409);
    expect(blocked.json.pending.map((p: { id: string }) => p.id)).toEqual([first.id]);
    expect(blocked.json.error.message).toContain("Reworded after publication.");

    await decide(edited.json as { id: string; version: number }, await makeCaller("EDITOR"), "APPROVE");
    const update = await publish(article, editor, { note: "Reworded the first claim; added the second." });
    expect(update.status, update.text).toBe(200);
    expect((await publicClaims(article) as string[]).sort()).toEqual(["Reworded after publication.", later.claimText].sort());

    // What went live is kept as it was: publication 1 still says the first wording, and it cannot be rewritten.
    const p1 = await prisma.publication.findUniqueOrThrow({ where: { articleId_number: { articleId: article.id, number: 1 } } });
    expect((p1.claims as Array<{ claimText: string }>).map((c) => c.claimText)).toEqual([first.claimText]);
    await expect(prisma.publication.update({ where: { id: p1.id }, data: { note: "Rewritten history" } })).rejects.toThrow(/immutable/);
    await expect(prisma.publication.update({ where: { id: p1.id }, data: { claims: [] } })).rejects.toThrow(/immutable/);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: p1.id } })).note).toBeNull();
  });

  it("refuses to publish an article with no approved claim (409), and writes nothing", async () => {
    const { article, reviewer, editor } = await desk();
    const empty = await publish(article, editor);
    expect(empty.status).toBe(409);
    expect(empty.json.error.message).toMatch(/no approved claim/i);
    await draft(article, reviewer, QUOTES[0]);
    const rejected = await decide(await submitted(article, reviewer, QUOTES[1]), editor, "REJECT");
    expect(rejected.status).toBe("REJECTED");
    const onlyDrafts = await publish(article, editor, { note: "Nothing to show." });
    expect(onlyDrafts.status).toBe(409);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("OPEN");
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: { startsWith: "article.publi" } } })).toBe(0);
  });

  it("previews what goes live and what stays out, with reasons and the changes since the last publication", async () => {
    const { article, reviewer, editor } = await desk();
    const live = await approved(article, reviewer, editor, QUOTES[0]);
    const draftClaim = await draft(article, reviewer, QUOTES[1]);
    const sentBack = await decide(await submitted(article, reviewer, QUOTES[2]), editor, "REQUEST_CHANGES");

    const before = await preview(article, editor);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ kind: "publish", nextNumber: 1, latest: null, blocker: null, noteRequired: false, removed: [] });
    expect(before.json.goesLive).toEqual([expect.objectContaining({ id: live.id, number: 1, change: "added", verdict: "FALSE" })]);
    const out = Object.fromEntries((before.json.staysOut as Array<{ id: string; code: string; reason: string }>).map((c) => [c.id, c]));
    expect(out[draftClaim.id]).toMatchObject({ code: "draft", reason: expect.stringMatching(/^Draft/) });
    expect(out[sentBack.id]).toMatchObject({ code: "changes_requested", reason: expect.stringMatching(/Changes requested/) });
    // Changes requested is not "pending": it stays out without blocking.
    expect((await publish(article, editor, { fingerprint: before.json.fingerprint })).status).toBe(200);

    // Change the published claim's verdict through review, delete nothing, submit another: the update preview says so.
    const reworked = await call(patchRoute, { method: "PATCH", params: { id: live.id }, headers: editor.headers, body: { version: live.version, verdict: "MISLEADING" } });
    const waiting = await submitted(article, reviewer, "A story about things", { claimText: "Waiting claim" });
    const blocked = await preview(article, editor);
    expect(blocked.json.kind).toBe("update");
    expect(blocked.json.blocker).toMatch(/waiting for review/);
    expect(blocked.json.staysOut.find((c: { id: string }) => c.id === waiting.id)).toMatchObject({ code: "submitted" });
    expect(blocked.json.removed).toEqual([expect.objectContaining({ id: live.id, reason: expect.stringMatching(/Waiting for review/) })]);

    await decide(reworked.json as { id: string; version: number }, await makeCaller("EDITOR"), "APPROVE");
    await decide(waiting, editor, "REJECT");
    const update = await preview(article, editor);
    expect(update.json).toMatchObject({ kind: "update", nextNumber: 2, latest: { number: 1 }, blocker: null, noteRequired: true });
    expect(update.json.goesLive).toEqual([expect.objectContaining({ id: live.id, change: "changed", changedFields: ["verdict"], verdict: "MISLEADING" })]);
    expect(update.json.staysOut.find((c: { id: string }) => c.id === waiting.id)).toMatchObject({ code: "rejected", reason: "Rejected by an editor" });

    // Reviewers may not see the preview; nobody unsigned may.
    expect((await preview(article, reviewer)).status).toBe(403);
    expect((await call(previewRoute, { params: { id: article.id } })).status).toBe(401);
  });

  it("refuses a publish whose preview is stale, so what goes live is what the editor saw", async () => {
    const { article, reviewer, editor } = await desk();
    await approved(article, reviewer, editor, QUOTES[0]);
    const seen = (await preview(article, editor)).json.fingerprint as string;
    await approved(article, reviewer, editor, QUOTES[1]);
    const stale = await publish(article, editor, { fingerprint: seen });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/changed since the preview/);
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(0);
    const fresh = (await preview(article, editor)).json.fingerprint as string;
    expect((await publish(article, editor, { fingerprint: fresh })).status).toBe(200);
  });

  it("five editors confirming the same preview at once: one publication, the others told it changed", async () => {
    const { article, reviewer, editor } = await desk();
    await approved(article, reviewer, editor, QUOTES[0]);
    const fingerprint = (await preview(article, editor)).json.fingerprint as string;
    const editors = await Promise.all(Array.from({ length: 5 }, () => makeCaller("EDITOR")));
    const results = await Promise.all(editors.map((e) => publish(article, e, { fingerprint })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.publish" } })).toBe(1);
  });

  it("unpublishing keeps the publications (page 404); publishing again adds the next number", async () => {
    const { article, reviewer, editor } = await desk();
    await approved(article, reviewer, editor, QUOTES[0]);
    expect((await publish(article, editor)).status).toBe(200);
    expect((await call(unpublishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(200);
    expect(await publicClaims(article)).toBe(404);
    expect(await getPublishedFactCheck(article.slug)).toBeNull();
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(1);
    const again = (await preview(article, editor)).json;
    expect(again).toMatchObject({ kind: "publish", nextNumber: 2, noteRequired: false });
    const republished = await publish(article, editor);
    expect(republished.status).toBe(200);
    expect(republished.json.publication).toMatchObject({ number: 2, kind: "publish" });
    expect((await publicClaims(article) as string[]).length).toBe(1);
  });

  it("writes one audit event per publication in the same transaction, naming the number, note and changes", async () => {
    const { article, reviewer, editor } = await desk();
    const a = await approved(article, reviewer, editor, QUOTES[0]);
    await publish(article, editor);
    const b = await approved(article, reviewer, editor, QUOTES[1]);
    await publish(article, editor, { note: "Second claim checked." });
    const events = await prisma.auditEvent.findMany({ where: { entityId: article.id, action: { in: ["article.publish", "article.publication_update"] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["article.publish", editor.user.id], ["article.publication_update", editor.user.id]]);
    expect(events[0].changes).toMatchObject({ status: { from: "OPEN", to: "PUBLISHED" }, publication: 1, note: null, added: [a.id], removed: [] });
    expect(events[1].changes).toMatchObject({ publication: 2, note: "Second claim checked.", added: [b.id], changed: [], removed: [] });
    // A refused publish leaves no event and no publication behind.
    await submitted(article, reviewer, QUOTES[2]);
    expect((await publish(article, editor, { note: "Blocked." })).status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: { startsWith: "article.publi" } } })).toBe(2);
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("authorizes: reviewers list publications but may not publish; unknown articles are 404", async () => {
    const { article, reviewer, editor } = await desk();
    await approved(article, reviewer, editor, QUOTES[0]);
    expect((await publish(article, reviewer)).status).toBe(403);
    expect((await call(publishRoute, { params: { id: article.id }, method: "POST" })).status).toBe(401);
    expect((await call(publicationsRoute, { params: { id: article.id }, headers: reviewer.headers })).json).toEqual({ items: [] });
    expect((await call(publicationsRoute, { params: { id: article.id } })).status).toBe(401);
    expect((await call(publicationsRoute, { params: { id: "no-such-article" }, headers: reviewer.headers })).status).toBe(404);
    const tooLong = await publish(article, editor, { note: "x".repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields.note).toMatch(/at most 2000 characters/);
  });

  it("an article published before publications were recorded still shows its approved claims, and its first update is publication 1", async () => {
    const { article, reviewer, editor } = await desk();
    const a = await approved(article, reviewer, editor, QUOTES[0]);
    const at = new Date(Date.UTC(2026, 0, 15));
    await prisma.article.update({ where: { id: article.id }, data: { status: "PUBLISHED", factCheckPublishedAt: at } });
    const fc = (await getPublishedFactCheck(article.slug))!;
    expect(fc.claims.map((c) => c.id)).toEqual([a.id]);
    expect(fc.publications).toEqual([]);
    expect(fc.firstPublishedAt).toEqual(at);
    expect((await preview(article, editor)).json).toMatchObject({ kind: "update", nextNumber: 1, latest: null, noteRequired: true });
    const first = await publish(article, editor, { note: "Now recorded as a publication." });
    expect(first.status, first.text).toBe(200);
    expect(first.json.publication).toMatchObject({ number: 1, kind: "update" });
  });

  it("ClaimReview dates follow the publications: datePublished when the claim first went live, dateModified the latest update", async () => {
    const { article, reviewer, editor } = await desk();
    const a = await approved(article, reviewer, editor, QUOTES[0]);
    await publish(article, editor);
    const b = await approved(article, reviewer, editor, QUOTES[1]);
    await publish(article, editor, { note: "Added the second check." });
    const [p1, p2] = await prisma.publication.findMany({ where: { articleId: article.id }, orderBy: { number: "asc" } });
    const reviews = (await call(claimReviewRoute, { params: { slug: article.slug } })).json as unknown as Array<{ url: string; datePublished: string; dateModified: string; author: { url: string } }>;
    const of = (id: string) => reviews.find((r) => r.url.endsWith(`#claim-${id}`))!;
    expect(of(a.id)).toMatchObject({ datePublished: p1.createdAt.toISOString().slice(0, 10), dateModified: p2.createdAt.toISOString().slice(0, 10) });
    expect(of(b.id)).toMatchObject({ datePublished: p2.createdAt.toISOString().slice(0, 10), dateModified: p2.createdAt.toISOString().slice(0, 10) });

    // author.url: ORG_URL, else NEXTAUTH_URL (the public address), never the address the request happened to use.
    const saved = { ORG_URL: process.env.ORG_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
    const authorUrl = async () => ((await call(claimReviewRoute, { params: { slug: article.slug } })).json as unknown as Array<{ author: { url: string } }>)[0].author.url;
    try {
      process.env.ORG_URL = "";
      process.env.NEXTAUTH_URL = "https://verity.example:8443";
      reloadEnv();
      expect(await authorUrl()).toBe("https://verity.example:8443");
      process.env.ORG_URL = "https://desk.example/";
      reloadEnv();
      expect(await authorUrl()).toBe("https://desk.example");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      reloadEnv();
    }
  });
});
