import { describe, expect, it } from "vitest";
import { readSse, splitSse } from "./sse-reader";

describe("splitSse", () => {
  it("returns complete events and keeps the unfinished rest; skips comments and retry", () => {
    const r = splitSse('retry: 2000\n\n: ping\n\nid: 7\ndata: {"type":"a"}\n\nid: 8\ndata: {"ty');
    expect(r.events).toEqual([{ id: "7", data: { type: "a" } }]);
    expect(r.rest).toBe('id: 8\ndata: {"ty');
  });
});

describe("readSse", () => {
  it("reads events split across chunks, in order", async () => {
    const chunks = ['id: 1\ndata: {"n":1}\n', '\nid: 2\nda', 'ta: {"n":2}\n\n: ping\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const t of chunks) c.enqueue(new TextEncoder().encode(t));
        c.close();
      },
    });
    const seen: unknown[] = [];
    let text = "";
    await readSse(body, (e) => seen.push(e), (t) => (text += t));
    expect(seen).toEqual([{ id: "1", data: { n: 1 } }, { id: "2", data: { n: 2 } }]);
    expect(text).toBe(chunks.join(""));
  });
});
