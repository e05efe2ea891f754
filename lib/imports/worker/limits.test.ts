import { describe, expect, it } from "vitest";
import { cpuMsFromProcStat, exitReason, limitsFor, overrun, reasonText, waitedMsFromSchedstat, type StopReason } from "./limits";

describe("limitsFor", () => {
  it.each([
    [15, { cpuSeconds: 15, wallSeconds: 60, hardWallSeconds: 300 }],
    [1, { cpuSeconds: 1, wallSeconds: 30, hardWallSeconds: 300 }],
    [0.5, { cpuSeconds: 0.5, wallSeconds: 30, hardWallSeconds: 300 }],
    [100, { cpuSeconds: 100, wallSeconds: 400, hardWallSeconds: 2000 }],
  ])("%s s of CPU → %o", (cpu, expected) => {
    expect(limitsFor(cpu)).toEqual(expected);
  });
});

describe("overrun", () => {
  const limits = limitsFor(15);
  it.each<[string, { cpuMs: number | null; wallMs: number; waitedMs?: number | null }, StopReason | null]>([
    ["within both", { cpuMs: 14_999, wallMs: 59_000 }, null],
    ["exactly at the CPU limit", { cpuMs: 15_000, wallMs: 15_000 }, null],
    ["over the CPU limit", { cpuMs: 15_001, wallMs: 16_000 }, { kind: "cpu", seconds: 15 }],
    ["slow, under the ceiling", { cpuMs: 2_000, wallMs: 50_000 }, null],
    ["hung: over the wall-clock ceiling", { cpuMs: 2_000, wallMs: 60_001, waitedMs: 0 }, { kind: "wall", seconds: 60 }],
    ["waits for a CPU unknown: all the time counts", { cpuMs: 2_000, wallMs: 60_001, waitedMs: null }, { kind: "wall", seconds: 60 }],
    ["starved by a busy machine: waiting for a CPU does not count", { cpuMs: 2_000, wallMs: 200_000, waitedMs: 190_000 }, null],
    ["starved beyond the hard ceiling", { cpuMs: 2_000, wallMs: 300_001, waitedMs: 290_000 }, { kind: "wall", seconds: 300 }],
    ["both: CPU is named", { cpuMs: 20_000, wallMs: 70_000 }, { kind: "cpu", seconds: 15 }],
    ["no /proc: the CPU limit on wall-clock time", { cpuMs: null, wallMs: 15_001 }, { kind: "wall", seconds: 15 }],
    ["no /proc, within", { cpuMs: null, wallMs: 14_000 }, null],
  ])("%s", (_name, used, expected) => {
    expect(overrun(used, limits)).toEqual(expected);
  });
});

describe("cpuMsFromProcStat", () => {
  const stat = (comm: string, utime: number, stime: number) =>
    `4242 (${comm}) R 1 4242 4242 0 -1 4194304 1234 0 0 0 ${utime} ${stime} 0 0 30 10 11 0 5000 1000000 20000 18446744073709551615`;
  it.each([
    ["node", 150, 50, 2000],
    ["a (weird) name", 1, 0, 10],
    ["node ) R 1 2 3", 300, 0, 3000],
    ["node", 0, 0, 0],
  ])("comm %j, utime %i, stime %i → %i ms", (comm, utime, stime, ms) => {
    expect(cpuMsFromProcStat(stat(comm, utime, stime))).toBe(ms);
  });
  it.each(["", "garbage", "4242 (node) R 1"])("%j → null", (text) => {
    expect(cpuMsFromProcStat(text)).toBeNull();
  });
});

describe("waitedMsFromSchedstat", () => {
  it.each([
    ["8193039 4285609 2\n", 4.285609],
    ["0 0 0", 0],
    ["123 2500000000 99", 2500],
  ])("%j → %f ms", (text, ms) => {
    expect(waitedMsFromSchedstat(text)).toBeCloseTo(ms, 6);
  });
  it.each(["", "garbage", "123"])("%j → null", (text) => {
    expect(waitedMsFromSchedstat(text)).toBeNull();
  });
});

describe("exitReason and reasonText", () => {
  it("tells an out-of-memory death from another crash by what V8 printed", () => {
    expect(exitReason("<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n", 256)).toEqual({ kind: "memory", megabytes: 256 });
    expect(exitReason("Segmentation fault", 256)).toEqual({ kind: "crash" });
    expect(exitReason("", 256)).toEqual({ kind: "crash" });
  });

  it.each<[StopReason, string]>([
    [{ kind: "cpu", seconds: 15 }, "took more than 15 s of CPU to read; not imported"],
    [{ kind: "cpu", seconds: 0.5 }, "took more than 0.5 s of CPU to read; not imported"],
    [{ kind: "wall", seconds: 60 }, "took more than 60 s to read; not imported"],
    [{ kind: "memory", megabytes: 256 }, "ran out of memory (256 MB) while reading; not imported"],
    [{ kind: "crash" }, "crashed the import worker while reading; not imported"],
  ])("%o → %s", (reason, text) => {
    expect(reasonText(reason)).toBe(text);
  });
});
