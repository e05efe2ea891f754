import "server-only";
import { sql } from "@/lib/db";
import type { LiveMessage } from "./types";

export type OutboxRow = { id: string; type: string; topic: string; articleId: string | null; userId: string | null; payload: Record<string, unknown> };

// Actor names change rarely; a minute-old name on a live badge is fine.
const NAME_TTL_MS = 60_000;
const names = new Map<string, { name: string; at: number }>();

/**
 * Outbox rows as streams send them: the triggers store the actor's id only (the
 * claim write stays one insert), so names are joined here, once per batch.
 */
export async function enrich(rows: OutboxRow[]): Promise<LiveMessage[]> {
  const now = Date.now();
  const wanted = new Set<string>();
  for (const r of rows) {
    const actorId = r.payload.actorId;
    if (typeof actorId === "string" && !((names.get(actorId)?.at ?? 0) > now - NAME_TTL_MS)) wanted.add(actorId);
  }
  if (wanted.size) {
    const found = await sql<{ id: string; name: string }>("verity_event_actor_names", `SELECT id, name FROM "User" WHERE id = ANY($1::text[])`, [[...wanted]]);
    for (const u of found) names.set(u.id, { name: u.name, at: now });
    if (names.size > 10_000) names.clear();
  }
  return rows.map((r) => {
    const { actorId, ...rest } = r.payload;
    const data: Record<string, unknown> = { ...rest };
    if (typeof actorId === "string" && names.has(actorId)) data.actor = { id: actorId, name: names.get(actorId)!.name };
    return { id: r.id, type: r.type, topic: r.topic, articleId: r.articleId, userId: r.userId, data };
  });
}

const SELECT = `SELECT id::text AS id, type, topic, "articleId", "userId", payload FROM "Event"`;

/**
 * Outbox rows after `after`, in order, at most `limit`. Ordered by the column, not
 * by the text alias of the select list ("ORDER BY id" would mean the alias, and sort
 * "1000" before "999": a reader then read past 999, moved its cursor back to 999 and
 * delivered the batch again, out of order, whenever ids crossed a power of ten).
 */
export function readAfter(after: bigint, limit: number): Promise<OutboxRow[]> {
  return sql<OutboxRow>("verity_event_read", `${SELECT} WHERE "Event".id > $1::bigint ORDER BY "Event".id LIMIT $2`, [after.toString(), limit]);
}

/**
 * Where the outbox stands: its oldest retained id and the last id ever drawn
 * (0 before the first event). A resume cursor before the oldest retained event
 * (older ones were pruned) or after the last drawn (a restored database) cannot
 * be replayed exactly.
 */
export async function outboxBounds(): Promise<{ oldest: bigint | null; last: bigint }> {
  const [r] = await sql<{ oldest: string | null; last: string; called: boolean }>(
    "verity_event_bounds",
    `SELECT (SELECT min(id) FROM "Event")::text AS oldest, s.last_value::text AS last, s.is_called AS called FROM "Event_id_seq" s`,
    [],
  );
  return { oldest: r.oldest === null ? null : BigInt(r.oldest), last: r.called ? BigInt(r.last) : BigInt(0) };
}
