import "server-only";
import os from "node:os";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { sql } from "@/lib/db";
import { enrich, readAfter } from "./enrich";
import { eventSettings } from "./settings";
import { matches, type LiveMessage, type StreamFilter } from "./types";

// One listener per process: a dedicated connection (not from the pool: LISTEN
// and the sequencer's session lock need a connection of their own, which also
// rules out a pooler in transaction mode) that LISTENs on verity_events, reads
// the outbox after each NOTIFY and fans the events out to this process's
// streams. Its instance may also be the sequencer (see the live_events migration).

/** Session advisory lock: the one instance that sequences (moves committed changes into the outbox). */
const SEQUENCER_LOCK = 7493021605;
const READ_BATCH = 1_000;

export type Subscriber = {
  filter: StreamFilter;
  /** Called with the events the filter matches, in outbox order. */
  deliver: (messages: LiveMessage[]) => void;
  ping: () => void;
  /** Closes the stream (shutdown, or the stream's lifetime ended). */
  close: () => void;
  presenceId?: string;
};

type Hub = {
  instance: string;
  client: pg.Client | null;
  started: Promise<void> | null;
  stopped: boolean;
  /** The last outbox id this process read (and delivered). */
  cursor: bigint | null;
  subscribers: Set<Subscriber>;
  sequencer: boolean;
  reading: Promise<void> | null;
  readAgain: boolean;
  timers: NodeJS.Timeout[];
  lastPrune: number;
  backoff: number;
  /** Resolved when the cursor is known (first connection). */
  ready: Promise<void>;
  markReady: () => void;
};

const g = globalThis as unknown as { verityEventsHub?: Hub; verityEventsShutdown?: () => Promise<void> };

