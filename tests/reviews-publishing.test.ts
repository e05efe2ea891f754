import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { GET as queueRoute } from "@/app/api/review-queue/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as unpublishRoute } from "@/app/api/articles/[id]/unpublish/route";
import { GET as claimReviewRoute } from "@/app/api/fact-checks/[slug]/claimreview/route";
import { GET as exportRoute } from "@/app/api/articles/[id]/export/route";
import { GET as auditRoute } from "@/app/api/audit/route";
import { makeArticle, makeCaller, makeUser } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const QUOTE = "the sky was green in 2007";

async function submittedClaim(opts: { quote?: string; verdict?: string; article?: Awaited<ReturnType<typeof makeArticle>> } = {}) {
  const article = opts.article ?? (await makeArticle({ sourceUrl: `https://news.example/${Math.random().toString(36).slice(2)}` }));
  const owner = await makeCaller("REVIEWER");
  const created = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, opts.quote ?? QUOTE, opts.verdict ? { verdict: opts.verdict } : {}) });
  expect(created.status).toBe(201);
  const submitted = await call(submitRoute, { params: { id: created.json.id }, headers: owner.headers, body: { version: 1 } });
  expect(submitted.status).toBe(200);
  return { article, owner, claim: submitted.json };
}

const review = (id: string, headers: Record<string, string>, body: unknown) => call(reviewRoute, { params: { id }, headers, body });

