// Reads a server-sent event stream the way a test or a script needs it: each
// event that has an `id:` and a `data:` line, parsed, in order. Comments
// (": ping") and `retry:` blocks are skipped. Pure: no server-only import, so
// the resilience scripts use it too.

export type SseEvent = { id: string; data: Record<string, unknown> };

/** Splits what arrived so far into complete events and the unfinished rest. */
export function splitSse(buf: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  let i: number;
  while ((i = buf.indexOf("\n\n")) >= 0) {
    const block = buf.slice(0, i);
    buf = buf.slice(i + 2);
    const id = /^id: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (id !== undefined && data !== undefined) events.push({ id, data: JSON.parse(data) as Record<string, unknown> });
  }
  return { events, rest: buf };
}

/** Reads `body` to its end (or until it fails: an aborted request), calling `onEvent` per event and `onText` per chunk. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => void, onText?: (text: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (done) return;
    const text = decoder.decode(value, { stream: true });
    onText?.(text);
    const split = splitSse(buf + text);
    buf = split.rest;
    for (const e of split.events) onEvent(e);
  }
}