function hub(): Hub {
  if (!g.verityEventsHub) {
    let markReady = () => {};
    const ready = new Promise<void>((r) => (markReady = r));
    g.verityEventsHub = {
      instance: `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
      client: null, started: null, stopped: false, cursor: null, subscribers: new Set(), sequencer: false,
      reading: null, readAgain: false, timers: [], lastPrune: 0, backoff: 250, ready, markReady,
    };
  }
  return g.verityEventsHub;
}

/** This process's name in Presence rows. */
export const instanceId = () => hub().instance;

async function connect(h: Hub): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(), options: "-c TimeZone=UTC", keepAlive: true });
  client.on("error", (e) => console.error("[verity] live events listener:", e.message));
  client.on("end", () => {
    if (h.client !== client) return;
    h.client = null;
    h.sequencer = false;
    if (!h.stopped) scheduleReconnect(h);
  });
  client.on("notification", () => void read(h));
  await client.connect();
  await client.query("LISTEN verity_events");
  if (h.cursor === null) {
    // Streams start from now; older events are for resuming streams (replayed from the outbox).
    const { rows } = await client.query<{ max: string }>(`SELECT coalesce(max(id), 0)::text AS max FROM "Event"`);
    h.cursor = BigInt(rows[0].max);
  }
  h.client = client;
  h.backoff = 250;
  h.markReady();
  await claimSequencer(h);
  // Anything committed while disconnected (or before LISTEN) is read now.
  void read(h);
}

function scheduleReconnect(h: Hub) {
  const wait = h.backoff;
  h.backoff = Math.min(h.backoff * 2, 10_000);
  const t = setTimeout(() => {
    if (h.stopped) return;
    connect(h).catch((e) => {
      console.error(`[verity] live events listener could not connect (retrying): ${(e as Error).message}`);
      scheduleReconnect(h);
    });
  }, wait);
  t.unref();
}

/** One claim at a time: connect() and the sequencing timer both ask, and a pg client runs one query at a time. */
let claiming: Promise<void> | null = null;
function claimSequencer(h: Hub): Promise<void> {
  if (h.sequencer || !h.client) return Promise.resolve();
  const client = h.client;
  claiming ??= client
    .query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SEQUENCER_LOCK])
    .then(({ rows }) => {
      if (h.client === client) h.sequencer = rows[0].ok;
    })
    .finally(() => {
      claiming = null;
    });
  return claiming;
}

/** Reads the outbox past the cursor and delivers; coalesces NOTIFYs that arrive meanwhile. */
function read(h: Hub): Promise<void> {
  if (h.reading) {
    h.readAgain = true;
    return h.reading;
  }
  const run = async () => {
    do {
      h.readAgain = false;
      for (;;) {
        if (h.cursor === null) return;
        const after = h.cursor;
        const rows = await readAfter(after, READ_BATCH);
        if (!rows.length) break;
        const messages = await enrich(rows);
        // Reads are serialised (h.reading); this only guards against a future change that is not.
        if (h.cursor !== after) continue;
        h.cursor = BigInt(rows[rows.length - 1].id);
        fanOut(h, messages);
        if (rows.length < READ_BATCH) break;
      }
    } while (h.readAgain);
  };
  // Cleared in a callback, which always runs after the assignment below (an
  // IIFE that returned at once would clear it first and leave it set for good).
  const p: Promise<void> = run()
    .catch((e) => console.error("[verity] reading live events:", (e as Error).message))
    .finally(() => {
      if (h.reading === p) h.reading = null;
    });
  h.reading = p;
  return p;
}

function fanOut(h: Hub, messages: LiveMessage[]) {
  for (const s of h.subscribers) {
    const mine = messages.filter((m) => matches(s.filter, m));
    if (!mine.length) continue;
    try {
      s.deliver(mine);
    } catch (e) {
      console.error("[verity] delivering live events:", (e as Error).message);
    }
  }
}

/** Moves committed changes into the outbox (the sequencer's job); the NOTIFY wakes every listener. */
let sequencing = false;
let lastClaim = 0;
async function sequence(h: Hub) {
  // Not the sequencer: ask again every second, to take over soon after one goes.
  if (!h.sequencer && h.client && Date.now() - lastClaim > 1_000) {
    lastClaim = Date.now();
    await claimSequencer(h).catch(() => {});
  }
  if (!h.sequencer || !h.client || sequencing || claiming) return;
  sequencing = true;
  try {
    await h.client.query("SELECT verity_live.sequence()");
  } catch (e) {
    console.error("[verity] sequencing live events:", (e as Error).message);
  } finally {
    sequencing = false;
  }
}

/** Deletes presence rows whose stream stopped refreshing them (its instance died); their deletion is announced. */
export async function sweepPresence(): Promise<number> {
  const rows = await sql<{ id: string }>(
    "verity_presence_sweep",
    `DELETE FROM "Presence" WHERE "seenAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1) RETURNING id`,
    [eventSettings().presenceStaleSeconds],
  );
  return rows.length;
}

/** Drops outbox events older than the retention (and staged rows already sequenced). */
export async function pruneOutbox(): Promise<number> {
  const rows = await sql<{ n: number }>(
    "verity_event_prune",
    `WITH d AS (DELETE FROM "Event" WHERE "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(mins => $1) RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [eventSettings().retentionMinutes],
  );
  return rows[0]?.n ?? 0;
}

async function heartbeat(h: Hub) {
  for (const s of h.subscribers) s.ping();
  const present = [...h.subscribers].map((s) => s.presenceId).filter((id): id is string => !!id);
  try {
    if (present.length) await sql("verity_presence_refresh", `UPDATE "Presence" SET "seenAt" = now() AT TIME ZONE 'UTC' WHERE id = ANY($1::text[])`, [present]);
    await sweepPresence();
    if (Date.now() - h.lastPrune >= 60_000) {
      h.lastPrune = Date.now();
      await pruneOutbox();
    }
  } catch (e) {
    console.error("[verity] live events upkeep:", (e as Error).message);
  }
}

/** Starts the listener (once per process); resolves when the outbox position is known. */
export function startHub(): Promise<void> {
  const h = hub();
  if (!h.started) {
    h.stopped = false;
    const s = eventSettings();
    const seq = setInterval(() => void sequence(h), s.sequenceMs);
    // A safety net: a NOTIFY lost with a connection is caught up within seconds.
    const poll = setInterval(() => void read(h), 2_000);
    const beat = setInterval(() => void heartbeat(h), s.heartbeatMs);
    for (const t of [seq, poll, beat]) t.unref();
    h.timers = [seq, poll, beat];
    h.started = connect(h).catch((e) => {
      console.error(`[verity] live events listener could not connect (retrying): ${(e as Error).message}`);
      scheduleReconnect(h);
    });
    g.verityEventsShutdown = stopHub;
  }
  return h.ready;
}

export function subscribe(s: Subscriber): () => void {
  const h = hub();
  h.subscribers.add(s);
  return () => void h.subscribers.delete(s);
}

/** Runs one sequencing round now if this process is the sequencer (tests). */
export const sequenceNow = () => sequence(hub());

/** Closes every stream, removes this instance's presence, ends the listener: the process may exit. */
export async function stopHub(): Promise<void> {
  const h = g.verityEventsHub;
  if (!h || h.stopped) return;
  h.stopped = true;
  for (const t of h.timers) clearInterval(t);
  for (const s of [...h.subscribers]) s.close();
  h.subscribers.clear();
  await sql("verity_presence_instance_gone", `DELETE FROM "Presence" WHERE instance = $1`, [h.instance]).catch(() => {});
  const client = h.client;
  h.client = null;
  h.sequencer = false;
  await client?.end().catch(() => {});
  g.verityEventsHub = undefined;
}

/** Closes every open stream now (tests end their streams this way; clients reconnect and resume). */
export function closeAllStreams() {
  for (const s of [...(g.verityEventsHub?.subscribers ?? [])]) s.close();
}
