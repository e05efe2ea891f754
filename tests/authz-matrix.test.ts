// Who may call what: every API route × every kind of caller → the status the
// spec promises. The routes are found on disk at test time, so a new route (or a
// new method on one) fails this file until it has a row here.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createImportJob } from "@/lib/imports/jobs";
import { stopImportQueue } from "@/lib/imports/queue";
import { revokeApiToken } from "@/lib/tokens/mutations";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as linkRoute } from "@/app/api/claims/[id]/links/route";
import { makeArticle, makeCaller, makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { MIN_ROLE, type Action } from "@/lib/auth/permissions";
import { call, sessionCookie, type CallOptions } from "./support/http";
import { claimBody } from "./support/claims";

const API_DIR = fileURLToPath(new URL("../app/api", import.meta.url));
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const QUOTE = "the sky was green in 2007";

// next-auth's own endpoints (sign-in, CSRF token, session, sign-out) are public
// by design and belong to next-auth; their behaviour (rate limits, deactivated
// users refused at sign-in) is covered by tests/auth.test.ts and e2e/auth.spec.ts.
const EXCLUDED = new Set(["/api/auth/[...nextauth]"]);

type Handler = Parameters<typeof call>[0];
type Caller = Awaited<ReturnType<typeof makeCaller>>;

const PRINCIPALS = ["anonymous", "reviewer", "otherReviewer", "editor", "admin", "deactivated", "revokedToken"] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = Record<Principal, number>;

/** What a row's request needs; `owner` is the reviewer who owns the fixture's records. */
type Setup = (owner: Caller) => Promise<Omit<CallOptions, "headers" | "method">>;
type Row = { route: string; method: (typeof METHODS)[number]; variant?: string; setup: Setup; expect: Expected };

// Expected statuses by who may: the roles table of the spec.
const signedOut = { anonymous: 401, deactivated: 401, revokedToken: 401 };
const anyone = (s: number): Expected => ({ anonymous: s, reviewer: s, otherReviewer: s, editor: s, admin: s, deactivated: s, revokedToken: s });
const reviewerPlus = (ok: number): Expected => ({ ...signedOut, reviewer: ok, otherReviewer: ok, editor: ok, admin: ok });
const editorPlus = (ok: number): Expected => ({ ...signedOut, reviewer: 403, otherReviewer: 403, editor: ok, admin: ok });
const adminOnly = (ok: number): Expected => ({ ...signedOut, reviewer: 403, otherReviewer: 403, editor: 403, admin: ok });
const ownerOrEditor = (ok: number): Expected => ({ ...signedOut, reviewer: ok, otherReviewer: 403, editor: ok, admin: ok });
const ownerOnly = (ok: number): Expected => ({ ...signedOut, reviewer: ok, otherReviewer: 403, editor: 403, admin: 403 });

const uid = () => Math.random().toString(36).slice(2, 10);

// Fixtures: each row builds its own, for each caller.
const article = () => makeArticle({ sourceUrl: `https://authz.example/${uid()}` });
async function draftClaim(owner: Caller) {
  const a = await article();
  const res = await call(createClaimRoute, { params: { id: a.id }, headers: owner.headers, body: claimBody(a.text, QUOTE) });
  expect(res.status, "fixture: create claim").toBe(201);
  return { article: a, claim: res.json as { id: string; version: number } };
}
async function submittedClaim(owner: Caller) {
  const { article: a, claim } = await draftClaim(owner);
  const res = await call(submitRoute, { params: { id: claim.id }, headers: owner.headers, body: { version: claim.version } });
  expect(res.status, "fixture: submit claim").toBe(200);
  return { article: a, claim: res.json as { id: string; version: number } };
}
async function approvedArticle(owner: Caller) {
  const { article: a, claim } = await submittedClaim(owner);
  const editor = await makeCaller("EDITOR");
  expect((await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "APPROVE", version: claim.version } })).status, "fixture: approve").toBe(200);
  return { article: a, editor };
}
async function publishedArticle(owner: Caller) {
  const { article: a, editor } = await approvedArticle(owner);
  expect((await call(publishRoute, { params: { id: a.id }, headers: editor.headers })).status, "fixture: publish").toBe(200);
  return a;
}

