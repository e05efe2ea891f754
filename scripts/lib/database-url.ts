// Which database the maintenance commands (backup, restore) talk to: DATABASE_URL,
// else the embedded database of a running `npm start`, whose URL start.ts keeps
// in DATA_DIR/database-url (mode 600) while it runs.
import fs from "node:fs";
import path from "node:path";

export function databaseUrlFile(dataDir = process.env.DATA_DIR || path.join(process.cwd(), ".data")): string {
  return path.join(path.resolve(dataDir), "database-url");
}

export function resolveDatabaseUrl(): { url: string; from: string } | null {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, from: "DATABASE_URL" };
  const file = databaseUrlFile();
  if (fs.existsSync(file)) {
    const url = fs.readFileSync(file, "utf8").trim();
    if (url) return { url, from: `${file} (the running npm start)` };
  }
  return null;
}

/** For people: which server and database, without the password. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
