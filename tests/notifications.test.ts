// Assignments, @mentions and notifications (issue 15): who is told what, in the
// same transaction as the change that caused it, and each user sees only their own.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { GET as listRoute } from "@/app/api/notifications/route";
import { POST as readRoute } from "@/app/api/notifications/read/route";
import { GET as listAssignmentsRoute, POST as assignRoute } from "@/app/api/articles/[id]/assignments/route";
import { DELETE as unassignRoute } from "@/app/api/assignments/[assignmentId]/route";
import { GET as assigneesRoute } from "@/app/api/assignments/assignees/route";
import { makeArticle, makeCaller, makeUser } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const QUOTE = "the sky was green in 2007";
type Caller = Awaited<ReturnType<typeof makeCaller>>;
const uid = () => randomUUID().slice(0, 8);

async function draft(author: Caller) {
  const article = await makeArticle({ sourceUrl: `https://notifications.example/${uid()}` });
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: author.headers, body: claimBody(article.text, QUOTE) });
  expect(res.status).toBe(201);
  return { article, claim: res.json as { id: string; version: number } };
}
async function submitted(author: Caller) {
  const { article, claim } = await draft(author);
  const res = await call(submitRoute, { params: { id: claim.id }, headers: author.headers, body: { version: claim.version } });
  expect(res.status).toBe(200);
  return { article, claim: res.json as { id: string; version: number } };
}
/** A reviewer with a known e-mail handle and name. */
async function person(handle: string, name: string, opts: { active?: boolean } = {}) {
  return makeUser({ email: `${handle}@newsroom.example`, name, active: opts.active });
}
const notificationsOf = (userId: string) => prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const comment = (who: Caller, claimId: string, body: string) => call(commentRoute, { params: { id: claimId }, headers: who.headers, body: { body } });

describe("@mentions in comments", () => {
  it("notify each mentioned active user once, by e-mail handle or name without spaces, never the writer", async () => {
    const tag = uid();
    const rita = await person(`rita-${tag}`, `Rita Reviewer${tag}`);
    const sam = await person(`sam-${tag}`, `Sam Sub${tag}`);
    const gone = await person(`gone-${tag}`, `Gone Person${tag}`, { active: false });
    const bystander = await person(`by-${tag}`, `By Stander${tag}`);
    const editor = await makeCaller("EDITOR");
    const { article, claim } = await draft(await makeCaller());
    const selfHandle = editor.user.email.split("@")[0];

    const res = await comment(editor, claim.id, `@RITA-${tag} please look; also @ritareviewer${tag}, @SamSub${tag}. Not @gone-${tag}, not me @${selfHandle}, not rita-${tag}@newsroom.example nor https://x.example/@by-${tag}`);
    expect(res.status).toBe(201);

    const [forRita, forSam, forGone, forBystander, forEditor] = await Promise.all([rita, sam, gone, bystander, editor.user].map((u) => notificationsOf(u.id)));
    expect(forRita).toHaveLength(1);
    expect(forSam).toHaveLength(1);
    expect(forGone).toEqual([]);
    expect(forBystander).toEqual([]);
    expect(forEditor).toEqual([]);
    expect(forRita[0]).toMatchObject({
      kind: "MENTION",
      actorId: editor.user.id,
      articleId: article.id,
      claimId: claim.id,
      message: `${editor.user.name} mentioned you on “The sky was green in 2007.”`,
      href: `/articles/${article.id}?claim=${claim.id}`,
      readAt: null,
    });
  });

  it("are written in the comment's transaction: a comment that fails leaves no notification (and no comment)", async () => {
    const tag = uid();
    const ok = await person(`ok-${tag}`, `Ok Person${tag}`);
    const trap = await person(`trap-${tag}`, `Trap Person${tag}`);
    const { claim } = await draft(await makeCaller());
    const fn = `notification_trap_${tag.replace(/-/g, "")}`;
    // Refuses a notification for one user only, so that other tests running meanwhile are untouched.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."userId" = '${trap.id}' THEN RAISE EXCEPTION 'trap'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await comment(await makeCaller("EDITOR"), claim.id, `@ok-${tag} and @trap-${tag}`);
      expect(res.status).toBe(500);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Notification"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(await notificationsOf(ok.id)).toEqual([]);
    expect(await prisma.comment.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: claim.id, action: "claim.comment" } })).toBe(0);

    // The same comment without the trap goes through, with its notifications.
    expect((await comment(await makeCaller("EDITOR"), claim.id, `@ok-${tag} and @trap-${tag}`)).status).toBe(201);
    expect(await notificationsOf(ok.id)).toHaveLength(1);
    expect(await notificationsOf(trap.id)).toHaveLength(1);
  });

  it("a comment on an unknown claim notifies nobody", async () => {
    const tag = uid();
    const rita = await person(`rita-${tag}`, `Rita ${tag}`);
    expect((await comment(await makeCaller(), "no-such-claim", `@rita-${tag}`)).status).toBe(404);
    expect(await notificationsOf(rita.id)).toEqual([]);
  });
});