const ROWS: Row[] = [
  { route: "/api/health", method: "GET", setup: async () => ({ path: "/api/health" }), expect: anyone(200) },

  { route: "/api/articles", method: "GET", setup: async () => ({ path: "/api/articles?q=test" }), expect: reviewerPlus(200) },
  { route: "/api/articles", method: "POST", setup: async () => ({ path: "/api/articles", body: { title: `Matrix ${uid()}`, text: `Fresh text ${uid()}.` } }), expect: adminOnly(201) },
  { route: "/api/articles/[id]", method: "GET", setup: async () => ({ params: { id: (await article()).id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]", method: "PATCH", setup: async () => ({ params: { id: (await article()).id }, body: { title: `Renamed ${uid()}` } }), expect: adminOnly(200) },
  { route: "/api/articles/[id]", method: "PATCH", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" }, body: { title: "Renamed" } }), expect: adminOnly(404) },
  { route: "/api/articles/[id]/reader", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).article.id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/reader", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]/annotations", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).article.id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/annotations", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]/claims", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).article.id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/claims", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  {
    route: "/api/articles/[id]/claims",
    method: "POST",
    setup: async () => {
      const a = await article();
      return { params: { id: a.id }, body: claimBody(a.text, QUOTE) };
    },
    expect: reviewerPlus(201),
  },
  {
    route: "/api/articles/[id]/claims",
    method: "POST",
    variant: "unknown id",
    setup: async () => ({ params: { id: "no-such-article" }, body: claimBody("x the sky was green in 2007", QUOTE) }),
    expect: reviewerPlus(404),
  },
  { route: "/api/articles/[id]/export", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).article.id } }), expect: editorPlus(200) },
  { route: "/api/articles/[id]/export", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: editorPlus(404) },
  // Publishing needs an approved claim (an article with none is refused: 409).
  { route: "/api/articles/[id]/publish", method: "POST", setup: async (o) => ({ params: { id: (await approvedArticle(o)).article.id } }), expect: editorPlus(200) },
  { route: "/api/articles/[id]/publish", method: "POST", variant: "update with a note", setup: async (o) => ({ params: { id: (await publishedArticle(o)).id }, body: { note: "Corrected a source title." } }), expect: editorPlus(200) },
  { route: "/api/articles/[id]/publish", method: "GET", setup: async (o) => ({ params: { id: (await approvedArticle(o)).article.id } }), expect: editorPlus(200) },
  { route: "/api/articles/[id]/publish", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: editorPlus(404) },
  { route: "/api/articles/[id]/publications", method: "GET", setup: async (o) => ({ params: { id: (await publishedArticle(o)).id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/publications", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]/publish", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: editorPlus(404) },
  { route: "/api/articles/[id]/unpublish", method: "POST", setup: async (o) => ({ params: { id: (await publishedArticle(o)).id } }), expect: editorPlus(200) },
  { route: "/api/articles/[id]/unpublish", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: editorPlus(404) },

  { route: "/api/claims/[id]", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id } }), expect: reviewerPlus(200) },
  { route: "/api/claims/[id]", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" } }), expect: reviewerPlus(404) },
  { route: "/api/claims/[id]", method: "PATCH", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id }, body: { version: 1, verdict: "MIXED" } }), expect: ownerOrEditor(200) },
  { route: "/api/claims/[id]", method: "PATCH", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" }, body: { version: 1, verdict: "MIXED" } }), expect: reviewerPlus(404) },
  {
    route: "/api/claims/[id]",
    method: "PATCH",
    variant: "approved claim",
    setup: async (o) => {
      const { claim } = await submittedClaim(o);
      const editor = await makeCaller("EDITOR");
      const approved = await call(reviewRoute, { params: { id: claim.id }, headers: editor.headers, body: { decision: "APPROVE", version: claim.version } });
      return { params: { id: claim.id }, body: { version: approved.json.version, verdict: "MIXED" } };
    },
    // The owner loses the right to edit once the claim is approved; editors keep it.
    expect: { ...ownerOrEditor(200), reviewer: 403 },
  },
  { route: "/api/claims/[id]", method: "DELETE", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id } }), expect: ownerOrEditor(204) },
  { route: "/api/claims/[id]", method: "DELETE", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" } }), expect: reviewerPlus(404) },
  { route: "/api/claims/[id]/submit", method: "POST", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id }, body: { version: 1 } }), expect: ownerOnly(200) },
  { route: "/api/claims/[id]/submit", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" }, body: {} }), expect: reviewerPlus(404) },
  {
    route: "/api/claims/[id]/reviews",
    method: "POST",
    setup: async (o) => {
      const { claim } = await submittedClaim(o);
      return { params: { id: claim.id }, body: { decision: "REQUEST_CHANGES", comment: "Add a source.", version: claim.version } };
    },
    expect: editorPlus(200),
  },
  { route: "/api/claims/[id]/reviews", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" }, body: { decision: "APPROVE", version: 1 } }), expect: editorPlus(404) },
  { route: "/api/claims/[id]/comments", method: "POST", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id }, body: { body: "Which archive?" } }), expect: reviewerPlus(201) },
  { route: "/api/claims/[id]/comments", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" }, body: { body: "Hello?" } }), expect: reviewerPlus(404) },

  // Newsroom memory: search, "Checked before", "Same claim" links, source memory.
  { route: "/api/search", method: "GET", setup: async () => ({ path: "/api/search?q=budget" }), expect: reviewerPlus(200) },
  { route: "/api/claims/similar", method: "GET", setup: async () => ({ path: "/api/claims/similar?text=the%20sky%20was%20green%20in%202007" }), expect: reviewerPlus(200) },
  { route: "/api/sources/lookup", method: "GET", setup: async () => ({ path: "/api/sources/lookup?url=https%3A%2F%2Fexample.org%2Fsky-2007" }), expect: reviewerPlus(200) },
  { route: "/api/claims/[id]/links", method: "GET", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id } }), expect: reviewerPlus(200) },
  { route: "/api/claims/[id]/links", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-claim" } }), expect: reviewerPlus(404) },
  {
    route: "/api/claims/[id]/links",
    method: "POST",
    setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id }, body: { claimId: (await draftClaim(o)).claim.id } }),
    expect: reviewerPlus(201),
  },
  { route: "/api/claims/[id]/links", method: "POST", variant: "unknown id", setup: async (o) => ({ params: { id: "no-such-claim" }, body: { claimId: (await draftClaim(o)).claim.id } }), expect: reviewerPlus(404) },
  {
    route: "/api/claims/[id]/links/[linkId]",
    method: "DELETE",
    setup: async (o) => {
      const one = (await draftClaim(o)).claim.id;
      const made = await call(linkRoute, { params: { id: one }, headers: o.headers, body: { claimId: (await draftClaim(o)).claim.id } });
      expect(made.status, "fixture: link claims").toBe(201);
      return { params: { id: one, linkId: made.json.id } };
    },
    // Either side's reviewer may unlink: not only the one who linked.
    expect: reviewerPlus(204),
  },
  { route: "/api/claims/[id]/links/[linkId]", method: "DELETE", variant: "unknown id", setup: async (o) => ({ params: { id: (await draftClaim(o)).claim.id, linkId: "no-such-link" } }), expect: reviewerPlus(404) },

  { route: "/api/review-queue", method: "GET", setup: async () => ({ path: "/api/review-queue" }), expect: editorPlus(200) },
  { route: "/api/fact-checks/[slug]/claimreview", method: "GET", setup: async (o) => ({ params: { slug: (await publishedArticle(o)).slug } }), expect: anyone(200) },
  { route: "/api/fact-checks/[slug]/claimreview", method: "GET", variant: "unpublished", setup: async () => ({ params: { slug: (await article()).slug } }), expect: anyone(404) },

  {
    route: "/api/imports",
    method: "POST",
    setup: async () => ({ path: "/api/imports", body: { items: [{ title: `Imported ${uid()}`, text: `Imported text ${uid()}.` }] } }),
    expect: adminOnly(202),
  },
  {
    route: "/api/imports/[jobId]",
    method: "GET",
    setup: async (o) => {
      const job = await createImportJob(o.user.id, "ITEMS", [{ type: "items", items: [{ title: "Queued", text: "Not run here." }] }]);
      return { path: `/api/imports/${job.id}`, params: { jobId: job.id } };
    },
    expect: adminOnly(200),
  },
  { route: "/api/imports/[jobId]", method: "GET", variant: "unknown id", setup: async () => ({ path: "/api/imports/nope", params: { jobId: "nope" } }), expect: adminOnly(404) },

  { route: "/api/audit", method: "GET", setup: async () => ({ path: "/api/audit" }), expect: adminOnly(200) },
  { route: "/api/users", method: "GET", setup: async () => ({ path: "/api/users" }), expect: adminOnly(200) },
  {
    route: "/api/users",
    method: "POST",
    setup: async () => ({ path: "/api/users", body: { email: `matrix-${uid()}@example.org`, name: "Matrix Person", role: "REVIEWER", password: "a long enough passphrase" } }),
    expect: adminOnly(201),
  },
  { route: "/api/users/[id]", method: "PATCH", setup: async () => ({ params: { id: (await makeUser()).id }, body: { name: "Renamed Person" } }), expect: adminOnly(200) },
  { route: "/api/users/[id]", method: "PATCH", variant: "unknown id", setup: async () => ({ params: { id: "no-such-user" }, body: { name: "Nobody" } }), expect: adminOnly(404) },
  { route: "/api/users/[id]/password", method: "POST", setup: async () => ({ params: { id: (await makeUser()).id }, body: { password: "violet harbour stapler 77" } }), expect: adminOnly(204) },
  { route: "/api/users/[id]/password", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: "no-such-user" }, body: { password: "violet harbour stapler 77" } }), expect: adminOnly(404) },
  // Every signed-in user changes their own password (the owner's, or each caller's own: all made with TEST_PASSWORD).
  { route: "/api/me/password", method: "POST", setup: async () => ({ path: "/api/me/password", body: { currentPassword: TEST_PASSWORD, newPassword: `tangerine lighthouse ${uid()}` } }), expect: reviewerPlus(204) },
  // The shared test database holds no demo accounts (seed tests use their own): nothing to disable, but the door is checked.
  { route: "/api/demo-accounts/disable", method: "POST", setup: async () => ({ path: "/api/demo-accounts/disable" }), expect: adminOnly(200) },
  // Public by design (the one-time token is the proof); this install already has accounts.
  { route: "/api/setup", method: "POST", setup: async () => ({ path: "/api/setup", body: { token: "not-a-real-token", email: `setup-${uid()}@example.org`, name: "Setup Person", password: "granite meadow violin 58" } }), expect: anyone(409) },
  { route: "/api/tokens", method: "GET", setup: async () => ({ path: "/api/tokens" }), expect: adminOnly(200) },
  { route: "/api/tokens", method: "POST", setup: async () => ({ path: "/api/tokens", body: { name: `matrix ${uid()}` } }), expect: adminOnly(201) },
  { route: "/api/tokens/[id]", method: "DELETE", setup: async () => ({ params: { id: (await makeCaller("ADMIN")).tokenId } }), expect: adminOnly(204) },
  { route: "/api/tokens/[id]", method: "DELETE", variant: "unknown id", setup: async () => ({ params: { id: "no-such-token" } }), expect: adminOnly(404) },

  // Assignments and notifications (each caller reads and marks only their own notifications).
  { route: "/api/notifications", method: "GET", setup: async () => ({ path: "/api/notifications?unread=1&limit=5" }), expect: reviewerPlus(200) },
  { route: "/api/notifications/read", method: "POST", setup: async () => ({ path: "/api/notifications/read", body: { all: true } }), expect: reviewerPlus(204) },
  { route: "/api/articles/[id]/assignments", method: "GET", setup: async () => ({ params: { id: (await article()).id } }), expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/assignments", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]/assignments", method: "POST", setup: async (o) => ({ params: { id: (await article()).id }, body: { assigneeId: o.user.id } }), expect: editorPlus(201) },
  { route: "/api/articles/[id]/assignments", method: "POST", variant: "unknown id", setup: async (o) => ({ params: { id: "no-such-article" }, body: { assigneeId: o.user.id } }), expect: editorPlus(404) },
  { route: "/api/assignments/[assignmentId]", method: "DELETE", setup: async (o) => ({ params: { assignmentId: (await prisma.assignment.create({ data: { articleId: (await article()).id, assigneeId: o.user.id } })).id } }), expect: editorPlus(204) },
  { route: "/api/assignments/[assignmentId]", method: "DELETE", variant: "unknown id", setup: async () => ({ params: { assignmentId: "no-such-assignment" } }), expect: editorPlus(404) },
  { route: "/api/assignments/assignees", method: "GET", setup: async () => ({ path: "/api/assignments/assignees" }), expect: editorPlus(200) },

  // Suggestions (each row's article gets its own from the import: "in 2007" is a dated reference).
  { route: "/api/articles/[id]/suggestions", method: "GET", setup: async () => { const a = await article(); return { path: `/api/articles/${a.id}/suggestions?all=1`, params: { id: a.id } }; }, expect: reviewerPlus(200) },
  { route: "/api/articles/[id]/suggestions", method: "GET", variant: "unknown id", setup: async () => ({ params: { id: "no-such-article" } }), expect: reviewerPlus(404) },
  { route: "/api/articles/[id]/suggestions/[suggestionId]/dismiss", method: "POST", setup: async () => { const s = await prisma.suggestion.findFirstOrThrow({ where: { articleId: (await article()).id, status: "OPEN" } }); return { params: { id: s.articleId, suggestionId: s.id } }; }, expect: reviewerPlus(204) },
  { route: "/api/articles/[id]/suggestions/[suggestionId]/dismiss", method: "POST", variant: "unknown id", setup: async () => ({ params: { id: (await article()).id, suggestionId: "no-such-suggestion" } }), expect: reviewerPlus(404) },
  // A live stream stays open: each 200 case's stream is closed by closeAllStreams, which keeps running a while (a case's stream may open later).
  ...[
    { variant: undefined, query: "topics=article,notification", expect: reviewerPlus(200) },
    { variant: "import topic", query: "topics=import", expect: adminOnly(200) },
  ].map(({ variant, query, expect }): Row => ({
    route: "/api/events",
    method: "GET",
    variant,
    setup: async () => {
      const { closeAllStreams } = await import("@/lib/events/hub");
      const t = setInterval(closeAllStreams, 100);
      setTimeout(() => clearInterval(t), 30_000).unref();
      return { path: `/api/events?${query}` };
    },
    expect,
  })),
  { route: "/api/events", method: "GET", variant: "unknown article", setup: async () => ({ path: "/api/events?articleId=no-such-article" }), expect: reviewerPlus(404) },
];

