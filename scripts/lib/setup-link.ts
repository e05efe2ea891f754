import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { SETUP_LINK_HOURS } from "@/lib/users/constants";

/**
 * A one-time link to create the first admin of a new install (an external
 * database and no demo data). Only the token's hash is stored; earlier unused
 * links stop working, so the newest one printed is the one that counts.
 */
export async function issueSetupLink(connectionString: string, publicUrl: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "SetupToken" WHERE "usedAt" IS NULL`);
    await client.query(
      `INSERT INTO "SetupToken" (id, "tokenHash", "expiresAt") VALUES ($1, $2, now() + make_interval(hours => $3))`,
      [randomBytes(12).toString("hex"), hash, SETUP_LINK_HOURS],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return `${publicUrl.replace(/\/+$/, "")}/setup?token=${token}`;
}
