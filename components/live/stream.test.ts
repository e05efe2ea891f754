import { describe, expect, it } from "vitest";
import { articleIdFromPath, backoffDelay, isAfter, parseLiveEvent, streamUrl } from "./stream";

describe("articleIdFromPath", () => {
  it.each([
    ["/articles/abc123", "abc123"],
    ["/articles/abc123/", "abc123"],
    ["/articles/a%20b", "a b"],
    ["/articles/abc123/edit", null],
    ["/articles", null],
    ["/articles/", null],
    ["/review/abc", null],
    ["/", null],
    [null, null],
    ["/articles/%E0%A4%A", null],
  ])("%s -> %s", (path, id) => {
    expect(articleIdFromPath(path)).toBe(id);
  });
});

describe("streamUrl", () => {
  it("asks for article and notification topics", () => {
    expect(streamUrl({ articleId: null, isAdmin: false, lastEventId: null })).toBe("/api/events?topics=article%2Cnotification");
  });
  it("adds imports for admins, the article open and where to resume", () => {
    const url = new URL(streamUrl({ articleId: "a 1", isAdmin: true, lastEventId: "42" }), "http://x");
    expect(url.pathname).toBe("/api/events");
    expect(url.searchParams.get("topics")).toBe("article,notification,import");
    expect(url.searchParams.get("articleId")).toBe("a 1");
    expect(url.searchParams.get("lastEventId")).toBe("42");
  });
});

describe("backoffDelay", () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [4, 16000],
    [5, 30000],
    [50, 30000],
    [-3, 1000],
  ])("attempt %i waits %i ms without jitter", (attempt, ms) => {
    expect(backoffDelay(attempt)).toBe(ms);
  });
  it("jitter takes off at most a quarter", () => {
    expect(backoffDelay(3, 0.999999)).toBe(6000);
    expect(backoffDelay(3, 0.5)).toBe(7000);
    expect(backoffDelay(3, 7)).toBe(6000);
  });
});

describe("parseLiveEvent", () => {
  it("keeps every field and adds seq", () => {
    expect(parseLiveEvent('{"type":"claim.updated","id":"c1","articleId":"a1","version":3,"actor":{"id":"u","name":"Rita"}}', "17")).toEqual({
      type: "claim.updated", id: "c1", articleId: "a1", version: 3, actor: { id: "u", name: "Rita" }, seq: "17",
    });
  });
  it("gives resync an empty id", () => {
    expect(parseLiveEvent('{"type":"resync"}', "")).toEqual({ type: "resync", id: "", seq: "" });
  });
  it("turns a numeric id into a string", () => {
    expect(parseLiveEvent('{"type":"import.progress","id":5}', "2")?.id).toBe("5");
  });
  it.each(["not json", "null", "[]", '"x"', '{"id":"c1"}', '{"type":""}', '{"type":3}'])("refuses %s", (data) => {
    expect(parseLiveEvent(data, "1")).toBeNull();
  });
});

describe("isAfter", () => {
  it.each([
    ["2", null, true],
    ["10", "9", true],
    ["9", "10", false],
    ["10", "10", false],
    ["123456789012345678901", "123456789012345678900", true],
    ["010", "9", true],
    ["", "1", false],
    ["x", null, false],
    ["5", "junk", true],
  ])("%s after %s: %s", (a, b, expected) => {
    expect(isAfter(a, b)).toBe(expected);
  });
});
