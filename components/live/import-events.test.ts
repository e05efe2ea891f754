import { describe, expect, it } from "vitest";
import type { ImportJobDto } from "@/lib/imports/types";
import { applyImportProgress, ImportJobTracker, isSameOrLater } from "./import-events";

const job = (over: Partial<ImportJobDto> = {}): ImportJobDto => ({
  id: "j1", kind: "FILE", label: "x", status: "RUNNING", total: 10, imported: 2, duplicates: 1, failed: 0, errors: [],
  createdAt: "2026-01-01T00:00:00Z", startedAt: null, finishedAt: null, ...over,
});
const progress = (fields: Record<string, unknown>) => ({ type: "import.progress", id: "j1", seq: "5", ...fields });

describe("applyImportProgress", () => {
  it("takes the event's status and counts", () => {
    expect(applyImportProgress(job(), progress({ status: "RUNNING", total: 10, imported: 5, duplicates: 1, failed: 1 }))).toMatchObject({ status: "RUNNING", imported: 5, duplicates: 1, failed: 1, label: "x" });
    expect(applyImportProgress(job(), progress({ status: "PARTIAL", total: 10, imported: 8, duplicates: 1, failed: 1 })).status).toBe("PARTIAL");
  });
  it("ignores another job, another type, and an event older than what is shown", () => {
    const j = job();
    expect(applyImportProgress(j, { ...progress({ status: "RUNNING", imported: 9 }), id: "j2" })).toBe(j);
    expect(applyImportProgress(j, { ...progress({ imported: 9 }), type: "claim.updated" })).toBe(j);
    expect(applyImportProgress(j, progress({ status: "RUNNING", imported: 1, duplicates: 0, failed: 0 }))).toBe(j);
    expect(applyImportProgress(job({ status: "SUCCEEDED" }), progress({ status: "RUNNING", imported: 9 })).status).toBe("SUCCEEDED");
  });
  it("keeps fields the event lacks or garbles", () => {
    expect(applyImportProgress(job(), progress({ status: "BOGUS", imported: -1, total: "12", duplicates: 3 }))).toMatchObject({ status: "RUNNING", imported: 2, total: 10, duplicates: 3 });
  });
});

describe("isSameOrLater", () => {
  it.each([
    ["QUEUED", 0, "RUNNING", 0, true],
    ["RUNNING", 3, "RUNNING", 3, true],
    ["RUNNING", 3, "RUNNING", 2, false],
    ["RUNNING", 9, "FAILED", 0, true],
    ["SUCCEEDED", 5, "RUNNING", 9, false],
  ] as const)("%s/%i then %s/%i: %s", (s1, n1, s2, n2, expected) => {
    expect(isSameOrLater({ status: s1, imported: n1, duplicates: 0, failed: 0 }, { status: s2, imported: n2, duplicates: 0, failed: 0 })).toBe(expected);
  });
});

describe("ImportJobTracker", () => {
  it("applies events that arrive together right after the first read (before any re-render)", () => {
    const t = new ImportJobTracker("j1");
    expect(t.read(job({ status: "QUEUED", total: 0, imported: 0, duplicates: 0 }))).toMatchObject({ status: "QUEUED" });
    expect(t.event(progress({ status: "RUNNING", total: 1, imported: 0, duplicates: 0, failed: 0 }))).toMatchObject({ status: "RUNNING" });
    expect(t.event(progress({ status: "SUCCEEDED", total: 1, imported: 1, duplicates: 0, failed: 0 }))).toMatchObject({ status: "SUCCEEDED", imported: 1 });
    expect(t.current?.status).toBe("SUCCEEDED");
  });
  it("keeps an event that overtook the first read and puts it on the answer", () => {
    const t = new ImportJobTracker("j1");
    expect(t.event(progress({ status: "SUCCEEDED", total: 1, imported: 1, duplicates: 0, failed: 0 }))).toBeNull();
    expect(t.read(job({ status: "QUEUED", total: 0, imported: 0, duplicates: 0 }))).toMatchObject({ status: "SUCCEEDED", imported: 1 });
  });
  it("does not move back for a read answered after a newer event, and ignores other jobs", () => {
    const t = new ImportJobTracker("j1");
    t.read(job({ status: "RUNNING", imported: 2, duplicates: 0 }));
    t.event(progress({ status: "RUNNING", total: 10, imported: 6, duplicates: 0, failed: 0 }));
    expect(t.read(job({ status: "RUNNING", imported: 3, duplicates: 0 })).imported).toBe(6);
    expect(t.event({ ...progress({ status: "FAILED" }), id: "j2" })).toBeNull();
    expect(t.event(progress({ status: "RUNNING", total: 10, imported: 6, duplicates: 0, failed: 0 }))).toBeNull();
  });
});
