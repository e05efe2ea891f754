import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as listClaims, POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { MSG } from "@/lib/messages";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const QUOTE = "the sky was green in 2007";

async function setup() {
  const article = await makeArticle();
  const owner = await makeCaller("REVIEWER");
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, QUOTE) });
  expect(res.status).toBe(201);
  return { article, owner, claim: res.json };
}

const patch = (id: string, headers: Record<string, string>, body: unknown) => call(patchRoute, { method: "PATCH", params: { id }, headers, body });

describe("POST /api/articles/:id/claims", () => {
  it("answers exactly what a read of the stored claim shows (the answer is built, not read back)", async () => {
    const { claim, owner } = await setup();
    const read = await call(getRoute, { params: { id: claim.id }, headers: owner.headers });
    expect(read.status).toBe(200);
    expect(claim).toEqual(read.json);
  });

  it("a text cached a revision behind (another app instance revised it) still writes against the current text", async () => {
    const article = await makeArticle();
    const owner = await makeCaller("REVIEWER");
    // This process caches revision 1 with a first claim.
    expect((await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, QUOTE) })).status).toBe(201);
    // Another instance revises the text (this process's cache is not told).
    const text = `A new first line.\n${article.text}`;
    await prisma.article.update({ where: { id: article.id }, data: { text, revision: 2 } });
    const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(text, QUOTE) });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ articleRevision: 2, selector: { start: text.indexOf(QUOTE) } });
    // And a selector made for the old text is refused as stale, naming why.
    const stale = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, "A story about things") });
    expect(stale.status).toBe(400);
    expect(stale.json.error.fields["selector.exact"]).toMatch(/does not match/);
  });

  it("creates a DRAFT at version 1 with its sources and an audit event", async () => {
    const { article, owner, claim } = await setup();
    expect(claim).toMatchObject({
      articleId: article.id,
      status: "DRAFT",
      version: 1,
      verdict: "FALSE",
      anchorStatus: "ANCHORED",
      author: { id: owner.user.id },
      selector: { exact: QUOTE, start: article.text.indexOf(QUOTE) },
    });
    expect(claim.selector.prefix).toBe(article.text.slice(claim.selector.start - 32, claim.selector.start));
    expect(claim.sources.map((s: { stance: string }) => s.stance)).toEqual(["REFUTES", "CONTEXT"]);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: claim.id } });
    expect(audit.map((a) => a.action)).toEqual(["claim.create"]);
    const listed = await call(listClaims, { params: { id: article.id }, headers: owner.headers });
    expect(listed.json.items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
  });

  it("ignores a client's prefix and suffix in favour of the text's", async () => {
    const article = await makeArticle();
    const { headers } = await makeCaller("REVIEWER");
    const body = claimBody(article.text, QUOTE);
    body.selector = { ...body.selector, prefix: "forged", suffix: "forged" };
    const res = await call(createClaimRoute, { params: { id: article.id }, headers, body });
    expect(res.status).toBe(201);
    expect(res.json.selector.prefix).not.toBe("forged");
  });

  const bad: Array<[string, (text: string) => unknown, string]> = [
    ["an invalid verdict", (t) => claimBody(t, QUOTE, { verdict: "PANTS_ON_FIRE" }), "verdict"],
    ["a missing quote", (t) => ({ ...claimBody(t, QUOTE), selector: { ...claimBody(t, QUOTE).selector, exact: "" } }), "selector.exact"],
    ["a missing selector", (t) => { const { selector: _s, ...rest } = claimBody(t, QUOTE); void _s; return rest; }, "selector"],
    ["a javascript: source URL", (t) => claimBody(t, QUOTE, { sources: [{ url: "javascript:alert(1)", title: "x", stance: "SUPPORTS" }] }), "sources.0.url"],
    ["a javascript: archived URL", (t) => claimBody(t, QUOTE, { sources: [{ url: "https://ok.example", archivedUrl: "javascript:alert(1)", title: "x", stance: "SUPPORTS" }] }), "sources.0.archivedUrl"],
    ["a source without a title", (t) => claimBody(t, QUOTE, { sources: [{ url: "https://ok.example", title: " ", stance: "SUPPORTS" }] }), "sources.0.title"],
    ["a bad stance", (t) => claimBody(t, QUOTE, { sources: [{ url: "https://ok.example", title: "x", stance: "MAYBE" }] }), "sources.0.stance"],
    ["offsets beyond the text", (t) => ({ ...claimBody(t, QUOTE), selector: { exact: "x", prefix: "", suffix: "", start: t.length + 5, end: t.length + 6 } }), "selector.end"],
    ["negative offsets", (t) => ({ ...claimBody(t, QUOTE), selector: { exact: "x", prefix: "", suffix: "", start: -1, end: 0 } }), "selector.start"],
    ["non-integer offsets", (t) => ({ ...claimBody(t, QUOTE), selector: { ...claimBody(t, QUOTE).selector, start: 1.5 } }), "selector.start"],
    ["end before start", (t) => ({ ...claimBody(t, QUOTE), selector: { exact: "ab", prefix: "", suffix: "", start: 5, end: 3 } }), "selector.end"],
    ["an exact that does not match the text there", (t) => { const s = claimBody(t, QUOTE).selector; return { ...claimBody(t, QUOTE), selector: { ...s, exact: "the sky was blue in 2007" } }; }, "selector.exact"],
    ["a shifted selector", (t) => { const s = claimBody(t, QUOTE).selector; return { ...claimBody(t, QUOTE), selector: { ...s, start: s.start + 1, end: s.end + 1 } }; }, "selector.exact"],
    ["an empty claim", (t) => claimBody(t, QUOTE, { claimText: "  " }), "claimText"],
    ["an unknown field", (t) => ({ ...claimBody(t, QUOTE), status: "APPROVED" }), "status"],
  ];

  it.each(bad)("rejects %s with 400 naming the field, storing nothing", async (_name, make, field) => {
    const article = await makeArticle();
    const { headers } = await makeCaller("REVIEWER");
    const res = await call(createClaimRoute, { params: { id: article.id }, headers, body: make(article.text) });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
    // The summary is for people: plain words, no enum names, JSON paths or zod wording.
    expect(res.json.error.message).toMatch(/^Check the highlighted fields: [A-Z"]/);
    expect(res.json.error.message).not.toMatch(/[A-Z]{2,}_[A-Z]+|\w+\.\d+\.\w+|selector\.|claimText|Invalid input|must be one of/);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("an empty claim is asked for in plain words: the claim, and a verdict as a choice to make", async () => {
    const article = await makeArticle();
    const { headers } = await makeCaller("REVIEWER");
    const body = { ...claimBody(article.text, QUOTE), claimText: "", verdict: "", sources: [{ url: "ftp://x.example", title: "", stance: "SUPPORTS" }] };
    const res = await call(createClaimRoute, { params: { id: article.id }, headers, body });
    expect(res.status).toBe(400);
    // Keys are the public contract; the reasons are sentences the form can show.
    expect(res.json.error.fields).toEqual({
      claimText: "Enter the claim",
      verdict: MSG.verdictRequired,
      "sources.0.url": "The URL must start with http:// or https://",
      "sources.0.title": "Enter the source title",
    });
    expect(res.json.error.message).toBe(
      "Check the highlighted fields: Enter the claim; Choose a verdict: True, Mostly true, Mixed, Mostly false, False, Misleading, Outdated or Unverifiable; " +
        "Source 1: the URL must start with http:// or https://; Source 1: enter the source title.",
    );
  });

  it("answers 404 for an unknown article and 401 without a session", async () => {
    const article = await makeArticle();
    const { headers } = await makeCaller("REVIEWER");
    expect((await call(createClaimRoute, { params: { id: "nope" }, headers, body: claimBody(article.text, QUOTE) })).status).toBe(404);
    expect((await call(createClaimRoute, { params: { id: article.id }, body: claimBody(article.text, QUOTE) })).status).toBe(401);
  });
});

describe("PATCH and DELETE /api/claims/:id", () => {
  it("lets the owner edit; the version goes up and the change is audited with its fields", async () => {
    const { owner, claim } = await setup();
    const res = await patch(claim.id, owner.headers, { version: 1, verdict: "OUTDATED", rationale: "Dated wrongly." });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 2, verdict: "OUTDATED", rationale: "Dated wrongly.", claimText: claim.claimText });
    const events = await prisma.auditEvent.findMany({ where: { entityId: claim.id, action: "claim.update" } });
    expect(events).toHaveLength(1);
    expect(events[0].changes).toMatchObject({ verdict: { from: "FALSE", to: "OUTDATED" }, version: { from: 1, to: 2 } });
    expect(events[0].changes).not.toHaveProperty("claimText");
  });

  it("replaces the sources when given", async () => {
    const { owner, claim } = await setup();
    const res = await patch(claim.id, owner.headers, { version: 1, sources: [{ url: "https://new.example/a", title: "New", stance: "SUPPORTS" }] });
    expect(res.json.sources).toEqual([expect.objectContaining({ url: "https://new.example/a", stance: "SUPPORTS" })]);
    expect(await prisma.source.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("refuses another reviewer (403) and changes nothing", async () => {
    const { claim } = await setup();
    const other = await makeCaller("REVIEWER");
    const res = await patch(claim.id, other.headers, { version: 1, verdict: "TRUE" });
    expect(res.status).toBe(403);
    expect((await call(deleteRoute, { method: "DELETE", params: { id: claim.id }, headers: other.headers })).status).toBe(403);
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored).toMatchObject({ verdict: "FALSE", version: 1 });
  });

  it("lets an editor edit and delete any claim", async () => {
    const { claim } = await setup();
    const editor = await makeCaller("EDITOR");
    const res = await patch(claim.id, editor.headers, { version: 1, claimText: "Edited by the editor." });
    expect(res.status).toBe(200);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: claim.id, action: "claim.update" } });
    expect(audit.actorId).toBe(editor.user.id);
    const del = await call(deleteRoute, { method: "DELETE", params: { id: claim.id }, headers: editor.headers });
    expect(del.status).toBe(204);
    expect(await prisma.claim.count({ where: { id: claim.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.delete", actorId: editor.user.id } })).toBe(1);
  });

  it("refuses a stale version with 409 and the current claim", async () => {
    const { owner, claim } = await setup();
    expect((await patch(claim.id, owner.headers, { version: 1, verdict: "MIXED" })).status).toBe(200);
    const stale = await patch(claim.id, owner.headers, { version: 1, verdict: "TRUE" });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    expect(stale.json.current).toMatchObject({ id: claim.id, version: 2, verdict: "MIXED" });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBe("MIXED");
  });

  it("of 10 concurrent edits with the same version exactly one wins", async () => {
    const { owner, claim } = await setup();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => patch(claim.id, owner.headers, { version: 1, claimText: `Writer ${i}` })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.claimText).toBe(ok[0].json.claimText);
    expect(stored.version).toBe(2);
  });

  it("requires a version and validates fields", async () => {
    const { owner, claim } = await setup();
    const noVersion = await patch(claim.id, owner.headers, { verdict: "TRUE" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.json.error.fields).toHaveProperty("version");
    const badVerdict = await patch(claim.id, owner.headers, { version: 1, verdict: "NOPE" });
    expect(badVerdict.json.error.fields).toHaveProperty("verdict");
  });

  it("re-attaches a claim to a new span, audited", async () => {
    const { article, owner, claim } = await setup();
    await prisma.claim.update({ where: { id: claim.id }, data: { anchorStatus: "ORPHANED" } });
    const other = "And a third.";
    const start = article.text.indexOf(other);
    const res = await patch(claim.id, owner.headers, { version: 1, selector: { exact: other, prefix: "", suffix: "", start, end: start + other.length } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ anchorStatus: "ANCHORED", selector: { exact: other, start } });
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.reattach" } })).toBe(1);
  });

  it("an owner cannot edit or delete an approved claim; an editor's edit sends it back to SUBMITTED", async () => {
    const { owner, claim } = await setup();
    await prisma.claim.update({ where: { id: claim.id }, data: { status: "APPROVED" } });
    expect((await patch(claim.id, owner.headers, { version: 1, verdict: "TRUE" })).status).toBe(403);
    expect((await call(deleteRoute, { method: "DELETE", params: { id: claim.id }, headers: owner.headers })).status).toBe(403);
    const editor = await makeCaller("EDITOR");
    const res = await patch(claim.id, editor.headers, { version: 1, verdict: "MOSTLY_FALSE" });
    expect(res.json).toMatchObject({ status: "SUBMITTED", verdict: "MOSTLY_FALSE" });
  });

  it("GET returns the claim; 404 once deleted", async () => {
    const { owner, claim } = await setup();
    expect((await call(getRoute, { params: { id: claim.id }, headers: owner.headers })).json.id).toBe(claim.id);
    expect((await call(deleteRoute, { method: "DELETE", params: { id: claim.id }, headers: owner.headers })).status).toBe(204);
    expect((await call(getRoute, { params: { id: claim.id }, headers: owner.headers })).status).toBe(404);
    expect((await patch(claim.id, owner.headers, { version: 1, verdict: "TRUE" })).status).toBe(404);
  });
});

describe("POST /api/claims/:id/submit", () => {
  it("moves the owner's draft to SUBMITTED once; a second submit is 409", async () => {
    const { owner, claim } = await setup();
    const res = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, rawBody: "" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "SUBMITTED", version: 2 });
    expect(res.json.submittedAt).toBeTruthy();
    const again = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, body: {} });
    expect(again.status).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.submit" } })).toBe(1);
  });

  it("is the owner's act only, and checks a given version", async () => {
    const { owner, claim } = await setup();
    const editor = await makeCaller("EDITOR");
    expect((await call(submitRoute, { params: { id: claim.id }, headers: editor.headers, body: {} })).status).toBe(403);
    const stale = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, body: { version: 7 } });
    expect(stale.status).toBe(409);
    expect(stale.json.current.version).toBe(1);
  });
});

