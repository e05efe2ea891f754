// The review page's context, against a real database: a claim's history
// numbered by revisions with word diffs, the claims a conflicting one
// contradicts, and whether the article under review is already public.
import { describe, expect, it } from "vitest";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { GET as queueRoute } from "@/app/api/review-queue/route";
import { claimHistory, conflictsFor, listReviewQueue } from "@/lib/reviews/data";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const uniqueUrl = () => `https://news.example/context-${Math.random().toString(36).slice(2)}`;

async function draft(article: { id: string; text: string }, owner: { headers: Record<string, string> }, quote: string, overrides: Record<string, unknown> = {}) {
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, quote, overrides) });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

async function submit(id: string, owner: { headers: Record<string, string> }, version: number) {
  const res = await call(submitRoute, { params: { id }, headers: owner.headers, body: { version } });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

describe("claim history on the review page", () => {
  it("numbers edits as revisions 1, 2, 3 while the version counter moves on every write, and diffs the edited words", async () => {
    const article = await makeArticle({ sourceUrl: uniqueUrl() });
    const owner = await makeCaller("REVIEWER");
    const editor = await makeCaller("EDITOR");
    const created = await draft(article, owner, "the sky was green in 2007", { rationale: "Archive photos show a blue sky over the city." });
    const submitted = await submit(created.id, owner, created.version);
    const rc = await call(reviewRoute, { params: { id: created.id }, headers: editor.headers, body: { decision: "REQUEST_CHANGES", comment: "Say which archive.", version: submitted.version } });
    expect(rc.status).toBe(200);
    const edited = await call(patchRoute, { method: "PATCH", params: { id: created.id }, headers: owner.headers, body: { version: rc.json.version, rationale: "Archive photos from the city library show a clear blue sky over the city." } });
    expect(edited.status).toBe(200);
    const resubmitted = await submit(created.id, owner, edited.json.version);
    await call(commentRoute, { params: { id: created.id }, headers: editor.headers, body: { body: "Thanks, reading it now." } });

    // Five writes moved the counter from 1 to 5; only two of them changed what the claim says.
    expect(resubmitted.version).toBe(5);
    const history = await claimHistory(created.id);
    expect(history.revision).toBe(2);
    expect(history.entries.map((e) => [e.action, e.revision, e.about])).toEqual([
      ["claim.create", 1, null],
      ["claim.submit", null, 1],
      ["claim.review.request_changes", null, 1],
      ["claim.update", 2, null],
      ["claim.submit", null, 2],
      ["claim.comment", null, null],
    ]);
    const edit = history.entries[3];
    expect(edit.textChanges.map((t) => t.label)).toEqual(["Rationale"]);
    const added = edit.textChanges[0].segments.filter((s) => s.kind === "added").map((s) => ("text" in s ? s.text.trim() : ""));
    expect(added).toEqual(["from the city library", "clear"]);
    expect(edit.details.join(" ")).not.toMatch(/version/i);
    expect(history.entries[2].note).toBe("Say which archive.");
    expect(history.entries[5].note).toBe("Thanks, reading it now.");
  });
});

describe("conflicting verdicts name the other claim", () => {
  it("gives each conflicting claim the claims it contradicts, and the queue carries them", async () => {
    const article = await makeArticle({ sourceUrl: uniqueUrl() });
    const owner = await makeCaller("REVIEWER");
    const other = await makeCaller("REVIEWER");
    const a = await draft(article, owner, "the sky was green in 2007", { claimText: "The sky was green in 2007.", verdict: "FALSE" });
    const b = await draft(article, other, "sky was green", { claimText: "The sky looked green.", verdict: "TRUE" });
    const agrees = await draft(article, other, "green in 2007", { claimText: "Green in 2007.", verdict: "FALSE" });
    const conflicts = await conflictsFor([article.id]);
    expect(conflicts.get(a.id)).toEqual([{ id: b.id, claimText: "The sky looked green.", verdict: "TRUE", status: "DRAFT" }]);
    expect(conflicts.get(b.id)?.map((p) => p.id).sort()).toEqual([a.id, agrees.id].sort());
    expect(conflicts.get(agrees.id)).toEqual([expect.objectContaining({ id: b.id, verdict: "TRUE" })]);

    await submit(a.id, owner, a.version);
    const queue = await listReviewQueue({ articleId: article.id });
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ id: a.id, hasConflict: true, conflictsWith: [{ id: b.id, claimText: "The sky looked green.", verdict: "TRUE" }] });

    // Rejecting the other claim settles the conflict.
    const editor = await makeCaller("EDITOR");
    const bSubmitted = await submit(b.id, other, b.version);
    const rejected = await call(reviewRoute, { params: { id: b.id }, headers: editor.headers, body: { decision: "REJECT", comment: "Not what the text says.", version: bSubmitted.version } });
    expect(rejected.status).toBe(200);
    expect((await conflictsFor([article.id])).has(a.id)).toBe(false);
  });
});

describe("review pages know when the article is live", () => {
  it("marks queue items of a published article, in the page's data and the API", async () => {
    const article = await makeArticle({ sourceUrl: uniqueUrl() });
    const owner = await makeCaller("REVIEWER");
    const editor = await makeCaller("EDITOR");
    const first = await draft(article, owner, "the sky was green in 2007");
    const firstSubmitted = await submit(first.id, owner, first.version);
    expect((await listReviewQueue({ articleId: article.id })).items[0].article).toMatchObject({ id: article.id, isPublished: false });

    const approved = await call(reviewRoute, { params: { id: first.id }, headers: editor.headers, body: { decision: "APPROVE", version: firstSubmitted.version } });
    expect(approved.status).toBe(200);
    const published = await call(publishRoute, { params: { id: article.id }, headers: editor.headers, body: {} });
    expect(published.status, JSON.stringify(published.json)).toBeLessThan(300);

    const later = await draft(article, owner, "a second paragraph", { claimText: "There is a second paragraph.", verdict: "TRUE" });
    await submit(later.id, owner, later.version);
    const queue = await listReviewQueue({ articleId: article.id });
    expect(queue.items.map((i) => [i.id, i.article.isPublished])).toEqual([[later.id, true]]);
    const api = await call(queueRoute, { path: `/api/review-queue?articleId=${article.id}`, headers: editor.headers });
    expect(api.status).toBe(200);
    expect(api.json.items[0].article).toMatchObject({ id: article.id, isPublished: true, status: "PUBLISHED" });
  });
});
