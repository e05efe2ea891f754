import "server-only";
import { enrich, outboxBounds, readAfter } from "./enrich";
import { matches, type LiveMessage, type StreamFilter } from "./types";

const PAGE = 2_000;
/** Past this many outbox rows to go through, a resync (the client refetches) is cheaper than a replay. */
const MAX_REPLAY_ROWS = 50_000;

export type Replay = { resync: true; last: bigint } | { resync: false; messages: LiveMessage[]; last: bigint };

/**
 * What a stream resuming after `after` missed, from the outbox, in order. A
 * cursor the outbox cannot answer exactly (older events pruned, or a cursor
 * from the future, as after a restore) gets a resync instead.
 * `last` is the highest outbox id looked at: live events up to it are duplicates.
 */
export async function replay(filter: StreamFilter, after: bigint): Promise<Replay> {
  const { oldest, last } = await outboxBounds();
  const pruned = oldest === null ? after < last : after < oldest - BigInt(1);
  if (pruned || after > last) return { resync: true, last };
  const messages: LiveMessage[] = [];
  let cursor = after;
  for (let seen = 0; seen < MAX_REPLAY_ROWS; seen += PAGE) {
    const rows = await readAfter(cursor, PAGE);
    if (!rows.length) return { resync: false, messages, last: cursor };
    cursor = BigInt(rows[rows.length - 1].id);
    messages.push(...(await enrich(rows.filter((r) => matches(filter, r)))));
    if (rows.length < PAGE) return { resync: false, messages, last: cursor };
  }
  return { resync: true, last: cursor };
}