describe("POST /api/claims/:id/comments", () => {
  it("lets any reviewer comment; the comment shows on the claim and is audited", async () => {
    const { claim } = await setup();
    const other = await makeCaller("REVIEWER");
    const res = await call(commentRoute, { params: { id: claim.id }, headers: other.headers, body: { body: "  Which archive?  " } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ body: "Which archive?", author: { id: other.user.id } });
    const got = await call(getRoute, { params: { id: claim.id }, headers: other.headers });
    expect(got.json.comments.map((c: { body: string }) => c.body)).toEqual(["Which archive?"]);
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.comment" } })).toBe(1);
  });

  it("rejects an empty comment and an unknown claim", async () => {
    const { claim } = await setup();
    const { headers } = await makeCaller("REVIEWER");
    const empty = await call(commentRoute, { params: { id: claim.id }, headers, body: { body: " " } });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields).toHaveProperty("body");
    expect((await call(commentRoute, { params: { id: "nope" }, headers, body: { body: "hi" } })).status).toBe(404);
  });
});

describe("GET /api/articles/:id/reader", () => {
  it("sends the text once and every claim, compactly, decodable to what the claims API says", async () => {
    const { GET: readerRoute } = await import("@/app/api/articles/[id]/reader/route");
    const { decodeBlocks, decodeClaims } = await import("@/lib/claims/reader-codec");
    const { article, owner, claim } = await setup();
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { blocks: true } });
    const res = await call(readerRoute, { params: { id: article.id }, headers: owner.headers });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: article.id, revision: 1, text: article.text });
    expect(decodeBlocks(res.json.blocks)).toEqual(stored.blocks);
    const needle = JSON.stringify(article.text.slice(0, 40)).slice(1, -1); // as it appears in JSON
    expect(res.text.split(needle).length - 1).toBe(1);
    const [decoded] = decodeClaims(res.json as never, article.text);
    expect(decoded).toEqual({
      id: claim.id, selector: { exact: claim.selector.exact, start: claim.selector.start, end: claim.selector.end }, anchorStatus: "ANCHORED",
      claimText: claim.claimText, verdict: claim.verdict, status: "DRAFT", author: claim.author, version: 1, updatedAt: claim.updatedAt, sourceCount: 2,
    });
  });

  it("follows a new revision of the text", async () => {
    const { GET: readerRoute } = await import("@/app/api/articles/[id]/reader/route");
    const { article, owner } = await setup();
    await call(readerRoute, { params: { id: article.id }, headers: owner.headers }); // cached here
    const text = `A new first line.\n${article.text}`;
    await prisma.article.update({ where: { id: article.id }, data: { text, revision: 2, blocks: [{ type: "paragraph", start: 0, end: text.length }] } });
    const res = await call(readerRoute, { params: { id: article.id }, headers: owner.headers });
    expect(res.json).toMatchObject({ revision: 2, text });
  });
});
