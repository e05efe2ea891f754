// `npm run db:backup [-- FILE]`: a complete backup of Verity's data through the
// database connection (see lib/database/backup.ts for the format). FILE "-" writes
// to stdout; the default is verity-backup-<UTC timestamp>.jsonl here.
import fs from "node:fs";
import { backupDatabase } from "@/lib/database/backup";
import { databaseUrlFile, redact, resolveDatabaseUrl } from "./lib/database-url";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.includes("--help") || args.includes("-h") || args.length > 1) {
  console.error("usage: npm run db:backup [-- FILE]      (FILE \"-\" writes to stdout)");
  process.exit(args.length > 1 ? 2 : 0);
}
const file = args[0] ?? `verity-backup-${new Date().toISOString().replace(/[:.]/g, "-").replace(/-\d\d\dZ$/, "Z")}.jsonl`;
// With "-" the backup is the output; messages go to stderr.
const say = (line: string) => (file === "-" ? console.error : console.log)(`[verity] ${line}`);

const target = resolveDatabaseUrl();
if (!target) {
  console.error(
    `[verity] no database to back up: DATABASE_URL is not set and no running npm start was found (${databaseUrlFile()}).\n` +
      `  While npm start runs:      npm run db:backup -- verity.jsonl\n` +
      `  Any other PostgreSQL:      DATABASE_URL=postgresql://user:password@host:5432/verity npm run db:backup -- verity.jsonl`,
  );
  process.exit(2);
}
if (file !== "-" && fs.existsSync(file)) {
  console.error(`[verity] ${file} exists; choose another file name`);
  process.exit(2);
}
say(`backing up ${redact(target.url)} (from ${target.from})`);
const t0 = Date.now();
backupDatabase(target.url, file)
  .then((h) => {
    const rows = h.tables.reduce((n, t) => n + t.rows, 0);
    say(`${h.tables.length} tables, ${rows} rows, ${h.migrations.length} migrations${file === "-" ? "" : ` → ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  })
  .catch((e: Error) => {
    console.error(`[verity] backup failed: ${e.message}`);
    process.exit(1);
  });
