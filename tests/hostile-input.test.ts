// Hostile input against every mutating route (and the query strings of the
// list routes): malformed JSON, wrong types, missing and unknown fields,
// oversized bodies, huge strings, NUL characters, lone surrogates, bad offsets
// and ids. Every answer must be a 4xx in the spec's error shape, never a 500,
// and the database must be exactly as it was: this file has a database of its
// own, fingerprinted (row counts and a hash of every row) after each input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import pg from "pg";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { ERROR_STATUS } from "@/lib/errors";
import { stopImportQueue } from "@/lib/imports/queue";
import { articleInputSchema, articleUpdateSchema } from "@/lib/articles/schema";
import { claimInputSchema, claimUpdateSchema, commentInputSchema, versionOnlySchema } from "@/lib/claims/schema";
import { reviewInputSchema } from "@/lib/reviews/schema";
import { tokenCreateSchema, userCreateSchema, userUpdateSchema } from "@/lib/users/schema";
import { importRequestSchema, IMPORT_MAX_BYTES, IMPORT_MAX_ITEMS } from "@/lib/imports/schema";
import { GET as listArticlesRoute, POST as createArticleRoute } from "@/app/api/articles/route";
import { GET as getArticleRoute, PATCH as patchArticleRoute } from "@/app/api/articles/[id]/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { GET as readerRoute } from "@/app/api/articles/[id]/reader/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as unpublishRoute } from "@/app/api/articles/[id]/unpublish/route";
import { DELETE as deleteClaimRoute, GET as getClaimRoute, PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { GET as auditRoute } from "@/app/api/audit/route";
import { GET as queueRoute } from "@/app/api/review-queue/route";
import { GET as claimReviewRoute } from "@/app/api/fact-checks/[slug]/claimreview/route";
import { POST as importRoute } from "@/app/api/imports/route";
import { GET as importJobRoute } from "@/app/api/imports/[jobId]/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { POST as changePasswordRoute } from "@/app/api/me/password/route";
import { POST as resetPasswordRoute } from "@/app/api/users/[id]/password/route";
import { POST as setupRoute } from "@/app/api/setup/route";
import { passwordChangeSchema, passwordResetSchema, setupSchema } from "@/lib/auth/schema";
import { createApiToken } from "@/lib/tokens/mutations";
import { makeArticle, makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { call, sessionCookie } from "./support/http";
import { claimBody } from "./support/claims";
import { dropDatabase, useFreshDatabase } from "./support/fresh-database";
import { bodyInputs, HOSTILE_IDS, type BodyInput, type Json } from "./support/hostile";

type Handler = Parameters<typeof call>[0];
type Headers = Record<string, string>;

const QUOTE = "the sky was green in 2007";

let dbUrl: string;
let fp: pg.Client;
let baseline: string;
let tried = 0;
const byKind = new Map<string, number>();

/** Row counts and a hash of every row of every public table. */
async function fingerprint(): Promise<string> {
  const { rows: tables } = await fp.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const parts: string[] = [];
  for (const { t } of tables) {
    const q = fp.escapeIdentifier(t);
    const { rows } = await fp.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM ${q} x`);
    parts.push(`${t}:${rows[0].n}:${rows[0].h ?? ""}`);
  }
  return parts.join("\n");
}

type Attempt = { kind: string; label: string; status: number[]; field?: string };

/** Checks one hostile request's answer, then that the database did not move. */
async function expectRefused(a: Attempt, res: { status: number; json: Record<string, unknown> | undefined; text: string }) {
  tried++;
  byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const where = `${a.label}: ${res.status} ${res.text.slice(0, 200)}`;
  expect(a.status, where).toContain(res.status);
  const err = (res.json as { error?: { code: string; message: string; fields?: Record<string, string> } })?.error;
  expect(err, where).toBeDefined();
  expect(Object.keys(ERROR_STATUS), where).toContain(err!.code);
  expect(ERROR_STATUS[err!.code as keyof typeof ERROR_STATUS], where).toBe(res.status);
  expect(typeof err!.message, where).toBe("string");
  if (a.field && res.status === 400) {
    const keys = Object.keys(err!.fields ?? {});
    expect(keys.some((k) => k === a.field || k.startsWith(`${a.field}.`)), `${where}\nexpected a field error for ${a.field}`).toBe(true);
  }
  expect(await fingerprint(), `${a.label} changed the database`).toBe(baseline);
}

// ---------------------------------------------------------------------------
// Fixtures (in this file's own database)

let admin: Headers;
let editor: Headers;
let reviewer: Headers;
let reviewerId: string;
let article: Awaited<ReturnType<typeof makeArticle>>;
let draftId: string;
let submitted: { id: string; version: number };
let publishedId: string;
let targetUserId: string;
let tokenId: string;

beforeAll(async () => {
  dbUrl = await useFreshDatabase("hostile");
  const [{ db }] = await prisma.$queryRaw<Array<{ db: string }>>`SELECT current_database() AS db`;
  expect(dbUrl.endsWith(`/${db}`), "lib/db must use this file's database").toBe(true);
  fp = new pg.Client({ connectionString: dbUrl });
  await fp.connect();

  // Session cookies, not API tokens: a token's lastUsedAt is a write, a cookie is not.
  const as = async (role: "ADMIN" | "EDITOR" | "REVIEWER") => {
    const u = await makeUser({ role });
    return { id: u.id, headers: await sessionCookie(u) };
  };
  const a = await as("ADMIN");
  admin = a.headers;
  editor = (await as("EDITOR")).headers;
  const r = await as("REVIEWER");
  reviewer = r.headers;
  reviewerId = r.id;
  article = await makeArticle({ sourceUrl: "https://hostile.example/story" });
  const draft = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer, body: claimBody(article.text, QUOTE) });
  expect(draft.status).toBe(201);
  draftId = draft.json.id;
  const second = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer, body: claimBody(article.text, "a second paragraph") });
  const sub = await call(submitRoute, { params: { id: second.json.id }, headers: reviewer, body: { version: 1 } });
  expect(sub.status).toBe(200);
  submitted = { id: sub.json.id, version: sub.json.version };
  const other = await makeArticle({ sourceUrl: "https://hostile.example/published" });
  // A first publication needs an approved claim.
  const live = await call(createClaimRoute, { params: { id: other.id }, headers: reviewer, body: claimBody(other.text, QUOTE) });
  const liveSub = await call(submitRoute, { params: { id: live.json.id }, headers: reviewer, body: { version: 1 } });
  expect((await call(reviewRoute, { params: { id: live.json.id }, headers: editor, body: { decision: "APPROVE", version: liveSub.json.version } })).status).toBe(200);
  expect((await call(publishRoute, { params: { id: other.id }, headers: editor })).status).toBe(200);
  publishedId = other.id;
  targetUserId = (await makeUser({ role: "REVIEWER" })).id;
  tokenId = (await createApiToken(a.id, a.id, "hostile")).id;
  baseline = await fingerprint();
}, 120_000);

afterAll(async () => {
  console.log(`hostile inputs tried: ${tried} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")})`);
  await stopImportQueue();
  await fp?.end();
  await prisma.$disconnect();
  if (dbUrl) await dropDatabase(dbUrl);
});

// ---------------------------------------------------------------------------

type JsonRoute = {
  name: string;
  handler: Handler;
  method: "POST" | "PATCH";
  headers: () => Headers;
  params: () => Record<string, string>;
  valid: () => Json;
  schema: z.ZodType;
  required: string[];
  optionalBody?: boolean;
};

const JSON_ROUTES: JsonRoute[] = [
  {
    name: "POST /api/articles",
    handler: createArticleRoute,
    method: "POST",
    headers: () => admin,
    params: () => ({}),
    valid: () => ({ title: "A hostile story", text: "Some text that is new.", sourceUrl: "https://hostile.example/new", author: "A. Writer", publisher: "The Paper", publishedAt: "2024-01-02", language: "en" }),
    schema: articleInputSchema,
    required: ["title", "text"],
  },
  {
    name: "PATCH /api/articles/:id",
    handler: patchArticleRoute,
    method: "PATCH",
    headers: () => admin,
    params: () => ({ id: article.id }),
    valid: () => ({ title: "Renamed story", author: "Someone Else", text: `${article.text}\nA new closing line.` }),
    schema: articleUpdateSchema,
    required: [],
  },
  {
    name: "POST /api/articles/:id/claims",
    handler: createClaimRoute,
    method: "POST",
    headers: () => reviewer,
    params: () => ({ id: article.id }),
    valid: () => claimBody(article.text, QUOTE) as unknown as Json,
    schema: claimInputSchema,
    required: ["selector", "claimText", "verdict", "selector.exact", "selector.start", "selector.end", "sources.0.url", "sources.0.title", "sources.0.stance"],
  },
  {
    name: "PATCH /api/claims/:id",
    handler: patchClaimRoute,
    method: "PATCH",
    headers: () => reviewer,
    params: () => ({ id: draftId }),
    valid: () => ({ version: 1, claimText: "Restated.", verdict: "MIXED", rationale: "Because.", sources: [{ url: "https://evidence.example/a", title: "Evidence", stance: "SUPPORTS", publisher: "Pub", excerpt: "An excerpt" }] }),
    schema: claimUpdateSchema,
    required: ["version", "sources.0.url", "sources.0.title", "sources.0.stance"],
  },
  {
    name: "POST /api/claims/:id/submit",
    handler: submitRoute,
    method: "POST",
    headers: () => reviewer,
    params: () => ({ id: draftId }),
    valid: () => ({ version: 1 }),
    schema: versionOnlySchema,
    required: [],
    optionalBody: true,
  },
  {
    name: "POST /api/claims/:id/reviews",
    handler: reviewRoute,
    method: "POST",
    headers: () => editor,
    params: () => ({ id: submitted.id }),
    valid: () => ({ decision: "REQUEST_CHANGES", comment: "Please cite the archive.", version: submitted.version, verdict: "FALSE", rationale: "Checked." }),
    schema: reviewInputSchema,
    required: ["decision", "comment", "version"],
  },
  {
    name: "POST /api/claims/:id/comments",
    handler: commentRoute,
    method: "POST",
    headers: () => reviewer,
    params: () => ({ id: draftId }),
    valid: () => ({ body: "Which archive?" }),
    schema: commentInputSchema,
    required: ["body"],
  },
  {
    name: "POST /api/users",
    handler: createUserRoute,
    method: "POST",
    headers: () => admin,
    params: () => ({}),
    valid: () => ({ email: "hostile-new@example.org", name: "New Person", role: "REVIEWER", password: "a long enough passphrase" }),
    schema: userCreateSchema,
    required: ["email", "name", "role", "password"],
  },
  {
    name: "PATCH /api/users/:id",
    handler: patchUserRoute,
    method: "PATCH",
    headers: () => admin,
    params: () => ({ id: targetUserId }),
    valid: () => ({ role: "EDITOR", active: false, name: "Renamed" }),
    schema: userUpdateSchema,
    required: [],
  },
  {
    name: "POST /api/tokens",
    handler: createTokenRoute,
    method: "POST",
    headers: () => admin,
    params: () => ({}),
    valid: () => ({ name: "A script", expiresInDays: 30 }),
    schema: tokenCreateSchema,
    required: ["name"],
  },
  {
    name: "POST /api/me/password",
    handler: changePasswordRoute,
    method: "POST",
    headers: () => reviewer,
    params: () => ({}),
    valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: "tangerine lighthouse quarrel 42" }),
    schema: passwordChangeSchema,
    required: ["currentPassword", "newPassword"],
  },
  {
    name: "POST /api/users/:id/password",
    handler: resetPasswordRoute,
    method: "POST",
    headers: () => admin,
    params: () => ({ id: targetUserId }),
    valid: () => ({ password: "violet harbour stapler 77" }),
    schema: passwordResetSchema,
    required: ["password"],
  },
  {
    name: "POST /api/setup",
    handler: setupRoute,
    method: "POST",
    headers: () => ({}),
    params: () => ({}),
    valid: () => ({ token: "a-setup-token", email: "first@example.org", name: "First Admin", password: "granite meadow violin 58" }),
    schema: setupSchema,
    required: ["token", "email", "name", "password"],
  },
];