describe("review decisions", () => {
  it("tell the claim's author: changes requested, then approved; a mention in the decision's comment tells the others", async () => {
    const author = await makeCaller();
    const tag = uid();
    const colleague = await person(`col-${tag}`, `Col League${tag}`);
    const editor = await makeCaller("EDITOR");
    const { article, claim } = await submitted(author);
    const authorHandle = author.user.email.split("@")[0];

    const changes = await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "REQUEST_CHANGES", comment: `@${authorHandle} add a source; @col-${tag} knows one`, version: claim.version } });
    expect(changes.status).toBe(200);
    let mine = await notificationsOf(author.user.id);
    // One notification for the author (the decision), not a second for the mention.
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "CHANGES_REQUESTED", actorId: editor.user.id, message: `${editor.user.name} asked for changes to your claim “The sky was green in 2007.”`, href: `/articles/${article.id}?claim=${claim.id}` });
    expect((await notificationsOf(colleague.id)).map((n) => n.kind)).toEqual(["MENTION"]);

    const again = await call(submitRoute, { params: { id: claim.id }, headers: author.headers, body: { version: changes.json.version } });
    expect(again.status).toBe(200);
    expect((await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "APPROVE", version: again.json.version } })).status).toBe(200);
    mine = await notificationsOf(author.user.id);
    expect(mine.map((n) => n.kind)).toEqual(["CHANGES_REQUESTED", "REVIEW_DECISION"]);
    expect(mine[1].message).toBe(`${editor.user.name} approved your claim “The sky was green in 2007.”`);
  });

  it("an editor deciding on their own claim is not notified; a refused decision notifies nobody", async () => {
    const editor = await makeCaller("EDITOR");
    const { claim } = await submitted(editor);
    // Four eyes refuses the self-approval: nothing committed, nothing said.
    expect((await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "APPROVE", version: claim.version } })).status).toBe(403);
    expect((await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "REJECT", comment: "Withdrawn.", version: claim.version } })).status).toBe(200);
    expect(await notificationsOf(editor.user.id)).toEqual([]);
  });
});

