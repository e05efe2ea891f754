// Backups through the database connection: every table of the public schema
// (found in information_schema, so a table added by a later migration is
// included without touching this file), as JSON lines, in foreign-key order.
// Postgres itself turns each row into JSON (row_to_json) and back
// (json_populate_recordset), so every type round-trips exactly: timestamps,
// jsonb, enums, bigints beyond 2^53. pg_dump would do as well, but the embedded
// PostgreSQL ships without it.
//
// File layout, one JSON document per line:
//   {"format":"verity-backup","version":1,"createdAt":…,"migrations":[…],"tables":[{"name","columns","rows"}…]}
//   {"table":"User","row":{…}}              every row, tables in dependency order
//   {"end":true,"rows":N}                   completeness marker
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { appliedMigrations, BackupError, insertableColumns, primaryKey, tablesInDependencyOrder } from "./introspect";

export { BackupError } from "./introspect";

export const BACKUP_FORMAT = "verity-backup";
export const BACKUP_VERSION = 1;

export type TableInfo = { name: string; columns: string[]; rows: number };
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Names of the migrations applied to the source; a restore target must have exactly these. */
  migrations: string[];
  /** Server version of the source, for people. */
  server: string;
  tables: TableInfo[];
};

function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(`${line}\n`)) resolve();
    else {
      out.once("drain", resolve);
      out.once("error", reject);
    }
  });
}

/**
 * Writes a complete, consistent backup of `url` to `file` ("-" for stdout). One
 * REPEATABLE READ transaction: every table is read from the same snapshot, while
 * the app keeps running. A file is written under a temporary name and renamed
 * when complete, with mode 600 (it holds password and token hashes).
 */
export async function backupDatabase(url: string, file: string, opts: { log?: (line: string) => void } = {}): Promise<BackupHeader> {
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString: url, application_name: "verity-backup" });
  await client.connect();
  const tmp = file === "-" ? null : path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.partial`);
  const sink = tmp ? fs.createWriteStream(tmp, { mode: 0o600 }) : null;
  const out: NodeJS.WritableStream = sink ?? process.stdout;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const order = await tablesInDependencyOrder(client);
    const tables: TableInfo[] = [];
    for (const name of order) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(name)}`);
      tables.push({ name, columns: await insertableColumns(client, name), rows: Number(rows[0].n) });
    }
    const { rows: v } = await client.query<{ v: string }>("SHOW server_version");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      server: v[0].v,
      tables,
    };
    await writeLine(out, JSON.stringify(header));
    let total = 0;
    for (const t of tables) {
      const q = client.escapeIdentifier(t.name);
      const key = await primaryKey(client, t.name);
      const orderBy = key.length ? ` ORDER BY ${key.map((c) => `x.${client.escapeIdentifier(c)}`).join(", ")}` : "";
      // A cursor keeps memory flat however large the table; key order makes two backups comparable.
      await client.query(`DECLARE verity_backup NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${q} x${orderBy}`);
      const prefix = `{"table":${JSON.stringify(t.name)},"row":`;
      let n = 0;
      for (;;) {
        const { rows } = await client.query<{ j: string }>("FETCH 1000 FROM verity_backup");
        if (!rows.length) break;
        for (const r of rows) await writeLine(out, `${prefix}${r.j}}`);
        n += rows.length;
      }
      await client.query("CLOSE verity_backup");
      if (n !== t.rows) throw new BackupError(`${t.name}: counted ${t.rows} rows but read ${n}`);
      total += n;
      log(`${t.name}: ${n} rows`);
    }
    await writeLine(out, JSON.stringify({ end: true, rows: total }));
    await client.query("COMMIT");
    if (sink && tmp) {
      await new Promise<void>((resolve, reject) => {
        sink.once("error", reject);
        sink.end(() => resolve());
      });
      fs.renameSync(tmp, file);
    }
    return header;
  } catch (e) {
    if (sink && tmp) {
      sink.destroy();
      fs.rmSync(tmp, { force: true });
    }
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads and checks a backup's first line. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  try {
    for await (const line of rl) return parseHeader(line, file);
    throw new BackupError(`${file} is empty`);
  } finally {
    rl.close();
  }
}

function parseHeader(line: string, file: string): BackupHeader {
  let h: BackupHeader;
  try {
    h = JSON.parse(line) as BackupHeader;
  } catch {
    throw new BackupError(`${file} is not a Verity backup (its first line is not JSON)`);
  }
  if (h?.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Verity backup (format ${JSON.stringify(h?.format)})`);
  if (h.version !== BACKUP_VERSION) throw new BackupError(`${file} is backup format version ${h.version}; this Verity reads version ${BACKUP_VERSION}`);
  if (!Array.isArray(h.migrations) || !Array.isArray(h.tables)) throw new BackupError(`${file}: the header lacks migrations or tables`);
  return h;
}
