// `npm run db:restore`: loads a file written by backupDatabase (lib/database/backup.ts)
// into a database, in one transaction. See that file for the format.
import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";
import { readBackupHeader, type BackupHeader } from "./backup";
import { appliedMigrations, BackupError, nonEmptyTables, tablesInDependencyOrder } from "./introspect";
import { applyMigrations, readMigrations } from "./migrate";

const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function describeMismatch(backup: string[], here: string[], where: string): string {
  const missing = backup.filter((m) => !here.includes(m));
  const extra = here.filter((m) => !backup.includes(m));
  return (
    `The backup was made with migrations that differ from ${where}.` +
    (missing.length ? `\n  only in the backup: ${missing.join(", ")} (restore with the newer Verity that made it)` : "") +
    (extra.length ? `\n  only in ${where}: ${extra.join(", ")} (restore with the Verity version that made the backup, then start this one to migrate)` : "")
  );
}

/**
 * Restores `file` into the database at `url`: applies this checkout's migrations
 * (they must be exactly the backup's), then loads every row in one transaction,
 * in foreign-key order, and moves autoincrement sequences past the restored ids.
 * A database that already holds rows is refused unless `force`, which empties
 * it (in the same transaction) first. Nothing is changed when anything fails.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: { force?: boolean; log?: (line: string) => void; migrationsDir?: string } = {},
): Promise<{ header: BackupHeader; rows: number }> {
  const log = opts.log ?? (() => {});
  const header = await readBackupHeader(file);
  const onDisk = readMigrations(opts.migrationsDir).map((m) => m.name);
  if (!sameList(header.migrations, onDisk)) throw new BackupError(describeMismatch(header.migrations, onDisk, "this checkout"));

  const client = new pg.Client({ connectionString: url, application_name: "verity-restore" });
  await client.connect();
  try {
    const occupied = await nonEmptyTables(client);
    if (occupied.length && !opts.force) {
      throw new BackupError(
        `The target database is not empty (${occupied.map((t) => `${t.name}: ${t.rows}`).join(", ")}). ` +
          `Restore into an empty database, or add --force to replace everything in it with the backup.`,
      );
    }
    const migrated = await applyMigrations(url, { log, dir: opts.migrationsDir });
    if (migrated.applied.length) log(`applied ${migrated.applied.length} migrations`);
    const applied = await appliedMigrations(client);
    if (!sameList(header.migrations, applied)) throw new BackupError(describeMismatch(header.migrations, applied, "the target database"));

    const order = await tablesInDependencyOrder(client);
    const known = new Map(header.tables.map((t) => [t.name, t]));
    const unknown = header.tables.filter((t) => !order.includes(t.name)).map((t) => t.name);
    if (unknown.length) throw new BackupError(`The backup has tables the target lacks: ${unknown.join(", ")}`);

    await client.query("BEGIN");
    try {
      if (opts.force && order.length) {
        await client.query(`TRUNCATE ${order.map((t) => client.escapeIdentifier(t)).join(", ")} RESTART IDENTITY CASCADE`);
      }
      const identity = new Map<string, boolean>();
      for (const t of order) {
        const { rowCount } = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'YES'`, [t]);
        identity.set(t, (rowCount ?? 0) > 0);
      }
      const loaded = new Map<string, number>();
      let batch: string[] = [];
      let batchBytes = 0;
      let batchTable = "";
      const flush = async () => {
        if (!batch.length) return;
        const info = known.get(batchTable)!;
        const q = client.escapeIdentifier(batchTable);
        const cols = info.columns.map((c) => client.escapeIdentifier(c)).join(", ");
        await client.query(
          `INSERT INTO ${q} (${cols}) ${identity.get(batchTable) ? "OVERRIDING SYSTEM VALUE " : ""}SELECT ${cols} FROM json_populate_recordset(NULL::${q}, $1::json)`,
          [`[${batch.join(",")}]`],
        );
        loaded.set(batchTable, (loaded.get(batchTable) ?? 0) + batch.length);
        batch = [];
        batchBytes = 0;
      };

      const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
      let lineNo = 0;
      let ended: { rows: number } | null = null;
      const seen: string[] = [];
      const ROW = /^\{"table":("(?:[^"\\]|\\.)*"),"row":/;
      for await (const line of rl) {
        lineNo++;
        if (lineNo === 1 || !line) continue;
        if (ended) throw new BackupError(`${file}: line ${lineNo} comes after the end marker`);
        const m = ROW.exec(line);
        if (!m) {
          const end = JSON.parse(line) as { end?: boolean; rows?: number };
          if (end?.end === true) {
            ended = { rows: Number(end.rows) };
            continue;
          }
          throw new BackupError(`${file}: line ${lineNo} is neither a row nor the end marker`);
        }
        const table = JSON.parse(m[1]) as string;
        if (!known.has(table)) throw new BackupError(`${file}: line ${lineNo} is a row of ${table}, which the header does not list`);
        if (table !== batchTable) {
          await flush();
          if (seen.includes(table)) throw new BackupError(`${file}: rows of ${table} are not together (line ${lineNo})`);
          // Parents first: a table's rows may only follow the tables it refers to.
          if (order.indexOf(table) < Math.max(-1, ...seen.map((s) => order.indexOf(s)))) throw new BackupError(`${file}: ${table} comes after a table that refers to it`);
          seen.push(table);
          batchTable = table;
        }
        // The row's JSON is passed on as written: no parse, so no rounding of large numbers.
        const row = line.slice(m[0].length, -1);
        batch.push(row);
        batchBytes += row.length;
        if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
      }
      await flush();
      if (!ended) throw new BackupError(`${file} is incomplete (no end marker): the backup was cut short`);
      let total = 0;
      for (const t of header.tables) {
        const n = loaded.get(t.name) ?? 0;
        if (n !== t.rows) throw new BackupError(`${t.name}: the header promises ${t.rows} rows, the file holds ${n}`);
        total += n;
        log(`${t.name}: ${n} rows`);
      }
      if (total !== ended.rows) throw new BackupError(`${file}: the end marker counts ${ended.rows} rows, the file holds ${total}`);
      await resetSequences(client, order);
      await client.query("COMMIT");
      return { header, rows: total };
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Moves every serial/identity sequence past the largest restored value, so new rows get fresh ids. */
async function resetSequences(client: pg.Client, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1) AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
    [tables],
  );
  for (const { table_name, column_name } of rows) {
    const c = client.escapeIdentifier(column_name);
    await client.query(
      `SELECT setval(pg_get_serial_sequence(format('%I.%I', current_schema(), $1::text), $2), COALESCE(MAX(${c}), 1), MAX(${c}) IS NOT NULL) FROM ${client.escapeIdentifier(table_name)}`,
      [table_name, column_name],
    );
  }
}
