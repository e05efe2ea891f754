import "server-only";
import { AppError } from "@/lib/errors";
import { closePresence, openPresence } from "./presence";
import { replay } from "./replay";
import { eventSettings } from "./settings";
import { instanceId, startHub, subscribe, type Subscriber } from "./hub";
import type { LiveMessage, StreamFilter } from "./types";

/** A client this far behind (unread bytes queued) is dropped; it reconnects and resumes from its last id. */
const MAX_QUEUED_BYTES = 1024 * 1024;
const encoder = new TextEncoder();
const frame = (m: LiveMessage) => `id: ${m.id}\ndata: ${JSON.stringify(m.data)}\n\n`;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

/**
 * The server-sent event stream of one reader: `retry:`, then (when resuming
 * after `after`) what the outbox holds since then, then live events, in outbox
 * order without duplicates or gaps: it subscribes first, replays, and drops
 * live events the replay already covered. With an articleId the reader is
 * present on the article while the stream is open.
 */
export async function openEventStream(opts: { filter: StreamFilter; after: bigint | null; signal: AbortSignal }): Promise<Response> {
  const { filter, after, signal } = opts;
  const ready = await Promise.race([startHub().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000).unref())]);
  if (!ready) throw new AppError("unavailable", "Live updates are unavailable: the database cannot be reached. Try again shortly.");

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  /** Live events at or below this outbox id were replayed already. */
  let floor = BigInt(-1);
  /** Live events that arrive during the replay wait here. */
  let pending: LiveMessage[] | null = [];
  let presenceId: string | undefined;
  const timers: { lifetime?: NodeJS.Timeout } = {};

  const write = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return close();
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  // The hub delivers in outbox order; what a replay already wrote (up to floor) is not written twice.
  let lastWritten = BigInt(-1);
  const send = (messages: LiveMessage[]) => {
    const fresh = messages.filter((m) => BigInt(m.id) > (floor > lastWritten ? floor : lastWritten));
    if (!fresh.length) return;
    lastWritten = BigInt(fresh[fresh.length - 1].id);
    write(fresh.map(frame).join(""));
  };
  const subscriber: Subscriber = {
    filter,
    deliver: (messages) => (pending ? pending.push(...messages) : send(messages)),
    ping: () => write(": ping\n\n"),
    close: () => close(),
  };
  const unsubscribe = subscribe(subscriber);

  function close() {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearTimeout(timers.lifetime);
    signal.removeEventListener("abort", close);
    if (presenceId) void closePresence(presenceId).catch((e) => console.error("[verity] ending presence:", (e as Error).message));
    try {
      controller.close();
    } catch {
      /* already closed or cancelled */
    }
  }

  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      cancel: () => close(),
    },
    { highWaterMark: MAX_QUEUED_BYTES, size: (chunk) => chunk.byteLength },
  );

  try {
    write("retry: 2000\n\n");
    if (after !== null) {
      const r = await replay(filter, after);
      floor = r.last;
      if (r.resync) write(`id: ${r.last}\ndata: ${JSON.stringify({ type: "resync" })}\n\n`);
      else if (r.messages.length) write(r.messages.map(frame).join(""));
    }
    const waiting = pending;
    pending = null;
    send(waiting);
    if (filter.articleId) {
      presenceId = await openPresence(filter.articleId, filter.userId, instanceId());
      subscriber.presenceId = presenceId;
      // Closed meanwhile: the row is not wanted after all.
      if (closed) void closePresence(presenceId).catch(() => {});
    }
  } catch (e) {
    close();
    throw e;
  }
  if (signal.aborted) close();
  else signal.addEventListener("abort", close);
  timers.lifetime = setTimeout(close, eventSettings().streamMaxMs);
  timers.lifetime.unref();
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