describe("assignments", () => {
  it("an editor assigns an article and a claim: audited, the assignee notified, listed; unassigning is audited too", async () => {
    const editor = await makeCaller("EDITOR");
    const reviewer = await makeCaller();
    const { article, claim } = await draft(reviewer);

    const whole = await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: reviewer.user.id, note: "Please check the numbers" } });
    expect(whole.status).toBe(201);
    expect(whole.json).toMatchObject({ claimId: null, assignee: { id: reviewer.user.id, name: reviewer.user.name }, assignedBy: { id: editor.user.id }, note: "Please check the numbers" });
    const one = await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: reviewer.user.id, claimId: claim.id } });
    expect(one.status).toBe(201);

    const audit = await prisma.auditEvent.findMany({ where: { action: "assignment.create", entityId: { in: [whole.json.id, one.json.id] } } });
    expect(audit.map((a) => a.actorId)).toEqual([editor.user.id, editor.user.id]);
    const told = await notificationsOf(reviewer.user.id);
    expect(told.map((n) => [n.kind, n.href])).toEqual([
      ["ASSIGNMENT", `/articles/${article.id}`],
      ["ASSIGNMENT", `/articles/${article.id}?claim=${claim.id}`],
    ]);
    expect(told[0].message).toBe(`${editor.user.name} assigned you “${article.title}”`);
    expect(told[1].message).toBe(`${editor.user.name} assigned you the claim “The sky was green in 2007.” in “${article.title}”`);

    const listed = await call(listAssignmentsRoute, { params: { id: article.id }, headers: reviewer.headers });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((i: { id: string; claimId: string | null }) => [i.id, i.claimId])).toEqual([[whole.json.id, null], [one.json.id, claim.id]]);

    // The same assignment twice is refused.
    expect((await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: reviewer.user.id, claimId: claim.id } })).status).toBe(409);

    expect((await call(unassignRoute, { method: "DELETE", params: { assignmentId: one.json.id }, headers: editor.headers })).status).toBe(204);
    expect(await prisma.assignment.count({ where: { id: one.json.id } })).toBe(0);
    const removed = await prisma.auditEvent.findFirst({ where: { action: "assignment.delete", entityId: one.json.id } });
    expect(removed).toMatchObject({ actorId: editor.user.id, changes: { articleId: article.id, claimId: claim.id, assigneeId: reviewer.user.id } });
    expect((await call(unassignRoute, { method: "DELETE", params: { assignmentId: one.json.id }, headers: editor.headers })).status).toBe(404);
  });

  it("two editors assigning the same person at the same moment store one assignment: the other is told it exists (409)", async () => {
    const [a, b] = [await makeCaller("EDITOR"), await makeCaller("EDITOR")];
    const reviewer = await makeCaller("REVIEWER");
    const article = await makeArticle({ sourceUrl: `https://notifications.example/${uid()}` });
    for (const body of [{ assigneeId: reviewer.user.id }, { assigneeId: reviewer.user.id, claimId: (await prisma.claim.create({ data: { articleId: article.id, articleRevision: 1, exact: "x", start: 0, end: 1, claimText: "A claim", verdict: "TRUE", authorId: reviewer.user.id } })).id }]) {
      const answers = await Promise.all([a, b, a, b].map((who) => call(assignRoute, { params: { id: article.id }, headers: who.headers, body })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      expect(await prisma.assignment.count({ where: { articleId: article.id, assigneeId: reviewer.user.id, claimId: body.claimId ?? null } })).toBe(1);
    }
    expect(await notificationsOf(reviewer.user.id)).toHaveLength(2);
  });

  it("assigning oneself notifies nobody", async () => {
    const editor = await makeCaller("EDITOR");
    const article = await makeArticle({ sourceUrl: `https://notifications.example/${uid()}` });
    expect((await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: editor.user.id } })).status).toBe(201);
    expect(await notificationsOf(editor.user.id)).toEqual([]);
  });

  it("refuses, naming the field, an unknown or deactivated assignee and a claim of another article; nothing is written", async () => {
    const editor = await makeCaller("EDITOR");
    const reviewer = await makeCaller();
    const inactive = await makeUser({ active: false });
    const { article } = await draft(reviewer);
    const { claim: elsewhere } = await draft(reviewer);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ assigneeId: "no-such-user" }, "assigneeId"],
      [{ assigneeId: inactive.id }, "assigneeId"],
      [{}, "assigneeId"],
      [{ assigneeId: reviewer.user.id, claimId: elsewhere.id }, "claimId"],
      [{ assigneeId: reviewer.user.id, note: "x".repeat(501) }, "note"],
    ];
    for (const [body, field] of cases) {
      const res = await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    expect(await prisma.assignment.count({ where: { articleId: article.id } })).toBe(0);
    expect(await notificationsOf(reviewer.user.id)).toEqual([]);
    expect(await notificationsOf(inactive.id)).toEqual([]);
  });

  it("editors list active assignees without e-mails; reviewers may not assign", async () => {
    const editor = await makeCaller("EDITOR");
    const reviewer = await makeCaller();
    const inactive = await makeUser({ active: false });
    const res = await call(assigneesRoute, { headers: editor.headers });
    expect(res.status).toBe(200);
    const ids = res.json.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(reviewer.user.id);
    expect(ids).not.toContain(inactive.id);
    expect(Object.keys(res.json.items[0]).sort()).toEqual(["id", "name"]);
    const article = await makeArticle({ sourceUrl: `https://notifications.example/${uid()}` });
    expect((await call(assignRoute, { params: { id: article.id }, headers: reviewer.headers, body: { assigneeId: reviewer.user.id } })).status).toBe(403);
  });
});