const send = (r: JsonRoute, input: { raw?: string; body?: Json }, params = r.params()) =>
  call(r.handler, { method: r.method, params, headers: { ...r.headers(), "content-type": "application/json" }, ...(input.raw !== undefined ? { rawBody: input.raw } : { body: input.body }) });

describe("hostile JSON bodies: 4xx in the spec's shape, never 500, database unchanged", () => {
  it.each(JSON_ROUTES.map((r) => [r.name, r] as const))("%s", async (_name, r) => {
    const valid = r.valid();
    // The base must be valid, so each input tests only its own hostile part.
    expect(r.schema.safeParse(valid).success, "the valid base body").toBe(true);
    for (const input of bodyInputs(valid, r.required, { optionalBody: r.optionalBody })) {
      await expectRefused({ ...input, label: `${r.name} ${input.label}` }, await send(r, input));
    }
    for (const id of Object.keys(r.params()).length ? HOSTILE_IDS : []) {
      const params = Object.fromEntries(Object.keys(r.params()).map((k) => [k, id]));
      await expectRefused({ kind: "hostile id", label: `${r.name} with id ${JSON.stringify(id.slice(0, 20))}`, status: [404] }, await send(r, { body: valid }, params));
    }
  }, 180_000);
});

describe("hostile ids on routes without a body", () => {
  const ROUTES: Array<[string, Handler, string, () => Headers]> = [
    ["POST /api/articles/:id/publish", publishRoute, "POST", () => editor],
    ["POST /api/articles/:id/unpublish", unpublishRoute, "POST", () => editor],
    ["DELETE /api/claims/:id", deleteClaimRoute, "DELETE", () => reviewer],
    ["DELETE /api/tokens/:id", revokeTokenRoute, "DELETE", () => admin],
    ["GET /api/articles/:id", getArticleRoute, "GET", () => reviewer],
    ["GET /api/articles/:id/reader", readerRoute, "GET", () => reviewer],
    ["GET /api/claims/:id", getClaimRoute, "GET", () => reviewer],
    ["GET /api/imports/:jobId", importJobRoute, "GET", () => admin],
    ["GET /api/fact-checks/:slug/claimreview", claimReviewRoute, "GET", () => ({})],
  ];
  it.each(ROUTES)("%s", async (name, handler, method, headers) => {
    for (const id of HOSTILE_IDS) {
      const res = await call(handler, { method, params: { id, jobId: id, slug: id }, headers: headers(), rawBody: method === "GET" ? undefined : '{"ignored": "\\u0000"}' });
      // Publish reads an optional body ({note}) now, so its NUL body may be refused (400) before the id is looked up.
      const status = handler === publishRoute ? [400, 404] : [404];
      await expectRefused({ kind: "hostile id", label: `${name} ${JSON.stringify(id.slice(0, 20))}`, status }, res);
    }
  });

  it("the fixtures the bodiless routes would have changed are intact", async () => {
    expect(await prisma.claim.count({ where: { id: draftId } })).toBe(1);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: publishedId } })).status).toBe("PUBLISHED");
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
    expect(await prisma.user.count({ where: { id: reviewerId, active: true } })).toBe(1);
  });
});

