import { describe, expect, it } from "vitest";
import { isNewer, planClaimEvents, type KnownClaim } from "./claim-events";
import type { LiveEvent } from "./stream";

let seq = 0;
const ev = (type: string, fields: Record<string, unknown> = {}): LiveEvent => ({ type, id: "", articleId: "a1", ...fields, seq: String(++seq) });
const known = new Map<string, KnownClaim>([
  ["c1", { version: 2 }],
  ["c2", { version: 1, commentIds: ["m1"], reviewIds: ["r1"] }],
]);

describe("planClaimEvents", () => {
  it("fetches a new claim and records who made it", () => {
    const p = planClaimEvents([ev("claim.created", { id: "c9", version: 1, actor: { id: "u", name: "Rita" } })], "a1", known);
    expect(p).toEqual({ refetch: ["c9"], remove: [], actors: { c9: "Rita" }, revised: false, resync: false });
  });
  it("skips a version already shown (the reader's own save) and fetches a newer one", () => {
    expect(planClaimEvents([ev("claim.updated", { id: "c1", version: 2 })], "a1", known).refetch).toEqual([]);
    expect(planClaimEvents([ev("claim.updated", { id: "c1", version: 1 })], "a1", known).refetch).toEqual([]);
    expect(planClaimEvents([ev("claim.updated", { id: "c1", version: 3 })], "a1", known).refetch).toEqual(["c1"]);
  });
  it("fetches a claim whose event has no version", () => {
    expect(planClaimEvents([ev("claim.updated", { id: "c1" })], "a1", known).refetch).toEqual(["c1"]);
  });
  it("coalesces several changes to one claim into one read", () => {
    const p = planClaimEvents([ev("claim.updated", { id: "c1", version: 3 }), ev("claim.updated", { id: "c1", version: 4, actor: { id: "u2", name: "Sam" } })], "a1", known);
    expect(p.refetch).toEqual(["c1"]);
    expect(p.actors).toEqual({ c1: "Sam" });
  });
  it("removes a deleted claim shown, ignores one not shown, and does not fetch it after all", () => {
    const p = planClaimEvents([ev("claim.updated", { id: "c1", version: 3 }), ev("claim.deleted", { id: "c1" }), ev("claim.deleted", { id: "zz" })], "a1", known);
    expect(p.refetch).toEqual([]);
    expect(p.remove).toEqual(["c1"]);
  });
  it("fetches a claim with a comment or review not yet shown, only when its detail is shown", () => {
    const events = [
      ev("comment.created", { id: "m1", claimId: "c2" }),
      ev("review.created", { id: "r1", claimId: "c2" }),
      ev("comment.created", { id: "m5", claimId: "c1" }),
    ];
    expect(planClaimEvents(events, "a1", known).refetch).toEqual([]);
    expect(planClaimEvents([ev("comment.created", { id: "m2", claimId: "c2" })], "a1", known).refetch).toEqual(["c2"]);
    expect(planClaimEvents([ev("review.created", { id: "r2", claimId: "c2" })], "a1", known).refetch).toEqual(["c2"]);
  });
  it("ignores other articles and other event types", () => {
    const p = planClaimEvents([ev("claim.created", { id: "c7", version: 1, articleId: "other" }), ev("presence", { id: "a1", users: [] }), ev("suggestions.changed", { id: "a1" })], "a1", known);
    expect(p.refetch).toEqual([]);
  });
  it("flags a revision of this article and a resync", () => {
    expect(planClaimEvents([ev("article.revised", { id: "a1", revision: 2 })], "a1", known).revised).toBe(true);
    expect(planClaimEvents([ev("article.revised", { id: "b", articleId: "b", revision: 2 })], "a1", known).revised).toBe(false);
    expect(planClaimEvents([{ type: "resync", id: "", seq: "" }], "a1", known).resync).toBe(true);
  });
});

describe("isNewer", () => {
  it.each([
    [3, 2, true],
    [2, 2, true],
    [1, 2, false],
    [1, undefined, true],
  ])("fetched v%i over shown v%s: %s", (f, s, expected) => {
    expect(isNewer({ version: f }, s === undefined ? undefined : { version: s })).toBe(expected);
  });
});