describe("the notification list", () => {
  it("shows and marks read only the caller's own", async () => {
    const editor = await makeCaller("EDITOR");
    const alice = await makeCaller();
    const bob = await makeCaller();
    for (const who of [alice, alice, bob]) {
      const article = await makeArticle({ sourceUrl: `https://notifications.example/${uid()}` });
      expect((await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: who.user.id } })).status).toBe(201);
    }
    const list = await call(listRoute, { path: "/api/notifications?unread=1&limit=10", headers: alice.headers });
    expect(list.status).toBe(200);
    expect(list.json.unread).toBe(2);
    expect(list.json.items).toHaveLength(2);
    expect(list.json.items[0]).toMatchObject({ kind: "ASSIGNMENT", readAt: null, actor: { id: editor.user.id, name: editor.user.name } });
    expect(Object.keys(list.json.items[0]).sort()).toEqual(["actor", "createdAt", "href", "id", "kind", "message", "readAt"]);
    const aliceIds = list.json.items.map((i: { id: string }) => i.id);

    // Bob cannot mark Alice's read (their ids match nothing of his), nor see them.
    expect((await call(readRoute, { path: "/api/notifications/read", headers: bob.headers, body: { ids: aliceIds } })).status).toBe(204);
    expect((await call(listRoute, { path: "/api/notifications?unread=1", headers: alice.headers })).json.unread).toBe(2);
    const bobs = await call(listRoute, { path: "/api/notifications", headers: bob.headers });
    expect(bobs.json.items.map((i: { id: string }) => i.id)).not.toContain(aliceIds[0]);
    expect(bobs.json.unread).toBe(1);

    expect((await call(readRoute, { path: "/api/notifications/read", headers: alice.headers, body: { ids: [aliceIds[0]] } })).status).toBe(204);
    expect((await call(listRoute, { path: "/api/notifications?unread=1", headers: alice.headers })).json).toMatchObject({ unread: 1, items: [{ id: aliceIds[1] }] });
    expect((await call(readRoute, { path: "/api/notifications/read", headers: alice.headers, body: { all: true } })).status).toBe(204);
    const after = await call(listRoute, { path: "/api/notifications?limit=1", headers: alice.headers });
    expect(after.json.unread).toBe(0);
    expect(after.json.items).toHaveLength(1);
    expect(after.json.items[0].readAt).not.toBeNull();
    // Bob's stays unread.
    expect((await call(listRoute, { path: "/api/notifications", headers: bob.headers })).json.unread).toBe(1);
  });

  it("names the field of a bad request", async () => {
    const alice = await makeCaller();
    const empty = await call(readRoute, { path: "/api/notifications/read", headers: alice.headers, body: {} });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.json.error.fields)).toEqual(["ids"]);
    const limit = await call(listRoute, { path: "/api/notifications?limit=0", headers: alice.headers });
    expect(limit.status).toBe(400);
    expect(Object.keys(limit.json.error.fields)).toEqual(["limit"]);
  });
});