describe("hostile query strings on the list routes", () => {
  const QUERIES: Array<[string, Handler, string, () => Headers, string]> = [
    ["GET /api/articles", listArticlesRoute, "/api/articles", () => reviewer, "page"],
    ["GET /api/audit", auditRoute, "/api/audit", () => admin, "page"],
  ];
  it.each(QUERIES)("%s", async (name, handler, path, headers, pageField) => {
    const bad: Array<[string, string]> = [
      [`${pageField}=-1`, pageField],
      [`${pageField}=1.5`, pageField],
      [`${pageField}=0`, pageField],
      [`${pageField}=abc`, pageField],
      [`${pageField}=1e400`, pageField],
      [`${pageField}=99999999999`, pageField],
      ["pageSize=1000", "pageSize"],
      ["pageSize=-5", "pageSize"],
      [`${pageField}=%00`, pageField],
      ["unknownParam=1", "unknownParam"],
      [path.endsWith("articles") ? "q=%00" : "entityId=%00", path.endsWith("articles") ? "q" : "entityId"],
      [path.endsWith("articles") ? `q=${"x".repeat(5000)}` : `action=${"x".repeat(5000)}`, path.endsWith("articles") ? "q" : "action"],
      [path.endsWith("articles") ? "status=%00" : "actorId=%00", path.endsWith("articles") ? "status" : "actorId"],
      [path.endsWith("articles") ? "status=DELETED" : "actorId=%ED%A0%80", path.endsWith("articles") ? "status" : "actorId"],
    ];
    for (const [qs, field] of bad) {
      const res = await call(handler, { path: `${path}?${qs}`, headers: headers() });
      // A lone surrogate cannot survive percent-decoding (it is not UTF-8), so that one may be accepted as U+FFFD.
      const status = qs.includes("%ED%A0%80") ? [200, 400] : [400];
      if (res.status === 200) {
        tried++;
        continue;
      }
      await expectRefused({ kind: "hostile query", label: `${name}?${qs.slice(0, 40)}`, status, field }, res);
    }
  });

  it("GET /api/review-queue", async () => {
    for (const [qs, field] of [["verdict=%00", "verdict"], ["verdict=MAYBE", "verdict"], ["articleId=%00", "articleId"], [`reviewerId=${"x".repeat(500)}`, "reviewerId"], ["extra=1", "extra"]]) {
      await expectRefused({ kind: "hostile query", label: `GET /api/review-queue?${qs.slice(0, 40)}`, status: [400], field }, await call(queueRoute, { path: `/api/review-queue?${qs}`, headers: editor }));
    }
  });
});

