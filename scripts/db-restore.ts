// `npm run db:restore -- FILE [--force]`: loads a backup made by `npm run db:backup`
// into DATABASE_URL (or the running npm start's embedded database): applies the
// migrations, then every row in one transaction. A database holding any rows is
// refused unless --force, which replaces its contents.
import fs from "node:fs";
import { BackupError } from "@/lib/database/introspect";
import { restoreDatabase } from "@/lib/database/restore";
import { MigrationError } from "@/lib/database/migrate";
import { databaseUrlFile, redact, resolveDatabaseUrl } from "./lib/database-url";

const args = process.argv.slice(2).filter((a) => a !== "--");
const force = args.includes("--force");
const files = args.filter((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--force");
if (files.length !== 1 || unknown.length || args.includes("--help")) {
  console.error("usage: npm run db:restore -- FILE [--force]\n  --force  replace the contents of a database that already holds data");
  process.exit(2);
}
const file = files[0];
if (!fs.existsSync(file)) {
  console.error(`[verity] ${file} does not exist`);
  process.exit(2);
}
const target = resolveDatabaseUrl();
if (!target) {
  console.error(
    `[verity] no database to restore into: DATABASE_URL is not set and no running npm start was found (${databaseUrlFile()}).\n` +
      `  Into an empty PostgreSQL database:  DATABASE_URL=postgresql://user:password@host:5432/verity npm run db:restore -- ${file}\n` +
      `  Into the embedded database:         start it with npm start, then npm run db:restore -- ${file} --force`,
  );
  process.exit(2);
}
console.log(`[verity] restoring ${file} into ${redact(target.url)} (from ${target.from})${force ? ", replacing its contents" : ""}`);
const t0 = Date.now();
restoreDatabase(target.url, file, { force, log: (l) => console.log(`[verity]   ${l}`) })
  .then(({ header, rows }) => {
    console.log(`[verity] restored ${rows} rows in ${header.tables.length} tables (backup of ${header.createdAt}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  })
  .catch((e: Error) => {
    const expected = e instanceof BackupError || e instanceof MigrationError;
    console.error(`[verity] restore failed; the data in the database is as it was: ${expected ? e.message : e.stack}`);
    process.exit(1);
  });
