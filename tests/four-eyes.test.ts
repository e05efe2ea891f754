// Four eyes (finding 8): nobody approves a claim they wrote or last edited;
// ALLOW_SELF_APPROVAL=1 lifts it for one-person teams.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const QUOTE = "the sky was green in 2007";
type Caller = Awaited<ReturnType<typeof makeCaller>>;

async function submitted(author: Caller) {
  const article = await makeArticle({ sourceUrl: `https://four-eyes.example/${Math.random().toString(36).slice(2)}` });
  const created = await call(createClaimRoute, { params: { id: article.id }, headers: author.headers, body: claimBody(article.text, QUOTE) });
  expect(created.status).toBe(201);
  const sub = await call(submitRoute, { params: { id: created.json.id }, headers: author.headers, body: { version: 1 } });
  expect(sub.status).toBe(200);
  return { article, claim: sub.json as { id: string; version: number } };
}
const approve = (id: string, who: Caller, version: number, extra: Record<string, unknown> = {}) =>
  call(reviewRoute, { params: { id }, headers: who.headers, body: { decision: "APPROVE", version, ...extra } });

afterEach(() => {
  delete process.env.ALLOW_SELF_APPROVAL;
  reloadEnv();
});

describe("four eyes", () => {
  it("an editor cannot approve a claim they wrote, nor publish it through a self-approval; another editor can", async () => {
    const editor = await makeCaller("EDITOR");
    const { article, claim } = await submitted(editor);
    const self = await approve(claim.id, editor, claim.version);
    expect(self.status).toBe(403);
    expect(self.json.error.fields.decision).toMatch(/You wrote this claim/);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "SUBMITTED", version: claim.version });
    expect(await prisma.review.count({ where: { claimId: claim.id } })).toBe(0);
    // Publishing still refuses while the claim waits.
    expect((await call(publishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(409);
    const other = await makeCaller("EDITOR");
    expect((await approve(claim.id, other, claim.version)).status).toBe(200);
  });

  it("an editor who last edited a reviewer's claim cannot approve it", async () => {
    const reviewer = await makeCaller("REVIEWER");
    const { claim } = await submitted(reviewer);
    const editor = await makeCaller("EDITOR");
    const edited = await call(patchRoute, { method: "PATCH", params: { id: claim.id }, headers: editor.headers, body: { version: claim.version, verdict: "MIXED" } });
    expect(edited.status).toBe(200);
    expect(edited.json.lastEditedBy).toMatchObject({ id: editor.user.id });
    const res = await approve(claim.id, editor, edited.json.version);
    expect(res.status).toBe(403);
    expect(res.json.error.fields.decision).toMatch(/last change/);
    expect((await approve(claim.id, await makeCaller("EDITOR"), edited.json.version)).status).toBe(200);
  });

  it("an approval cannot carry the approver's own change to the verdict or rationale", async () => {
    const { claim } = await submitted(await makeCaller("REVIEWER"));
    const editor = await makeCaller("EDITOR");
    const res = await approve(claim.id, editor, claim.version, { verdict: "TRUE" });
    expect(res.status).toBe(403);
    expect(res.json.error.fields.decision).toMatch(/approve your own edit/);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBe("FALSE");
    // Requesting changes with an edit is fine, and makes the editor the last editor.
    const rc = await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "REQUEST_CHANGES", version: claim.version, comment: "I think it is true.", verdict: "TRUE" } });
    expect(rc.status).toBe(200);
    expect(rc.json.lastEditedBy).toMatchObject({ id: editor.user.id });
  });

  it("ALLOW_SELF_APPROVAL=1 lets a one-person team approve its own claims", async () => {
    process.env.ALLOW_SELF_APPROVAL = "1";
    reloadEnv();
    const editor = await makeCaller("EDITOR");
    const { claim } = await submitted(editor);
    const res = await approve(claim.id, editor, claim.version, { rationale: "Checked twice, alone." });
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe("APPROVED");
  });

  it("two editors approving each other's claims at once both succeed; each claim gets one approval", async () => {
    const a = await makeCaller("EDITOR");
    const b = await makeCaller("EDITOR");
    const [ca, cb] = await Promise.all([submitted(a), submitted(b)]);
    const [ra, rb] = await Promise.all([approve(ca.claim.id, b, ca.claim.version), approve(cb.claim.id, a, cb.claim.version)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(await prisma.review.count({ where: { claimId: { in: [ca.claim.id, cb.claim.id] }, decision: "APPROVE" } })).toBe(2);
  });
});