describe("POST /api/imports: hostile JSON and uploads", () => {
  const post = (init: { body?: BodyInit; contentType?: string }) => {
    const headers: Headers = { ...admin, host: "localhost:3000" };
    if (init.contentType) headers["content-type"] = init.contentType;
    return importRoute(new NextRequest("http://localhost:3000/api/imports", { method: "POST", headers, body: init.body }), { params: Promise.resolve({}) });
  };
  const read = async (res: Response) => {
    const text = await res.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  };
  const upload = (files: Array<[string, BlobPart, string?]>, field = "files") => {
    const form = new FormData();
    for (const [name, content, type] of files) form.append(field, new File([content], name, { type: type ?? "text/plain" }));
    return post({ body: form });
  };

  it("JSON bodies", async () => {
    const paste = { title: "A pasted story", text: "Pasted words." };
    expect(importRequestSchema.safeParse({ paste }).success).toBe(true);
    const deep = (n: number) => `{"items":[${"[".repeat(n)}1${"]".repeat(n)}]}`;
    const inputs: BodyInput[] = [
      ...["", "{", "not json", "[]", "null", "{}", '{"url":}'].map((raw) => ({ kind: "malformed JSON", label: `raw ${JSON.stringify(raw)}`, raw, status: [400] })),
      { kind: "wrong type", label: "url = 123", body: { url: 123 }, status: [400], field: "url" },
      { kind: "wrong type", label: "url = javascript:", body: { url: "javascript:alert(1)" }, status: [400], field: "url" },
      { kind: "wrong type", label: "url = ftp:", body: { url: "ftp://example.org/a" }, status: [400], field: "url" },
      { kind: "wrong type", label: "feedUrl = []", body: { feedUrl: [] }, status: [400], field: "feedUrl" },
      { kind: "wrong type", label: "items = string", body: { items: "x" }, status: [400], field: "items" },
      { kind: "wrong type", label: "paste.title = 1", body: { paste: { ...paste, title: 1 } }, status: [400], field: "paste.title" },
      { kind: "missing field", label: "items = []", body: { items: [] }, status: [400], field: "items" },
      { kind: "missing field", label: "paste without text", body: { paste: { title: "t" } }, status: [400], field: "paste.text" },
      { kind: "unknown field", label: "unknown top-level field", body: { paste, evil: 1 }, status: [400], field: "evil" },
      { kind: "unknown field", label: "unknown field in paste", body: { paste: { ...paste, verdict: "TRUE" } }, status: [400], field: "paste.verdict" },
      { kind: "unknown field", label: "two sources at once", body: { url: "https://a.example/", feedUrl: "https://b.example/feed" }, status: [400], field: "feedUrl" },
      { kind: "huge string", label: `${IMPORT_MAX_ITEMS + 1} items`, body: { items: Array.from({ length: IMPORT_MAX_ITEMS + 1 }, () => ({})) }, status: [400], field: "items" },
      { kind: "huge string", label: "paste.title of 950k characters", body: { paste: { ...paste, title: "x".repeat(950_000) } }, status: [400], field: "paste.title" },
      { kind: "NUL character", label: "paste.title with NUL", body: { paste: { ...paste, title: "a\u0000b" } }, status: [400], field: "paste.title" },
      { kind: "NUL character", label: "items.0.text with NUL", body: { items: [{ ...paste, text: "\u0000" }] }, status: [400], field: "items.0.text" },
      { kind: "NUL character", label: "url with NUL", body: { url: "https://a.example/\u0000" }, status: [400], field: "url" },
      { kind: "lone surrogate", label: "paste.text lone surrogate", body: { paste: { ...paste, text: "x\ud800" } }, status: [400], field: "paste.text" },
      { kind: "lone surrogate", label: "items.0.title lone surrogate", body: { items: [{ ...paste, title: "\udc00" }] }, status: [400], field: "items.0.title" },
      { kind: "malformed JSON", label: "items nested 50,000 deep", raw: deep(50_000), status: [400] },
      { kind: "oversized body", label: "JSON over 20 MB", raw: JSON.stringify({ paste: { ...paste, text: "x".repeat(IMPORT_MAX_BYTES + 10) } }), status: [413] },
    ];
    for (const input of inputs) {
      const body = input.raw !== undefined ? input.raw : JSON.stringify(input.body);
      await expectRefused({ ...input, label: `POST /api/imports ${input.label}` }, await read(await post({ body, contentType: "application/json" })));
    }
  }, 120_000);

  it("uploads", async () => {
    const csv = "title,text\nA story,Its words.";
    const big = new Uint8Array(IMPORT_MAX_BYTES + 1024).fill(0x61);
    const attempts: Array<[string, () => Promise<Response>, number[], string?]> = [
      ["no files", () => upload([["a.csv", csv]], "other"), [400], "files"],
      ["an .exe", () => upload([["a.exe", "MZ"]]), [400], "files"],
      ["a file without an extension", () => upload([["README", csv]]), [400], "files"],
      ["a text file holding NUL bytes", () => upload([["a.txt", "Title\n\nBody \u0000 text"]]), [400], "files"],
      ["a binary file named .csv", () => upload([["a.csv", new Uint8Array([0, 159, 146, 150, 0, 0])]]), [400], "files"],
      ["101 files", () => upload(Array.from({ length: 101 }, (_, i) => [`f${i}.txt`, "Title\n\nBody"] as [string, string])), [400], "files"],
      ["over 20 MB", () => upload([["big.txt", big]]), [413]],
      ["over 20 MB in two files", () => upload([["a.txt", big.subarray(0, IMPORT_MAX_BYTES / 2 + 10)], ["b.txt", big.subarray(0, IMPORT_MAX_BYTES / 2 + 10)]]), [413]],
      ["malformed multipart", () => post({ body: "--x\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nno end", contentType: "multipart/form-data; boundary=x" }), [400], "files"],
      ["multipart without a boundary", () => post({ body: "whatever", contentType: "multipart/form-data" }), [400], "files"],
      ["text/plain", () => post({ body: csv, contentType: "text/plain" }), [400], "body"],
    ];
    for (const [label, attempt, status, field] of attempts) {
      await expectRefused({ kind: "hostile upload", label: `POST /api/imports ${label}`, status, field }, await read(await attempt()));
    }
  }, 120_000);
});

describe("the count", () => {
  it("tried hundreds of hostile inputs", () => {
    // Runs last in this file: vitest runs a file's tests in order.
    expect(tried).toBeGreaterThan(500);
  });
});
