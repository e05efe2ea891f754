// The import worker pool's limits, as pure functions (the pool in pool.ts
// measures, these decide and word the outcome). No Node APIs, no settings.

/**
 * Each task may also take this many times its CPU limit in wall-clock time (at
 * least MIN_WALL_SECONDS), not counting the time it waited for a CPU: the
 * workers run at a lower OS priority, and on a busy machine a parse waits its
 * turn for long; this ceiling is for a worker that hangs, not one that queues.
 */
export const WALL_FACTOR = 4;
export const MIN_WALL_SECONDS = 30;
/** Waiting included, a task is stopped after this many times its CPU limit (at least MIN_HARD_WALL_SECONDS). */
export const HARD_WALL_FACTOR = 20;
export const MIN_HARD_WALL_SECONDS = 300;
/** Linux reports CPU time in /proc in clock ticks: USER_HZ, 100 on every mainstream architecture. */
export const CLOCK_TICKS_PER_SECOND = 100;

export type Limits = { cpuSeconds: number; wallSeconds: number; hardWallSeconds: number };

export function limitsFor(cpuSeconds: number): Limits {
  return {
    cpuSeconds,
    wallSeconds: Math.max(WALL_FACTOR * cpuSeconds, MIN_WALL_SECONDS),
    hardWallSeconds: Math.max(HARD_WALL_FACTOR * cpuSeconds, MIN_HARD_WALL_SECONDS),
  };
}

/** Why a task was given up. */
export type StopReason =
  | { kind: "cpu"; seconds: number }
  | { kind: "wall"; seconds: number }
  | { kind: "memory"; megabytes: number }
  | { kind: "crash" };

/**
 * Whether a running task is over its limits. `cpuMs` is null where the CPU
 * time cannot be read (no /proc): the CPU limit is then applied to wall-clock
 * time. `waitedMs` is the time the worker spent runnable but waiting for a CPU
 * (null when unknown: then all of the wall-clock time counts).
 */
export function overrun(used: { cpuMs: number | null; wallMs: number; waitedMs?: number | null }, limits: Limits): StopReason | null {
  if (used.cpuMs === null) return used.wallMs > limits.cpuSeconds * 1000 ? { kind: "wall", seconds: limits.cpuSeconds } : null;
  if (used.cpuMs > limits.cpuSeconds * 1000) return { kind: "cpu", seconds: limits.cpuSeconds };
  if (used.wallMs - (used.waitedMs ?? 0) > limits.wallSeconds * 1000) return { kind: "wall", seconds: limits.wallSeconds };
  if (used.wallMs > limits.hardWallSeconds * 1000) return { kind: "wall", seconds: limits.hardWallSeconds };
  return null;
}

/**
 * Time spent runnable but waiting for a CPU, in ms, from the text of
 * /proc/<pid>/schedstat ("<ns on CPU> <ns waiting on a run queue> <timeslices>",
 * for the process's main thread, where the parsing runs); null when unreadable.
 */
export function waitedMsFromSchedstat(schedstat: string): number | null {
  const fields = schedstat.trim().split(/\s+/);
  const waited = Number(fields[1]);
  return fields.length >= 2 && Number.isFinite(waited) ? waited / 1e6 : null;
}

/**
 * User plus system CPU time, in ms, from the text of /proc/<pid>/stat (all of
 * the process's threads, garbage collection included); null when unreadable.
 * The command name (field 2) is in parentheses and may hold spaces and ")",
 * so fields are counted from the last ")".
 */
export function cpuMsFromProcStat(stat: string): number | null {
  const close = stat.lastIndexOf(")");
  if (close < 0) return null;
  // After ")": state (field 3), ppid, …; utime is field 14, stime field 15.
  const fields = stat.slice(close + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Why a worker that was not stopped by the pool went away: V8 prints this when the heap limit is reached. */
export function exitReason(stderrTail: string, megabytes: number): StopReason {
  return /heap out of memory|Reached heap limit/i.test(stderrTail) ? { kind: "memory", megabytes } : { kind: "crash" };
}

const seconds = (s: number) => `${Number.isInteger(s) ? s : Number(s.toFixed(1))} s`;

/** The reason as the import shows it, after the input's name: "took more than 15 s of CPU to read; not imported". */
export function reasonText(reason: StopReason): string {
  switch (reason.kind) {
    case "cpu":
      return `took more than ${seconds(reason.seconds)} of CPU to read; not imported`;
    case "wall":
      return `took more than ${seconds(reason.seconds)} to read; not imported`;
    case "memory":
      return `ran out of memory (${reason.megabytes} MB) while reading; not imported`;
    case "crash":
      return "crashed the import worker while reading; not imported";
  }
}
