// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import { applyMigrations } from "@/lib/database/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
applyMigrations(url, { log: (l) => console.log(`[verity] ${l}`) })
  .then((r) => console.log(`[verity] ${r.applied.length} applied, ${r.skipped.length} already in place`))
  .catch((e) => {
    console.error(`[verity] ${(e as Error).message}`);
    process.exit(1);
  });
