// A database of the test file's own on the run's test server, for tests that
// count every row (hostile input, backups): other test files write to the shared
// database at the same time, so their totals would move under the assertions.
import { afterAll, beforeAll, inject } from "vitest";
import pg from "pg";
import { ensureDatabase } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrate";
import { reloadEnv } from "@/lib/env";

export function databaseUrl(name: string): string {
  const u = new URL(inject("serverUrl"));
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database (no migrations) on the test server and returns its URL. */
export async function createDatabase(tag: string): Promise<string> {
  const name = `verity_${tag}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await ensureDatabase(inject("serverUrl"), name);
  return databaseUrl(name);
}

/**
 * Points this test file's Prisma client (lib/db) at a new, migrated database.
 * Call it in beforeAll, before anything touches the database: the client is
 * created on first use from DATABASE_URL.
 */
export async function useFreshDatabase(tag: string): Promise<string> {
  const url = await createDatabase(tag);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  // Settings are read once; modules imported earlier may already have read them.
  reloadEnv();
  return url;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const c = new pg.Client({ connectionString: inject("serverUrl") });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/** Rows in every table of the public schema, by table name. */
export async function countAllRows(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${c.escapeIdentifier(table_name)}`);
      counts[table_name] = Number(rows[0].n);
    }
    return counts;
  } finally {
    await c.end();
  }
}

/**
 * This test file on a database of its own (useFreshDatabase in beforeAll), and afterwards
 * what it may have started stopped (the live-events hub, the import workers), its
 * connections closed and the database dropped.
 */
export function onOwnDatabase(tag: string): void {
  let url = "";
  beforeAll(async () => {
    url = await useFreshDatabase(tag);
  }, 120_000);
  afterAll(async () => {
    const { stopHub } = await import("@/lib/events/hub");
    const { stopImportWorkers } = await import("@/lib/imports/worker/pool");
    const { prisma } = await import("@/lib/db");
    await stopHub();
    await stopImportWorkers();
    await prisma.$disconnect();
    await dropDatabase(url);
  }, 60_000);
}
