import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, readMigrations } from "@/lib/database/migrate";
import { ensureDatabase } from "@/lib/database/embedded";

async function freshDatabase(): Promise<string> {
  const name = `verity_mig_${Math.random().toString(36).slice(2, 10)}`;
  const serverUrl = inject("serverUrl");
  await ensureDatabase(serverUrl, name);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migration applier", () => {
  const all = readMigrations().map((m) => m.name);

  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const r = await applyMigrations(url);
    expect(all.length).toBeGreaterThan(0);
    expect(r.applied).toEqual(all);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((x) => x.migration_name)).toEqual(all);
    expect(rows.map((x) => x.checksum)).toEqual(readMigrations().map((m) => m.checksum));
    expect(rows.every((x) => x.finished_at && x.applied_steps_count === 1)).toBe(true);
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Article", "Claim", "AuditEvent", "ApiToken"]));
  });

  it("is a no-op when run again", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const again = await applyMigrations(url);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(all);
    const [{ n }] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(n)).toBe(all.length);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const url = await freshDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-migrations-"));
    fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
    await applyMigrations(url, { dir });
    const first = path.join(dir, all[0], "migration.sql");
    fs.appendFileSync(first, "\n-- edited after the fact\n");
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/was changed after it was applied/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("applies each migration once when several starts race", async () => {
    const url = await freshDatabase();
    const results = await Promise.all(Array.from({ length: 5 }, () => applyMigrations(url)));
    const appliedCounts = all.map((name) => results.filter((r) => r.applied.includes(name)).length);
    expect(appliedCounts).toEqual(all.map(() => 1));
    const [{ n }] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(n)).toBe(all.length);
  });

  it("rolls a failing migration back and records nothing", async () => {
    const url = await freshDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-migrations-"));
    fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "99990101000000_broken"));
    fs.writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "half" (id int);\nSELECT * FROM no_such_table;`);
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    const half = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
    expect(half).toHaveLength(0);
    const names = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((r) => r.migration_name)).toEqual(all);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
