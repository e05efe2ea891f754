import { describe, expect, it } from "vitest";
import { buildSnapshot, diffSnapshots, previewFingerprint, stayOutCode, type LiveClaim } from "./snapshot";

const claim = (over: Partial<LiveClaim> & { id: string }): LiveClaim => ({
  start: 0, end: 5, exact: "quote", claimText: `Claim ${over.id}`, verdict: "FALSE", rationale: "Because.", version: 2,
  sources: [{ id: `s-${over.id}`, url: "https://example.org/a", title: "A", publisher: null, stance: "REFUTES", archivedUrl: null, excerpt: null }],
  approvedAt: "2026-12-01T00:00:00.000Z", status: "APPROVED", anchorStatus: "ANCHORED",
  ...over,
});

describe("stayOutCode", () => {
  it.each([
    ["DRAFT", "ANCHORED", "draft"],
    ["SUBMITTED", "ANCHORED", "submitted"],
    ["CHANGES_REQUESTED", "ANCHORED", "changes_requested"],
    ["REJECTED", "ANCHORED", "rejected"],
    ["APPROVED", "ORPHANED", "orphaned"],
    ["APPROVED", "FUZZY", null],
    ["APPROVED", "ANCHORED", null],
  ] as const)("%s / %s → %s", (status, anchorStatus, code) => {
    expect(stayOutCode({ status, anchorStatus })).toBe(code);
  });
});

describe("buildSnapshot", () => {
  it("keeps approved, anchored claims in reading order, numbered from 1", () => {
    const snap = buildSnapshot([
      claim({ id: "b", start: 10, end: 20 }),
      claim({ id: "draft", start: 0, end: 3, status: "DRAFT" }),
      claim({ id: "a", start: 2, end: 8 }),
      claim({ id: "lost", start: 1, end: 4, anchorStatus: "ORPHANED" }),
    ]);
    expect(snap.map((c) => [c.id, c.number])).toEqual([["a", 1], ["b", 2]]);
    expect(snap[0]).not.toHaveProperty("status");
  });
});

describe("diffSnapshots", () => {
  it("tells added, changed (with fields), removed and unchanged claims apart", () => {
    const before = buildSnapshot([claim({ id: "same" }), claim({ id: "edited", start: 6, end: 9 }), claim({ id: "gone", start: 10, end: 12 })]);
    const after = buildSnapshot([
      claim({ id: "same" }),
      claim({ id: "edited", start: 6, end: 9, verdict: "MISLEADING", sources: [] }),
      claim({ id: "new", start: 20, end: 25 }),
    ]);
    const d = diffSnapshots(before, after);
    expect(d.added.map((c) => c.id)).toEqual(["new"]);
    expect(d.changed).toEqual([{ claim: expect.objectContaining({ id: "edited" }), fields: ["verdict", "sources"] }]);
    expect(d.removed.map((c) => c.id)).toEqual(["gone"]);
    expect(d.unchanged.map((c) => c.id)).toEqual(["same"]);
    expect(diffSnapshots(null, after).added).toHaveLength(3);
  });
});

describe("previewFingerprint", () => {
  it("changes with the latest publication, the text revision and any claim version", () => {
    const snap = buildSnapshot([claim({ id: "a" })]);
    const base = previewFingerprint(1, snap, 1);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(previewFingerprint(1, snap, 1)).toBe(base);
    expect(previewFingerprint(2, snap, 1)).not.toBe(base);
    expect(previewFingerprint(1, snap, 2)).not.toBe(base);
    expect(previewFingerprint(1, buildSnapshot([claim({ id: "a", version: 3 })]), 1)).not.toBe(base);
    expect(previewFingerprint(1, [], 1)).not.toBe(base);
  });
});
