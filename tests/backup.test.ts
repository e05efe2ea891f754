// `npm run db:backup` and `npm run db:restore`, end to end: a rich dataset made
// through the factories and the API in a database of this file's own, backed up
// with the real command, restored into a fresh database on the same server, and
// compared table by table, row by row.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { BACKUP_FORMAT, BackupError } from "@/lib/database/backup";
import { restoreDatabase } from "@/lib/database/restore";
import { readMigrations } from "@/lib/database/migrate";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createImportJob } from "@/lib/imports/jobs";
import { runImportJob } from "@/lib/imports/run";
import { stopImportQueue } from "@/lib/imports/queue";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { PATCH as patchArticleRoute } from "@/app/api/articles/[id]/route";
import { PATCH as patchClaimRoute } from "@/app/api/claims/[id]/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";
import { createDatabase, dropDatabase, useFreshDatabase } from "./support/fresh-database";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-backup-test-"));
const dbs: string[] = [];
let source: string;
let backupFile: string;

/** Runs an npm script's command the way `npm run` does, with only the given database settings. */
function runScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATA_DIR: dir, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** Every table's row count and a hash of its rows, in name order. */
async function snapshot(url: string): Promise<Record<string, { rows: number; hash: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`);
    const out: Record<string, { rows: number; hash: string }> = {};
    for (const { t } of tables) {
      const { rows } = await c.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h FROM ${c.escapeIdentifier(t)} x`);
      out[t] = { rows: rows[0].n, hash: rows[0].h ?? "" };
    }
    return out;
  } finally {
    await c.end();
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

let sample: { claimId: string; articleId: string; userId: string };

beforeAll(async () => {
  source = await useFreshDatabase("backup_src");
  dbs.push(source);
  // Users (through the API: real bcrypt hashes), roles changed, one deactivated.
  const admin = await makeCaller("ADMIN");
  const made = await call(createUserRoute, { headers: admin.headers, body: { email: "restored.editor@example.org", name: "Restored Editor", role: "REVIEWER", password: "a restored passphrase" } });
  expect(made.status).toBe(201);
  await call(patchUserRoute, { method: "PATCH", params: { id: made.json.id }, headers: admin.headers, body: { role: "EDITOR" } });
  const gone = await makeCaller("REVIEWER");
  await call(patchUserRoute, { method: "PATCH", params: { id: gone.user.id }, headers: admin.headers, body: { active: false } });
  // Tokens, one revoked; failed sign-ins (throttle rows).
  const tok = await call(createTokenRoute, { headers: admin.headers, body: { name: "nightly export" } });
  await call(revokeTokenRoute, { method: "DELETE", params: { id: tok.json.id }, headers: admin.headers });
  for (let i = 0; i < 3; i++) await verifyCredentials("restored.editor@example.org", `wrong ${i}`, { ip: "10.9.9.9" });
  // Articles with revisions, claims with sources, reviews, comments, a published page.
  const editor = await makeCaller("EDITOR");
  const owner = await makeCaller("REVIEWER");
  const article = await makeArticle({ sourceUrl: "https://backup.example/story", author: "A. Writer", publishedAt: "2019-06-24T10:11:12.345Z" });
  const c1 = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, "the sky was green in 2007") });
  const c2 = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, "a second paragraph", { verdict: "MIXED", rationale: "Emoji 😀 and “quotes” survive." }) });
  await call(commentRoute, { params: { id: c1.json.id }, headers: editor.headers, body: { body: "Which archive?\nLine two." } });
  await call(patchClaimRoute, { method: "PATCH", params: { id: c1.json.id }, headers: owner.headers, body: { version: 1, sources: [{ url: "https://a.example/1", title: "One", stance: "REFUTES" }, { url: "https://a.example/2", title: "Two", stance: "SUPPORTS" }, { url: "https://a.example/3", title: "Three", stance: "CONTEXT", excerpt: "An excerpt." }] } });
  let s1 = await call(submitRoute, { params: { id: c1.json.id }, headers: owner.headers, body: {} });
  const rc = await call(reviewRoute, { params: { id: c1.json.id }, headers: editor.headers, body: { decision: "REQUEST_CHANGES", comment: "Add the archive link.", version: s1.json.version } });
  s1 = await call(submitRoute, { params: { id: c1.json.id }, headers: owner.headers, body: { version: rc.json.version } });
  expect((await call(reviewRoute, { params: { id: c1.json.id }, headers: editor.headers, body: { decision: "APPROVE", version: s1.json.version } })).status).toBe(200);
  const s2 = await call(submitRoute, { params: { id: c2.json.id }, headers: owner.headers, body: {} });
  expect((await call(reviewRoute, { params: { id: c2.json.id }, headers: editor.headers, body: { decision: "REJECT", comment: "Not checkable.", version: s2.json.version } })).status).toBe(200);
  expect((await call(publishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(200);
  const revised = await call(patchArticleRoute, { method: "PATCH", params: { id: article.id }, headers: admin.headers, body: { text: `An opening line.\n${article.text}` } });
  expect(revised.json.revision).toBe(2);
  // An import job with its items and articles.
  const job = await createImportJob(admin.user.id, "ITEMS", [{ type: "items", items: [{ title: "Imported one", text: "First imported story." }, { title: "Imported two", text: "Second imported story." }, { title: "" }] }]);
  for (let i = 0; i < 100; i++) {
    const r = await runImportJob(job.id);
    if (r.state === "finished" || r.state === "done") break;
  }
  sample = { claimId: c1.json.id, articleId: article.id, userId: made.json.id };
}, 120_000);

afterAll(async () => {
  await stopImportQueue();
  await prisma.$disconnect();
  for (const url of dbs) await dropDatabase(url).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:backup / db:restore", () => {
  it("backs up every table with a versioned header and the applied migrations", async () => {
    backupFile = path.join(dir, "verity.jsonl");
    const r = await runScript("db-backup.ts", [backupFile], { DATABASE_URL: source });
    expect(r.code, r.out).toBe(0);
    expect((fs.statSync(backupFile).mode & 0o777).toString(8)).toBe("600");
    const lines = fs.readFileSync(backupFile, "utf8").trimEnd().split("\n");
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: 1, migrations: readMigrations().map((m) => m.name) });
    expect(new Date(header.createdAt).getTime()).toBeGreaterThan(Date.now() - 120_000);
    const snap = await snapshot(source);
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(Object.keys(snap).sort());
    for (const t of header.tables) expect(t.rows, t.name).toBe(snap[t.name].rows);
    // Parents before children: users before claims, claims before sources.
    const order = header.tables.map((t: { name: string }) => t.name);
    for (const [parent, child] of [["User", "Claim"], ["Article", "Claim"], ["Claim", "Source"], ["Claim", "Review"], ["ImportJob", "ImportItem"]]) expect(order.indexOf(parent), `${parent} before ${child}`).toBeLessThan(order.indexOf(child));
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ end: true, rows: lines.length - 2 });
    for (const table of ["User", "Article", "ArticleRevision", "Claim", "Source", "Review", "Comment", "AuditEvent", "ApiToken", "ImportJob", "ImportItem", "SignInThrottle"]) {
      expect(snap[table]?.rows, `${table} has rows to back up`).toBeGreaterThan(0);
    }
  });

  it("restores into a fresh database identically: every table's rows, relations and audit trail", async () => {
    const target = await createDatabase("backup_dst");
    dbs.push(target);
    const r = await runScript("db-restore.ts", [backupFile], { DATABASE_URL: target });
    expect(r.code, r.out).toBe(0);
    const [a, b] = [await snapshot(source), await snapshot(target)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);

    // A sample read back through plain SQL: the claim, its sources in order, reviews, comments and audit events.
    const claimSql = `SELECT c."claimText", c.status, c.version, c."articleRevision",
        (SELECT json_agg(json_build_object('url', s.url, 'stance', s.stance, 'position', s.position) ORDER BY s.position) FROM "Source" s WHERE s."claimId" = c.id) AS sources,
        (SELECT json_agg(json_build_object('decision', r.decision, 'comment', r.comment, 'editor', u.email, 'at', r."createdAt") ORDER BY r."createdAt") FROM "Review" r JOIN "User" u ON u.id = r."editorId" WHERE r."claimId" = c.id) AS reviews,
        (SELECT json_agg(m.body) FROM "Comment" m WHERE m."claimId" = c.id) AS comments,
        (SELECT json_agg(json_build_object('action', e.action, 'actor', e."actorId", 'changes', e.changes, 'at', e."createdAt") ORDER BY e."createdAt", e.id) FROM "AuditEvent" e WHERE e."entityId" = c.id) AS audit
      FROM "Claim" c WHERE c.id = $1`;
    const [src] = await query(source, claimSql, [sample.claimId]);
    const [dst] = await query(target, claimSql, [sample.claimId]);
    expect(dst).toEqual(src);
    expect(dst.sources).toHaveLength(3);
    expect(dst.reviews.map((x: { decision: string }) => x.decision)).toEqual(["REQUEST_CHANGES", "APPROVE"]);
    expect(dst.audit.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(["claim.create", "claim.update", "claim.submit", "claim.review.approve"]));
    const revisions = `SELECT revision, "contentHash", blocks FROM "ArticleRevision" WHERE "articleId" = $1 ORDER BY revision`;
    expect(await query(target, revisions, [sample.articleId])).toEqual(await query(source, revisions, [sample.articleId]));
    const user = `SELECT email, role, active, "passwordHash", "lastLoginAt" FROM "User" WHERE id = $1`;
    expect(await query(target, user, [sample.userId])).toEqual(await query(source, user, [sample.userId]));
    // The same migrations are recorded.
    const migrations = `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`;
    expect(await query(target, migrations)).toEqual(await query(source, migrations));
  });

  it("refuses a database that holds data unless --force, which replaces it", async () => {
    const target = await createDatabase("backup_busy");
    dbs.push(target);
    expect((await runScript("db-restore.ts", [backupFile], { DATABASE_URL: target })).code).toBe(0);
    await query(target, `UPDATE "User" SET name = 'Changed after restore'`);
    await query(target, `INSERT INTO "SignInThrottle" (key, failures, threshold, "lastFailureAt") VALUES ('extra', 1, 5, now())`);
    const changed = await snapshot(target);

    const refused = await runScript("db-restore.ts", [backupFile], { DATABASE_URL: target });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not empty .*--force/s);
    expect(await snapshot(target)).toEqual(changed);

    const forced = await runScript("db-restore.ts", [backupFile, "--force"], { DATABASE_URL: target });
    expect(forced.code, forced.out).toBe(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it("refuses a backup whose migrations differ, a cut-short file and a foreign file, changing nothing", async () => {
    const target = await createDatabase("backup_bad");
    dbs.push(target);
    const lines = fs.readFileSync(backupFile, "utf8").trimEnd().split("\n");
    const header = JSON.parse(lines[0]);
    const newer = path.join(dir, "newer.jsonl");
    fs.writeFileSync(newer, [JSON.stringify({ ...header, migrations: [...header.migrations, "29991231000000_from_the_future"] }), ...lines.slice(1)].join("\n"));
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/only in the backup: 29991231000000_from_the_future/);
    const cut = path.join(dir, "cut.jsonl");
    fs.writeFileSync(cut, lines.slice(0, -5).join("\n"));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(BackupError);
    const foreign = path.join(dir, "foreign.jsonl");
    fs.writeFileSync(foreign, '{"hello":"world"}\n');
    await expect(restoreDatabase(target, foreign)).rejects.toThrow(/not a Verity backup/);
    // The cut-short restore ran its migrations but loaded no row.
    const snap = await snapshot(target);
    for (const t of Object.keys(snap)) expect(snap[t].rows, t).toBe(0);
  });

  it("without DATABASE_URL uses the running npm start's database, and says how to run when there is none", async () => {
    const none = await runScript("db-backup.ts", [path.join(dir, "x.jsonl")], {});
    expect(none.code).toBe(2);
    expect(none.out).toContain("DATABASE_URL is not set and no running npm start was found");
    fs.writeFileSync(path.join(dir, "database-url"), `${source}\n`, { mode: 0o600 });
    const viaFile = await runScript("db-backup.ts", [path.join(dir, "via-file.jsonl")], {});
    expect(viaFile.code, viaFile.out).toBe(0);
    expect(viaFile.out).toContain("the running npm start");
    fs.rmSync(path.join(dir, "database-url"));
  });
});