describe("reviews", () => {
  it("a reviewer cannot review (403) and the claim is untouched", async () => {
    const { claim, owner } = await submittedClaim();
    const res = await review(claim.id, owner.headers, { decision: "APPROVE", version: claim.version });
    expect(res.status).toBe(403);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("SUBMITTED");
  });

  it("request changes → reviewer edits and resubmits → approve, each decision a Review row with its audit event", async () => {
    const { claim, owner } = await submittedClaim();
    const editor = await makeCaller("EDITOR");
    const noComment = await review(claim.id, editor.headers, { decision: "REQUEST_CHANGES", version: claim.version });
    expect(noComment.status).toBe(400);
    expect(noComment.json.error.fields).toHaveProperty("comment");

    // The editor's change to the verdict travels with the request (an approval may not carry one: four eyes).
    const rc = await review(claim.id, editor.headers, { decision: "REQUEST_CHANGES", comment: "Cite the archive.", version: claim.version, verdict: "MOSTLY_FALSE" });
    expect(rc.status).toBe(200);
    expect(rc.json).toMatchObject({ status: "CHANGES_REQUESTED", version: claim.version + 1, verdict: "MOSTLY_FALSE", lastEditedBy: { id: editor.user.id } });
    expect(rc.json.reviews).toEqual([expect.objectContaining({ decision: "REQUEST_CHANGES", comment: "Cite the archive.", claimVersion: claim.version })]);

    const edited = await call(patchRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: rc.json.version, rationale: "Now with the archive." } });
    expect(edited.json.status).toBe("CHANGES_REQUESTED");
    const resubmitted = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, body: { version: edited.json.version } });
    expect(resubmitted.json.status).toBe("SUBMITTED");

    const ok = await review(claim.id, editor.headers, { decision: "APPROVE", version: resubmitted.json.version });
    expect(ok.json).toMatchObject({ status: "APPROVED", verdict: "MOSTLY_FALSE" });
    const events = await prisma.auditEvent.findMany({ where: { entityId: claim.id, action: { startsWith: "claim.review." } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["claim.review.request_changes", editor.user.id],
      ["claim.review.approve", editor.user.id],
    ]);
    expect(events[0].changes).toMatchObject({ verdict: { from: "FALSE", to: "MOSTLY_FALSE" } });
    expect(await prisma.review.count({ where: { claimId: claim.id } })).toBe(2);
  });

  it("reject writes its review and audit event", async () => {
    const { claim } = await submittedClaim();
    const editor = await makeCaller("EDITOR");
    const res = await review(claim.id, editor.headers, { decision: "REJECT", comment: "Not a checkable claim.", version: claim.version });
    expect(res.json.status).toBe("REJECTED");
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.review.reject" } })).toBe(1);
  });

  it("a decision on a stale version is 409 and writes nothing", async () => {
    const { claim, owner } = await submittedClaim();
    await call(patchRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: claim.version, rationale: "Changed while in review." } });
    const editor = await makeCaller("EDITOR");
    const res = await review(claim.id, editor.headers, { decision: "APPROVE", version: claim.version });
    expect(res.status).toBe(409);
    expect(res.json.current.version).toBe(claim.version + 1);
    expect(await prisma.review.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("editing an approved claim sends it back to SUBMITTED", async () => {
    const { claim } = await submittedClaim();
    const editor = await makeCaller("EDITOR");
    const approved = await review(claim.id, editor.headers, { decision: "APPROVE", version: claim.version });
    const res = await call(patchRoute, { method: "PATCH", params: { id: claim.id }, headers: editor.headers, body: { version: approved.json.version, claimText: "Sharper wording." } });
    expect(res.json.status).toBe("SUBMITTED");
  });

  it("20 concurrent PATCHes with the same version: one 200, nineteen 409, and the stored claim is the winner's", async () => {
    const { claim, owner } = await submittedClaim();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(patchRoute, { method: "PATCH", params: { id: claim.id }, headers: owner.headers, body: { version: claim.version, claimText: `Concurrent ${i}`, verdict: i % 2 ? "TRUE" : "MIXED" } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const winner = results.find((r) => r.status === 200)!.json;
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ claimText: stored.claimText, verdict: stored.verdict, version: stored.version }).toEqual({ claimText: winner.claimText, verdict: winner.verdict, version: claim.version + 1 });
  });

  it("the queue lists submitted claims oldest first and flags conflicting verdicts", async () => {
    const article = await makeArticle();
    const first = await submittedClaim({ article, quote: "the sky was green in 2007", verdict: "FALSE" });
    const second = await submittedClaim({ article, quote: "green in 2007", verdict: "TRUE" });
    const editor = await makeCaller("EDITOR");
    const res = await call(queueRoute, { path: `/api/review-queue?articleId=${article.id}`, headers: editor.headers });
    expect(res.status).toBe(200);
    expect(res.json.items.map((c: { id: string }) => c.id)).toEqual([first.claim.id, second.claim.id]);
    expect(res.json.items.every((c: { hasConflict: boolean }) => c.hasConflict)).toBe(true);
    expect((await call(queueRoute, { path: "/api/review-queue", headers: first.owner.headers })).status).toBe(403);
  });

  it("the queue's article filter offers the articles waiting longest (at most 100, by title) and the one selected", async () => {
    const { reviewQueueFacets, FACET_ARTICLES } = await import("@/lib/reviews/data");
    const author = await makeUser({ role: "REVIEWER" });
    // FACET_ARTICLES + 1 articles whose claims waited since 2001, oldest first: the last one is left out.
    const made: string[] = [];
    for (let i = 0; i <= FACET_ARTICLES; i++) {
      const article = await makeArticle({ title: `Waiting ${String(FACET_ARTICLES - i).padStart(3, "0")}`, sourceUrl: `https://news.example/waiting-${Math.random().toString(36).slice(2)}` });
      await prisma.claim.create({ data: { articleId: article.id, exact: "the sky", start: 0, end: 7, claimText: "c", verdict: "FALSE", status: "SUBMITTED", authorId: author.id, submittedAt: new Date(Date.UTC(2001, 0, 1, 0, i)) } });
      made.push(article.id);
    }
    const facets = await reviewQueueFacets();
    expect(facets.articles).toHaveLength(FACET_ARTICLES);
    expect(facets.articlesWaiting).toBeGreaterThan(FACET_ARTICLES);
    expect(facets.articles.map((a) => a.id).sort()).toEqual(made.slice(0, FACET_ARTICLES).sort());
    const titles = facets.articles.map((a) => a.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // The selected article is offered even when it is not among the longest waiting.
    const selected = await reviewQueueFacets(made[FACET_ARTICLES]);
    expect(selected.articles.map((a) => a.id)).toContain(made[FACET_ARTICLES]);
    await prisma.claim.deleteMany({ where: { articleId: { in: made } } });
  });

  it("the queue pages: total counts every waiting claim, pages follow the order, a bad page size names the field", async () => {
    const article = await makeArticle();
    const made = [];
    for (const quote of ["the sky was green in 2007", "green in 2007", "the sky was"]) made.push((await submittedClaim({ article, quote, verdict: "FALSE" })).claim.id);
    const editor = await makeCaller("EDITOR");
    const page = async (n: number) => (await call(queueRoute, { path: `/api/review-queue?articleId=${article.id}&pageSize=2&page=${n}`, headers: editor.headers })).json;
    const [one, two, three] = [await page(1), await page(2), await page(3)];
    expect({ total: one.total, page: one.page, pageSize: one.pageSize }).toEqual({ total: 3, page: 1, pageSize: 2 });
    expect([...one.items, ...two.items].map((c: { id: string }) => c.id)).toEqual(made);
    expect(three.items).toEqual([]);
    expect(three.total).toBe(3);
    const bad = await call(queueRoute, { path: "/api/review-queue?pageSize=501", headers: editor.headers });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.pageSize).toMatch(/at most 500/);
  });
});