/** Every app/api/**\/route.ts as "/api/…", with the HTTP methods it exports. */
async function discoverRoutes(): Promise<Array<{ route: string; methods: string[]; module: Record<string, unknown> }>> {
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts").sort();
  const out = [];
  for (const f of files) {
    const route = `/api/${path.dirname(f).split(path.sep).join("/")}`.replace(/\/\.$/, "");
    const mod = (await import(/* @vite-ignore */ path.join(API_DIR, f))) as Record<string, unknown>;
    out.push({ route, methods: METHODS.filter((m) => typeof mod[m] === "function"), module: mod });
  }
  return out;
}

const discovered = await discoverRoutes();
const handlers = new Map(discovered.flatMap((d) => d.methods.map((m) => [`${m} ${d.route}`, d.module[m] as Handler] as const)));

/** The request headers that make `who` who they are; each case gets fresh callers. */
async function headersFor(who: Principal, owner: Caller): Promise<Record<string, string>> {
  switch (who) {
    case "anonymous":
      return {};
    case "reviewer":
      return owner.headers;
    case "otherReviewer":
      return (await makeCaller("REVIEWER")).headers;
    case "editor":
      return (await makeCaller("EDITOR")).headers;
    case "admin":
      return (await makeCaller("ADMIN")).headers;
    case "deactivated": {
      // A browser session issued before an admin deactivated the account.
      const user = await makeUser({ role: "ADMIN", active: false });
      return sessionCookie(user);
    }
    case "revokedToken": {
      const admin = await makeCaller("ADMIN");
      await revokeApiToken(admin.user.id, admin.tokenId);
      return admin.headers;
    }
  }
}

