// "Same claim" links: stored once per pair, shown from both sides, audited on
// both sides, removable from either side; and "Checked before" puts the linked
// claim first.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { GET as listLinks, POST as linkRoute } from "@/app/api/claims/[id]/links/route";
import { DELETE as unlinkRoute } from "@/app/api/claims/[id]/links/[linkId]/route";
import { GET as similarRoute } from "@/app/api/claims/similar/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const uid = () => randomUUID().slice(0, 8);
const word = () => `lanx${uid().replace(/\d/g, "")}`;

async function claim(headers: Record<string, string>, claimText: string) {
  const article = await makeArticle();
  const res = await call(createClaimRoute, { params: { id: article.id }, headers, body: claimBody(article.text, "the sky was green in 2007", { claimText }) });
  expect(res.status, res.text).toBe(201);
  return { ...(res.json as { id: string; claimText: string }), article };
}
const link = (headers: Record<string, string>, id: string, body: unknown) => call(linkRoute, { params: { id }, headers, body });
const links = (headers: Record<string, string>, id: string) => call(listLinks, { params: { id }, headers });
const unlink = (headers: Record<string, string>, id: string, linkId: string) => call(unlinkRoute, { method: "DELETE", params: { id, linkId }, headers });

describe("POST /api/claims/:id/links and GET /api/claims/:id/links", () => {
  it("links two claims once, shows the link from both sides and audits it on both", async () => {
    const a = await makeCaller("REVIEWER");
    const b = await makeCaller("REVIEWER");
    const w = word();
    const earlier = await claim(a.headers, `The ${w} dam holds back a billion litres`);
    const later = await claim(b.headers, `The ${w} dam holds a billion litres of water`);

    const res = await link(b.headers, later.id, { claimId: earlier.id });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      kind: "claim",
      targetId: earlier.id,
      claimText: earlier.claimText,
      verdict: "FALSE",
      status: "DRAFT",
      articleId: earlier.article.id,
      articleTitle: earlier.article.title,
      createdBy: { id: b.user.id, name: b.user.name },
    });
    const linkId = res.json.id;

    // One row, the smaller id first, whichever side made it.
    const rows = await prisma.claimLink.findMany({ where: { OR: [{ claimId: { in: [earlier.id, later.id] } }, { linkedClaimId: { in: [earlier.id, later.id] } }] } });
    expect(rows).toHaveLength(1);
    expect(rows[0].claimId < rows[0].linkedClaimId!).toBe(true);

    const fromEarlier = await links(a.headers, earlier.id);
    expect(fromEarlier.status).toBe(200);
    expect(fromEarlier.json.items).toEqual([expect.objectContaining({ id: linkId, kind: "claim", targetId: later.id, claimText: later.claimText })]);
    const fromLater = await links(a.headers, later.id);
    expect(fromLater.json.items).toEqual([expect.objectContaining({ id: linkId, kind: "claim", targetId: earlier.id })]);

    for (const id of [earlier.id, later.id]) {
      const events = await prisma.auditEvent.findMany({ where: { entityId: id, action: "claim.link" } });
      expect(events, id).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: b.user.id, entityType: "Claim", changes: expect.objectContaining({ linkId }) });
    }

    // Linking again, from either side, is a conflict that says so.
    for (const [from, to] of [[later.id, earlier.id], [earlier.id, later.id]]) {
      const again = await link(a.headers, from, { claimId: to });
      expect(again.status).toBe(409);
      expect(again.json.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/already linked/) });
    }
  });

  it("links a claim to an imported fact-check, shown with the publisher's rating and URL", async () => {
    const a = await makeCaller("REVIEWER");
    const c = await claim(a.headers, `The ${word()} bridge is falling down`);
    const fc = await prisma.factCheck.create({ data: { url: `https://checks.example/${uid()}`, claimReviewed: "The bridge is falling down", ratingName: "Mostly False", verdict: "MOSTLY_FALSE", publisher: "Bridge Checkers" } });
    const res = await link(a.headers, c.id, { factCheckId: fc.id });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ kind: "factcheck", targetId: fc.id, claimText: fc.claimReviewed, verdict: "MOSTLY_FALSE", rating: "Mostly False", publisher: "Bridge Checkers", url: fc.url });
    expect((await links(a.headers, c.id)).json.items.map((i: { targetId: string }) => i.targetId)).toEqual([fc.id]);
    const events = await prisma.auditEvent.findMany({ where: { action: "claim.link", entityId: { in: [c.id, fc.id] } } });
    expect(events.map((e) => e.entityType).sort()).toEqual(["Claim", "FactCheck"]);
    expect((await link(a.headers, c.id, { factCheckId: fc.id })).status).toBe(409);
  });

  it("refuses neither, both, itself and unknown ids, naming the field", async () => {
    const a = await makeCaller("REVIEWER");
    const c = await claim(a.headers, `The ${word()} tower leans`);
    const cases: Array<[unknown, number, string | null]> = [
      [{}, 400, "claimId"],
      [{ claimId: c.id, factCheckId: "x" }, 400, "factCheckId"],
      [{ claimId: c.id }, 400, "claimId"],
      [{ claimId: "" }, 400, "claimId"],
      [{ claimId: "no-such-claim" }, 404, null],
      [{ factCheckId: "no-such-fact-check" }, 404, null],
      [{ claimId: c.id, extra: 1 }, 400, "extra"],
    ];
    for (const [body, status, field] of cases) {
      const res = await link(a.headers, c.id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (field) expect(res.json.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect((await link(a.headers, "no-such-claim", { claimId: c.id })).status).toBe(404);
    expect((await links(a.headers, "no-such-claim")).status).toBe(404);
    expect(await prisma.claimLink.count({ where: { claimId: c.id } })).toBe(0);
  });
});

describe("DELETE /api/claims/:id/links/:linkId", () => {
  it("either side's reviewer removes the link, audited on both; a link not touching :id is not found", async () => {
    const a = await makeCaller("REVIEWER");
    const b = await makeCaller("REVIEWER");
    const w = word();
    const one = await claim(a.headers, `The ${w} canal froze`);
    const two = await claim(a.headers, `The ${w} canal froze solid`);
    const three = await claim(a.headers, `Something else about ${w}`);
    const made = await link(a.headers, one.id, { claimId: two.id });
    expect(made.status).toBe(201);
    const linkId = made.json.id;

    expect((await unlink(b.headers, three.id, linkId)).status).toBe(404);
    expect((await unlink(b.headers, one.id, "no-such-link")).status).toBe(404);

    // Made from one side, removed from the other by another reviewer.
    const res = await unlink(b.headers, two.id, linkId);
    expect(res.status, res.text).toBe(204);
    expect((await links(a.headers, one.id)).json.items).toEqual([]);
    expect((await links(a.headers, two.id)).json.items).toEqual([]);
    for (const id of [one.id, two.id]) {
      const events = await prisma.auditEvent.findMany({ where: { entityId: id, action: "claim.unlink" } });
      expect(events, id).toEqual([expect.objectContaining({ actorId: b.user.id, changes: expect.objectContaining({ linkId }) })]);
    }
    expect((await unlink(b.headers, two.id, linkId)).status).toBe(404);
  });
});

describe("Checked before and links", () => {
  it("ranks the linked earlier claim first for the claim's own text, with the link id", async () => {
    const a = await makeCaller("REVIEWER");
    const w = word();
    const text = `The ${w} ferry carried nine hundred passengers on its first crossing`;
    const earlier = await claim(a.headers, text);
    // Another earlier claim with the very same words, not linked.
    const twin = await claim(a.headers, text);
    const later = await claim(a.headers, text);
    const made = await link(a.headers, later.id, { claimId: twin.id });
    expect(made.status).toBe(201);
    const res = await call(similarRoute, { path: `/api/claims/similar?${new URLSearchParams({ text, excludeClaimId: later.id, excludeArticleId: later.article.id })}`, headers: a.headers });
    expect(res.status, res.text).toBe(200);
    const ids = res.json.items.map((i: { id: string }) => i.id);
    expect(ids[0]).toBe(twin.id);
    expect(res.json.items[0].linkId).toBe(made.json.id);
    expect(ids).toContain(earlier.id);
    expect(ids).not.toContain(later.id);
    expect(res.json.items.find((i: { id: string }) => i.id === earlier.id).linkId).toBeUndefined();
  });
});
