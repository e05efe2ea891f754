// The outbox on a database of this file's own, so its ids and its pruning are the
// ones written here (pruning the shared database's outbox would send resync to
// other files' streams). It is read in id order across a power of ten (999 → 1000):
// a read once sorted by the text of the id ("1000" before "999"), the hub's cursor
// moved back and streams got a batch twice, out of order. And a stream resuming
// before what pruning kept gets resync.
import { describe, expect, it } from "vitest";
import { onOwnDatabase } from "./support/fresh-database";

onOwnDatabase("outbox");

/** Outbox rows 990…1010 written straight into "Event", as the sequencer would have. */
async function fillOutbox(articleId: string) {
  const { prisma } = await import("@/lib/db");
  await prisma.$executeRaw`
    INSERT INTO "Event" (id, type, topic, "articleId", payload, "createdAt")
    SELECT n, 'claim.updated', 'article', ${articleId}::text, jsonb_build_object('type', 'claim.updated', 'id', 'c' || n, 'articleId', ${articleId}::text), now()
    FROM generate_series(990, 1010) AS n`;
  await prisma.$executeRaw`SELECT setval('"Event_id_seq"', 1010)`;
}

/** GET /api/events as a new reviewer, collecting its events until `until` holds (or 5 s), then closed. */
async function streamEvents(query: string, headers: Record<string, string>, until: (got: Array<{ id: string; type: unknown }>) => boolean, settleMs = 0) {
  const { makeCaller } = await import("@/seeds/factories");
  const { GET: eventsRoute } = await import("@/app/api/events/route");
  const { NextRequest } = await import("next/server");
  const { readSse } = await import("@/lib/events/sse-reader");
  const reviewer = await makeCaller("REVIEWER");
  const ac = new AbortController();
  const req = new NextRequest(new URL(`/api/events?${query}`, "http://localhost:3000"), { headers: { host: "localhost:3000", ...headers, ...reviewer.headers }, signal: ac.signal });
  const res = await eventsRoute(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  const got: Array<{ id: string; type: unknown }> = [];
  void readSse(res.body!, (e) => got.push({ id: e.id, type: e.data.type }));
  const t0 = Date.now();
  while (!until(got) && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, settleMs));
  ac.abort();
  return got;
}

describe("the outbox", () => {
  it("readAfter pages in numeric order, and a resumed stream gets each event once, in order", async () => {
    const { readAfter } = await import("@/lib/events/enrich");
    const { makeArticle } = await import("@/seeds/factories");
    const article = await makeArticle();
    await fillOutbox(article.id);

    const ids = (rows: Array<{ id: string }>) => rows.map((r) => Number(r.id));
    expect(ids(await readAfter(BigInt(994), 10))).toEqual([995, 996, 997, 998, 999, 1000, 1001, 1002, 1003, 1004]);
    expect(ids(await readAfter(BigInt(989), 5))).toEqual([990, 991, 992, 993, 994]);
    expect(ids(await readAfter(BigInt(999), 100))).toEqual(Array.from({ length: 11 }, (_, i) => 1000 + i));

    // A stream resuming after 993 replays 994…1010 exactly once, in order (300 ms more: time for a duplicate to show up, if one were coming).
    const updates = (got: Array<{ id: string; type: unknown }>) => got.filter((e) => e.type === "claim.updated");
    const got = updates(await streamEvents(`articleId=${article.id}&lastEventId=993`, {}, (g) => updates(g).length >= 17, 300));
    expect(got.map((e) => Number(e.id))).toEqual(Array.from({ length: 17 }, (_, i) => 994 + i));
  }, 60_000);

  it("sends resync to a stream resuming before the oldest event pruning kept", async () => {
    const { prisma } = await import("@/lib/db");
    const { pruneOutbox } = await import("@/lib/events/hub");
    const [{ articleId }] = await prisma.$queryRaw<Array<{ articleId: string }>>`SELECT "articleId" FROM "Event" WHERE id = 1000`;
    // Events up to 1005 are past the retention (the previous test wrote 990…1010).
    await prisma.$executeRaw`UPDATE "Event" SET "createdAt" = "createdAt" - interval '1 day' WHERE id <= 1005`;
    expect(await pruneOutbox()).toBe(16);
    const got = await streamEvents(`articleId=${articleId}`, { "last-event-id": "1000" }, (g) => g.length > 0);
    expect(got[0]).toEqual({ id: expect.stringMatching(/^\d+$/), type: "resync" });
    expect(BigInt(got[0].id)).toBeGreaterThanOrEqual(BigInt(1010));
  }, 60_000);
});