describe("publishing", () => {
  it("a reviewer cannot publish (403); a pending claim blocks publishing (409 naming it)", async () => {
    const { article, claim, owner } = await submittedClaim();
    expect((await call(publishRoute, { params: { id: article.id }, headers: owner.headers })).status).toBe(403);
    const editor = await makeCaller("EDITOR");
    const res = await call(publishRoute, { params: { id: article.id }, headers: editor.headers });
    expect(res.status).toBe(409);
    expect(res.json.pending.map((p: { id: string }) => p.id)).toEqual([claim.id]);
    expect(res.json.error.message).toContain(claim.claimText);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("OPEN");
  });

  it("publishes approved claims as ClaimReview; unpublishing makes it 404 and keeps the data", async () => {
    const { article, claim } = await submittedClaim({ verdict: "FALSE" });
    const editor = await makeCaller("EDITOR");
    await review(claim.id, editor.headers, { decision: "APPROVE", version: claim.version });
    const pub = await call(publishRoute, { params: { id: article.id }, headers: editor.headers });
    expect(pub.status).toBe(200);
    expect(pub.json.url).toBe(`/fact-checks/${article.slug}`);

    const jsonld = await call(claimReviewRoute, { params: { slug: article.slug }, path: `/api/fact-checks/${article.slug}/claimreview` });
    expect(jsonld.status).toBe(200);
    expect(jsonld.json).toHaveLength(1);
    expect(jsonld.json[0]).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: claim.claimText,
      reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
      itemReviewed: { "@type": "Claim", appearance: { url: article.sourceUrl } },
    });
    expect(jsonld.json[0].url).toMatch(new RegExp(`/fact-checks/${article.slug}#claim-${claim.id}$`));

    const unpub = await call(unpublishRoute, { params: { id: article.id }, headers: editor.headers });
    expect(unpub.status).toBe(200);
    expect((await call(claimReviewRoute, { params: { slug: article.slug } })).status).toBe(404);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(1);
    const events = await prisma.auditEvent.findMany({ where: { entityId: article.id, action: { in: ["article.publish", "article.unpublish"] } } });
    expect(events).toHaveLength(2);
  });

  it("drafts, rejected and pending claims never appear in the published ClaimReview", async () => {
    const article = await makeArticle();
    const approved = await submittedClaim({ article, quote: "the sky was green in 2007" });
    const rejected = await submittedClaim({ article, quote: "And a third." });
    const editor = await makeCaller("EDITOR");
    await review(approved.claim.id, editor.headers, { decision: "APPROVE", version: approved.claim.version });
    await review(rejected.claim.id, editor.headers, { decision: "REJECT", comment: "No.", version: rejected.claim.version });
    const draftOwner = await makeCaller("REVIEWER");
    await call(createClaimRoute, { params: { id: article.id }, headers: draftOwner.headers, body: claimBody(article.text, "It has a second paragraph") });
    expect((await call(publishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(200);
    const jsonld = await call(claimReviewRoute, { params: { slug: article.slug } });
    expect(jsonld.json.map((r: { claimReviewed: string }) => r.claimReviewed)).toEqual([approved.claim.claimText]);
  });

  it("an unpublished or unknown slug is 404 for everyone", async () => {
    const article = await makeArticle();
    expect((await call(claimReviewRoute, { params: { slug: article.slug } })).status).toBe(404);
    expect((await call(claimReviewRoute, { params: { slug: "no-such-slug" } })).status).toBe(404);
  });
});

describe("exports and audit", () => {
  it("editors export an article's claims as CSV; reviewers may not", async () => {
    const { article, claim, owner } = await submittedClaim();
    const editor = await makeCaller("EDITOR");
    const res = await call(exportRoute, { params: { id: article.id }, headers: editor.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("quote,claim,verdict,status,reviewer,sources");
    expect(lines[1]).toContain(QUOTE);
    expect(lines[1]).toContain(claim.claimText.replace(/\./g, "."));
    expect(lines[1]).toContain("REFUTES: Sky colour records, 2007 <https://example.org/sky-2007>");
    expect((await call(exportRoute, { params: { id: article.id }, headers: owner.headers })).status).toBe(403);
  });

  it("GET /api/audit filters by record for admins only", async () => {
    const { claim, owner } = await submittedClaim();
    const admin = await makeCaller("ADMIN");
    const res = await call(auditRoute, { path: `/api/audit?entityId=${claim.id}`, headers: admin.headers });
    expect(res.status).toBe(200);
    expect(res.json.items.map((e: { action: string }) => e.action).sort()).toEqual(["claim.create", "claim.submit"]);
    expect(res.json.items[0].actor).not.toHaveProperty("passwordHash");
    expect((await call(auditRoute, { path: "/api/audit", headers: owner.headers })).status).toBe(403);
  });

  it("the audit log's action filter offers each recorded action once, in order (an index skip scan, not every event read)", async () => {
    await submittedClaim();
    const { auditFacets } = await import("@/lib/audit/data");
    const { actions } = await auditFacets();
    const stored = (await prisma.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } })).map((g) => g.action);
    expect(actions).toEqual(stored);
    expect(actions).toEqual(expect.arrayContaining(["claim.create", "claim.submit"]));
  });
});
