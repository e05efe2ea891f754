// What the backup and restore commands need to know about a database's tables,
// read from information_schema and the catalogs (plain pg, no Prisma), so tables
// added by later migrations are handled without code changes.
import type pg from "pg";

export const MIGRATIONS_TABLE = "_prisma_migrations";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export type Queryable = Pick<pg.Client, "query" | "escapeIdentifier">;

/** Base tables of the public schema except Prisma's migration log, in foreign-key order (parents first). */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const { rows: edges } = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT tc.relname AS child, pc.relname AS parent
       FROM pg_constraint c
       JOIN pg_class tc ON tc.oid = c.conrelid
       JOIN pg_class pc ON pc.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  // A self-reference needs no ordering between tables (rows would, which no table here has).
  for (const e of edges) if (e.child !== e.parent && parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (!ready.length) throw new BackupError(`Foreign keys form a cycle between ${names.filter((n) => !done.has(n)).join(", ")}; this backup format cannot order them`);
    for (const n of ready) {
      order.push(n);
      done.add(n);
    }
  }
  return order;
}

/** Columns a row is written with: all but generated ones, in table order. */
export async function insertableColumns(db: Queryable, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

export async function primaryKey(db: Queryable, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT a.attname AS name
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND c.relname = $1 AND n.nspname = current_schema()
      ORDER BY k.pos`,
    [table],
  );
  return rows.map((r) => r.name);
}

export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const exists = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`, [MIGRATIONS_TABLE]);
  if (!exists.rowCount) return [];
  const { rows } = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${db.escapeIdentifier(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** Tables of the public schema (except the migration log) that hold rows, with their counts. */
export async function nonEmptyTables(db: Queryable): Promise<Array<{ name: string; rows: number }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY 1`,
    [MIGRATIONS_TABLE],
  );
  const out: Array<{ name: string; rows: number }> = [];
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${db.escapeIdentifier(name)}`);
    if (Number(rows[0].n) > 0) out.push({ name, rows: Number(rows[0].n) });
  }
  return out;
}
