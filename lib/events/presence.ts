import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "@/lib/db";

/** Registers a stream's reader on an article (the Presence trigger announces who is there). */
export async function openPresence(articleId: string, userId: string, instance: string): Promise<string> {
  const id = randomUUID();
  await sql(
    "verity_presence_open",
    `INSERT INTO "Presence" (id, "articleId", "userId", instance, "seenAt", "createdAt") VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
    [id, articleId, userId, instance],
  );
  return id;
}

export async function closePresence(id: string): Promise<void> {
  await sql("verity_presence_close", `DELETE FROM "Presence" WHERE id = $1`, [id]);
}
