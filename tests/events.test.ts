// Live events (issue 15): the outbox written by triggers, read by the listener,
// streamed by GET /api/events. Real Postgres, real routes; each test makes its
// own users and articles and reads its own streams.
import { afterAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import pg from "pg";
import { prisma } from "@/lib/db";
import { GET as eventsRoute } from "@/app/api/events/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { DELETE as deleteClaimRoute, PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as assignRoute } from "@/app/api/articles/[id]/assignments/route";
import { DELETE as unassignRoute } from "@/app/api/assignments/[assignmentId]/route";
import { stopHub, sweepPresence } from "@/lib/events/hub";
import { readSse } from "@/lib/events/sse-reader";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const QUOTE = "the sky was green in 2007";
type Caller = Awaited<ReturnType<typeof makeCaller>>;
type Ev = { seq: string; data: Record<string, unknown> };

afterAll(async () => {
  await stopHub();
});

/** Opens GET /api/events as `who` and collects its events until closed. */
async function open(who: Caller | null, query: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const req = new NextRequest(new URL(`/api/events?${query}`, "http://localhost:3000"), {
    headers: { host: "localhost:3000", ...(who?.headers ?? {}), ...headers },
    signal: ac.signal,
  });
  const res = await eventsRoute(req, { params: Promise.resolve({}) });
  const events: Ev[] = [];
  let raw = "";
  let ended = false;
  if (res.status === 200) {
    void readSse(res.body!, (e) => events.push({ seq: e.id, data: e.data }), (t) => (raw += t)).then(() => (ended = true));
  }
  const body = res.status === 200 ? null : await res.json();
  return {
    res,
    body,
    events,
    raw: () => raw,
    ended: () => ended,
    close: () => ac.abort(),
    /** Waits until `pred` holds for the collected events. */
    async waitFor(pred: (evs: Ev[]) => boolean, ms = 5_000) {
      const t0 = Date.now();
      while (!pred(events)) {
        if (Date.now() - t0 > ms) throw new Error(`timed out; got ${JSON.stringify(events.map((e) => e.data))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return events;
    },
  };
}
const ofType = (evs: Ev[], type: string, id?: string) => evs.filter((e) => e.data.type === type && (id === undefined || e.data.id === id));
const claimEvents = (evs: Ev[]) => evs.filter((e) => String(e.data.type).startsWith("claim."));
const settle = () => new Promise((r) => setTimeout(r, 400));

async function newClaim(owner: Caller, articleId?: string) {
  const article = articleId ? await prisma.article.findUniqueOrThrow({ where: { id: articleId } }) : await makeArticle();
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, QUOTE) });
  expect(res.status).toBe(201);
  return { article, claim: res.json as { id: string; version: number } };
}

describe("GET /api/events", () => {
  it("streams claim, comment, review and article events with the contract's JSON, actor names joined", async () => {
    const owner = await makeCaller("REVIEWER");
    const editor = await makeCaller("EDITOR");
    const article = await makeArticle();
    const s = await open(owner, `articleId=${article.id}`);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(s.res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(s.res.headers.get("x-accel-buffering")).toBe("no");
    const { claim } = await newClaim(owner, article.id);
    const me = { id: owner.user.id, name: owner.user.name };
    await s.waitFor((e) => ofType(e, "claim.created", claim.id).length === 1);
    expect(ofType(s.events, "claim.created")[0].data).toEqual({ type: "claim.created", id: claim.id, articleId: article.id, version: 1, status: "DRAFT", anchorStatus: "ANCHORED", actor: me });

    const patched = await call(patchClaimRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: 1, verdict: "TRUE" } });
    expect(patched.status).toBe(200);
    const submitted = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, body: { version: 2 } });
    expect(submitted.status).toBe(200);
    const comment = await call(commentRoute, { params: { id: claim.id }, headers: editor.headers, body: { body: "Looks right" } });
    expect(comment.status).toBe(201);
    const review = await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "APPROVE", version: 3 } });
    expect(review.status).toBe(200);
    const published = await call(publishRoute, { params: { id: article.id }, headers: editor.headers });
    expect(published.status).toBe(200);
    await s.waitFor((e) => ofType(e, "article.published").length === 1);
    const ed = { id: editor.user.id, name: editor.user.name };
    const updates = ofType(s.events, "claim.updated", claim.id).map((e) => e.data);
    expect(updates[0]).toEqual({ type: "claim.updated", id: claim.id, articleId: article.id, version: 2, status: "DRAFT", anchorStatus: "ANCHORED", actor: me });
    expect(updates.map((u) => u.status)).toEqual(["DRAFT", "SUBMITTED", "APPROVED"]);
    expect(ofType(s.events, "comment.created")[0].data).toEqual({ type: "comment.created", id: comment.json.id, claimId: claim.id, articleId: article.id, actor: ed });
    expect(ofType(s.events, "review.created")[0].data).toEqual({ type: "review.created", id: expect.any(String), claimId: claim.id, articleId: article.id, decision: "APPROVE", actor: ed });
    expect(ofType(s.events, "article.published")[0].data).toEqual({ type: "article.published", id: article.id, articleId: article.id, revision: 1, status: "PUBLISHED" });
    // In outbox order, each id once.
    const seqs = s.events.map((e) => BigInt(e.seq));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1], `event ${i} (${seqs[i]}) after ${seqs[i - 1]}`).toBe(true);
    s.close();
  });

  it("announces text revisions, unpublishing, metadata, and suggestions (recomputed once per article; dismissed)", async () => {
    const owner = await makeCaller("REVIEWER");
    const article = await makeArticle();
    const s = await open(owner, `articleId=${article.id}`);
    await prisma.article.update({ where: { id: article.id }, data: { revision: 2, text: `${article.text} More.` } });
    await prisma.article.update({ where: { id: article.id }, data: { status: "PUBLISHED", factCheckPublishedAt: new Date() } });
    await prisma.article.update({ where: { id: article.id }, data: { status: "OPEN" } });
    await prisma.article.update({ where: { id: article.id }, data: { title: "Renamed" } });
    await prisma.article.update({ where: { id: article.id }, data: { updatedAt: new Date() } }); // nothing a page shows
    const base = { articleId: article.id, articleRevision: 2, score: 0.9, reasons: [] };
    await prisma.suggestion.createMany({ data: [{ ...base, exact: "one", start: 0, end: 3 }, { ...base, exact: "two", start: 4, end: 7 }] });
    const one = await prisma.suggestion.findFirstOrThrow({ where: { articleId: article.id, exact: "one" } });
    await prisma.suggestion.update({ where: { id: one.id }, data: { status: "DISMISSED", dismissedAt: new Date() } });
    await s.waitFor((e) => ofType(e, "suggestion.dismissed").length === 1);
    await settle();
    const articleEvents = s.events.filter((e) => String(e.data.type).startsWith("article.")).map((e) => e.data);
    expect(articleEvents).toEqual([
      { type: "article.revised", id: article.id, articleId: article.id, revision: 2, status: "OPEN" },
      { type: "article.published", id: article.id, articleId: article.id, revision: 2, status: "PUBLISHED" },
      { type: "article.unpublished", id: article.id, articleId: article.id, revision: 2, status: "OPEN" },
      { type: "article.updated", id: article.id, articleId: article.id, revision: 2, status: "OPEN" },
    ]);
    // makeArticle's own suggestions may have been announced before; this insert of two rows is announced once.
    const changed = s.events.filter((e) => e.data.type === "suggestions.changed");
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.at(-1)!.data).toEqual({ type: "suggestions.changed", id: article.id, articleId: article.id });
    const afterRevision = s.events.findIndex((e) => e.data.type === "article.updated");
    expect(s.events.slice(afterRevision).filter((e) => e.data.type === "suggestions.changed")).toHaveLength(1);
    expect(ofType(s.events, "suggestion.dismissed")[0].data).toEqual({ type: "suggestion.dismissed", id: one.id, articleId: article.id });
    s.close();
  });

  it("a deleted claim is announced; nothing of another article reaches an article-scoped stream", async () => {
    const owner = await makeCaller("REVIEWER");
    const { article, claim } = await newClaim(owner);
    const s = await open(owner, `articleId=${article.id}`);
    await newClaim(owner); // another article
    expect((await call(deleteClaimRoute, { method: "DELETE", params: { id: claim.id }, headers: owner.headers })).status).toBeLessThan(300);
    await s.waitFor((e) => ofType(e, "claim.deleted").length === 1);
    expect(ofType(s.events, "claim.deleted")[0].data).toEqual({ type: "claim.deleted", id: claim.id, articleId: article.id });
    await settle();
    expect(s.events.filter((e) => e.data.articleId !== article.id)).toEqual([]);
    s.close();
  });

  it("announces assignments made and removed on the article", async () => {
    const editor = await makeCaller("EDITOR");
    const reviewer = await makeCaller("REVIEWER");
    const article = await makeArticle();
    const s = await open(reviewer, `articleId=${article.id}`);
    const made = await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: reviewer.user.id } });
    expect(made.status).toBe(201);
    await s.waitFor((e) => ofType(e, "assignment.created").length === 1);
    expect(ofType(s.events, "assignment.created")[0].data).toEqual({
      type: "assignment.created", id: made.json.id, articleId: article.id, claimId: null, assigneeId: reviewer.user.id, actor: { id: editor.user.id, name: editor.user.name },
    });
    expect((await call(unassignRoute, { method: "DELETE", params: { assignmentId: made.json.id }, headers: editor.headers })).status).toBe(204);
    await s.waitFor((e) => ofType(e, "assignment.deleted").length === 1);
    expect(ofType(s.events, "assignment.deleted")[0].data).toEqual({ type: "assignment.deleted", id: made.json.id, articleId: article.id, claimId: null, assigneeId: reviewer.user.id });
    s.close();
  });

  it("announces nothing from a rolled-back transaction", async () => {
    const owner = await makeCaller("REVIEWER");
    const { article, claim } = await newClaim(owner);
    const s = await open(owner, `articleId=${article.id}`);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.claim.update({ where: { id: claim.id }, data: { verdict: "TRUE", version: { increment: 1 } } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await prisma.claim.update({ where: { id: claim.id }, data: { rationale: "committed", version: { increment: 1 } } });
    await s.waitFor((e) => ofType(e, "claim.updated").length >= 1);
    await settle();
    expect(ofType(s.events, "claim.updated").map((e) => e.data.version)).toEqual([2]);
    s.close();
  });

  it("delivers in commit order: a change whose transaction began first but commits later comes after, never skipped", async () => {
    const owner = await makeCaller("REVIEWER");
    const { article, claim: first } = await newClaim(owner);
    const { claim: second } = await newClaim(owner, article.id);
    const s = await open(owner, `articleId=${article.id}`);
    const url = process.env.DATABASE_URL!;
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await a.connect();
    await b.connect();
    try {
      await a.query("BEGIN");
      await a.query(`UPDATE "Claim" SET rationale = 'a', version = version + 1 WHERE id = $1`, [first.id]);
      await b.query("BEGIN");
      await b.query(`UPDATE "Claim" SET rationale = 'b', version = version + 1 WHERE id = $1`, [second.id]);
      await b.query("COMMIT");
      await s.waitFor((e) => ofType(e, "claim.updated", second.id).length === 1);
      await a.query("COMMIT");
      await s.waitFor((e) => ofType(e, "claim.updated", first.id).length === 1);
    } finally {
      await a.end();
      await b.end();
    }
    const order = ofType(s.events, "claim.updated").map((e) => [e.data.id, BigInt(e.seq)] as const);
    expect(order.map(([id]) => id)).toEqual([second.id, first.id]);
    expect(order[1][1]).toBeGreaterThan(order[0][1]);
    s.close();
  });

  it("resumes after a drop with Last-Event-ID (or ?lastEventId): exactly the missed events, then live ones", async () => {
    const owner = await makeCaller("REVIEWER");
    const { article, claim } = await newClaim(owner);
    const s = await open(owner, `articleId=${article.id}`);
    await call(patchClaimRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: 1, rationale: "v2" } });
    // (claim.created may reach this stream too: it is sequenced into the outbox moments after its commit.)
    const [seen] = ofType(await s.waitFor((e) => ofType(e, "claim.updated").length === 1), "claim.updated");
    s.close();
    const missed: string[] = [];
    for (let v = 2; v <= 6; v++) {
      const r = await call(patchClaimRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: v, rationale: `v${v + 1}` } });
      expect(r.status).toBe(200);
      missed.push(`v${v + 1}`);
    }
    await settle();
    const resumed = await open(owner, `articleId=${article.id}`, { "last-event-id": seen.seq });
    await resumed.waitFor((e) => claimEvents(e).length >= 5);
    expect(resumed.raw().startsWith("retry: 2000\n\n")).toBe(true);
    expect(claimEvents(resumed.events).map((e) => e.data.version)).toEqual([3, 4, 5, 6, 7]);
    await call(patchClaimRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: 7, rationale: "live" } });
    await resumed.waitFor((e) => claimEvents(e).length === 6);
    await settle();
    expect(claimEvents(resumed.events).map((e) => e.data.version)).toEqual([3, 4, 5, 6, 7, 8]);
    resumed.close();
    // A fresh EventSource after a page navigation names the cursor in the address.
    const viaQuery = await open(owner, `articleId=${article.id}&lastEventId=${seen.seq}`);
    await viaQuery.waitFor((e) => claimEvents(e).length === 6);
    viaQuery.close();
  });

  it("refuses the anonymous (401), import progress to non-admins (403), unknown topics (400) and articles (404)", async () => {
    const reviewer = await makeCaller("REVIEWER");
    expect((await open(null, "topics=article")).res.status).toBe(401);
    const imp = await open(reviewer, "topics=article,import");
    expect(imp.res.status).toBe(403);
    const bad = await open(reviewer, "topics=article,gossip");
    expect(bad.res.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("topics");
    const none = await open(reviewer, "");
    expect(none.res.status).toBe(400);
    expect(none.body.error.fields).toHaveProperty("topics");
    expect((await open(reviewer, "articleId=nope")).res.status).toBe(404);
    const badCursor = await open(reviewer, "topics=article", { "last-event-id": "abc" });
    expect(badCursor.res.status).toBe(400);
    const admin = await makeCaller("ADMIN");
    const ok = await open(admin, "topics=import");
    expect(ok.res.status).toBe(200);
    const job = await prisma.importJob.create({ data: { kind: "ITEMS", label: "x", createdById: admin.user.id } });
    await prisma.importJob.update({ where: { id: job.id }, data: { total: 3, imported: 1, status: "RUNNING" } });
    await ok.waitFor((e) => ofType(e, "import.progress", job.id).length === 1);
    expect(ofType(ok.events, "import.progress", job.id)[0].data).toEqual({ type: "import.progress", id: job.id, status: "RUNNING", total: 3, imported: 1, duplicates: 0, failed: 0 });
    ok.close();
  });

  it("sends a notification only to its user, with the unread count", async () => {
    const alice = await makeCaller("REVIEWER");
    const bob = await makeCaller("REVIEWER");
    const a = await open(alice, "topics=notification,article");
    const b = await open(bob, "topics=notification");
    const n1 = await prisma.notification.create({ data: { userId: alice.user.id, kind: "MENTION", message: "m", href: "/" } });
    const n2 = await prisma.notification.create({ data: { userId: alice.user.id, kind: "ASSIGNMENT", message: "m", href: "/" } });
    await a.waitFor((e) => ofType(e, "notification.created").length === 2);
    expect(ofType(a.events, "notification.created").map((e) => e.data)).toEqual([
      { type: "notification.created", id: n1.id, kind: "MENTION", unread: 1 },
      { type: "notification.created", id: n2.id, kind: "ASSIGNMENT", unread: 2 },
    ]);
    await settle();
    expect(b.events).toEqual([]);
    a.close();
    b.close();
  });

  it("shows who has an article open, and forgets them when they leave or their presence goes stale", async () => {
    const watcher = await makeCaller("EDITOR");
    const reader = await makeCaller("REVIEWER");
    const article = await makeArticle();
    const w = await open(watcher, "topics=article");
    const r = await open(reader, `articleId=${article.id}`);
    const present = (users: unknown[]) => (e: Ev[]) => ofType(e, "presence", article.id).some((x) => JSON.stringify(x.data.users) === JSON.stringify(users));
    const readerUser = { id: reader.user.id, name: reader.user.name };
    await w.waitFor(present([readerUser]));
    expect(ofType(w.events, "presence").at(-1)!.data).toEqual({ type: "presence", id: article.id, articleId: article.id, users: [readerUser] });
    r.close();
    await w.waitFor(present([]));
    // A stream whose instance died: its row stops being refreshed and is swept.
    await prisma.presence.create({ data: { id: `stale-${article.id}`, articleId: article.id, userId: reader.user.id, instance: "gone", seenAt: new Date(Date.now() - 60_000) } });
    await w.waitFor((e) => ofType(e, "presence", article.id).filter((x) => JSON.stringify(x.data.users) === JSON.stringify([readerUser])).length === 2);
    expect(await sweepPresence()).toBeGreaterThanOrEqual(1);
    await w.waitFor((e) => ofType(e, "presence", article.id).filter((x) => JSON.stringify(x.data.users) === "[]").length === 2);
    w.close();
  });
});
