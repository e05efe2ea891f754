import { describe, expect, it } from "vitest";
import { conflictPartners, findConflicts, type ConflictCandidate } from "./conflicts";

const c = (id: string, start: number, end: number, verdict: string, extra: Partial<ConflictCandidate> = {}): ConflictCandidate => ({ id, start, end, verdict, ...extra });

describe("findConflicts", () => {
  it.each<[string, ConflictCandidate[], string[]]>([
    ["no claims", [], []],
    ["overlap with different verdicts", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "FALSE")], ["a", "b"]],
    ["overlap with the same verdict", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "TRUE")], []],
    ["adjacent spans do not overlap", [c("a", 0, 10, "TRUE"), c("b", 10, 15, "FALSE")], []],
    ["nested spans", [c("outer", 0, 50, "MIXED"), c("inner", 20, 30, "FALSE")], ["inner", "outer"]],
    ["a long claim overlapping a later one past a short one", [c("long", 0, 100, "TRUE"), c("short", 1, 2, "TRUE"), c("late", 90, 95, "FALSE")], ["late", "long"]],
    ["orphaned claims are ignored", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "FALSE", { anchorStatus: "ORPHANED" })], []],
    ["rejected claims are ignored", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "FALSE", { status: "REJECTED" })], []],
  ])("%s", (_n, claims, expected) => {
    expect([...findConflicts(claims)].sort()).toEqual(expected);
  });
});

describe("conflictPartners", () => {
  it.each<[string, ConflictCandidate[], Record<string, string[]>]>([
    ["no conflict, no entry", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "TRUE")], {}],
    ["each side names the other", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "FALSE")], { a: ["b"], b: ["a"] }],
    [
      "a long claim conflicting with two others lists both in text order; the two agree with each other",
      [c("late", 90, 95, "FALSE"), c("long", 0, 100, "TRUE"), c("early", 10, 20, "FALSE")],
      { long: ["early", "late"], early: ["long"], late: ["long"] },
    ],
    ["a rejected partner is not a conflict", [c("a", 0, 10, "TRUE"), c("b", 5, 15, "FALSE", { status: "REJECTED" })], {}],
  ])("%s", (_n, claims, expected) => {
    expect(Object.fromEntries(conflictPartners(claims))).toEqual(expected);
  });
});