const label = (r: Row) => `${r.method} ${r.route}${r.variant ? ` (${r.variant})` : ""}`;
const cases = ROWS.flatMap((row) => PRINCIPALS.map((who) => ({ name: `${label(row)} as ${who} → ${row.expect[who]}`, row, who })));

afterAll(async () => {
  // POST /api/imports queued its jobs through pg-boss; stop this process's client.
  await stopImportQueue();
});

describe("authorization matrix", () => {
  it("has a row for every route and method under app/api (and no row for a route that is gone)", () => {
    const missing: string[] = [];
    for (const d of discovered) {
      if (EXCLUDED.has(d.route)) continue;
      expect(d.methods.length, `${d.route} exports no HTTP method`).toBeGreaterThan(0);
      for (const m of d.methods) if (!ROWS.some((r) => r.route === d.route && r.method === m)) missing.push(`${m} ${d.route}`);
    }
    expect(missing, "routes without a row in the authorization matrix").toEqual([]);
    const stale = ROWS.filter((r) => !handlers.has(`${r.method} ${r.route}`)).map(label);
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    console.log(`authz matrix: ${handlers.size - [...handlers.keys()].filter((k) => EXCLUDED.has(k.split(" ")[1])).length} route methods, ${ROWS.length} rows × ${PRINCIPALS.length} callers = ${cases.length} cases`);
  });

  it("every route says what it needs in the permission table's words (or that it is public), and its row agrees", () => {
    const RANK = { REVIEWER: 1, EDITOR: 2, ADMIN: 3 } as const;
    for (const [key, handler] of handlers) {
      const route = key.split(" ")[1];
      if (EXCLUDED.has(route)) continue;
      const access = (handler as unknown as { access?: { can?: Action; public?: true } }).access;
      expect(access, `${key} is made with route() and declares can or public`).toBeDefined();
      if (access!.public) continue;
      expect(Object.keys(MIN_ROLE), `${key}: ${access!.can} is an action of the permission table`).toContain(access!.can);
      // The least role that may call it is the one the table gives its action.
      const least = MIN_ROLE[access!.can!];
      for (const row of ROWS.filter((r) => `${r.method} ${r.route}` === key)) {
        for (const [who, role] of [["editor", "EDITOR"], ["admin", "ADMIN"]] as const) {
          if (RANK[role] < RANK[least]) expect(row.expect[who], `${label(row)} as ${who}`).toBe(403);
        }
        if (least !== "REVIEWER") expect(row.expect.otherReviewer, `${label(row)} as otherReviewer`).toBe(403);
      }
    }
  });

  it("every action in the permission table is checked somewhere (no dead rules)", () => {
    const ROOT = fileURLToPath(new URL("..", import.meta.url));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== "generated") walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.endsWith(path.join("auth", "permissions.ts"))) sources.push(fs.readFileSync(p, "utf8"));
      }
    };
    for (const d of ["app", "components", "lib"]) walk(path.join(ROOT, d));
    const all = sources.join("\n");
    const unchecked = Object.keys(MIN_ROLE).filter((a) => !all.includes(`"${a}"`));
    expect(unchecked, "actions nothing checks").toEqual([]);
  });

  // Each case has fixtures of its own, so they may run side by side (vitest's maxConcurrency, 5).
  for (const { name, row, who } of cases) {
    it.concurrent(name, async ({ expect }) => {
      const owner = await makeCaller("REVIEWER");
      const opts = await row.setup(owner);
      const headers = await headersFor(who, owner);
      const res = await call(handlers.get(`${row.method} ${row.route}`)!, { ...opts, method: row.method, headers });
      expect(res.status, res.text.slice(0, 300)).toBe(row.expect[who]);
      if (res.status >= 400) {
        expect(res.json?.error, "the spec's error shape").toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      }
    });
  }

  it("a refused write changes nothing: another reviewer's PATCH and DELETE leave the claim as it was", async () => {
    const owner = await makeCaller("REVIEWER");
    const { claim } = await draftClaim(owner);
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { sources: true } });
    const other = await makeCaller("REVIEWER");
    const patch = handlers.get("PATCH /api/claims/[id]")!;
    const del = handlers.get("DELETE /api/claims/[id]")!;
    expect((await call(patch, { method: "PATCH", params: { id: claim.id }, headers: other.headers, body: { version: 1, verdict: "TRUE" } })).status).toBe(403);
    expect((await call(del, { method: "DELETE", params: { id: claim.id }, headers: other.headers })).status).toBe(403);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { sources: true } })).toEqual(before);
  });
});
