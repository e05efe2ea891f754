import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma, type ImportItemStatus, type ImportJobStatus } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { expandSource, type ExpandOptions, type ExpandedItem } from "./expand";
import { GAVE_UP, LANES, MAX_ATTEMPTS, laneOf, runItem } from "./run-item";
import type { ImportJobInput } from "./types";

/** A lease not renewed for this long belongs to a dead runner and may be taken over. */
export const LEASE_STALE_MS = 30_000;
const HEARTBEAT_MS = 3_000;
const BATCH = 200;

export type RunOptions = ExpandOptions & {
  /** Who holds the lease; unique per run by default. */
  runnerId?: string;
  /** Stops between items (the lease is released, so the job can be resumed at once). */
  signal?: AbortSignal;
  /** Called after each item is settled, e.g. to print progress. */
  onItemSettled?: (settled: { index: number; status: ImportItemStatus }) => void;
};

export type RunOutcome =
  | { state: "finished"; status: ImportJobStatus; total: number; imported: number; duplicates: number; failed: number }
  /** Another live runner holds the job, or it was already finished. */
  | { state: "busy" | "done" | "missing" }
  /** Stopped by the signal, or the lease was lost; the job stays unfinished and resumes later. */
  | { state: "stopped" };

export const newRunnerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Takes the job's lease: free, already ours, or stale. Records the start (or a resume) in the same transaction. */
async function claim(jobId: string, runnerId: string) {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const taken = await tx.importJob.updateMany({
      where: {
        id: jobId,
        finishedAt: null,
        OR: [{ lockedBy: null }, { lockedBy: runnerId }, { heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - LEASE_STALE_MS) } }],
      },
      data: { lockedBy: runnerId, heartbeatAt: now, status: "RUNNING" },
    });
    const job = await tx.importJob.findUnique({ where: { id: jobId } });
    if (taken.count === 0) return { job, claimed: false as const };
    const resumed = job!.startedAt !== null;
    if (!resumed) await tx.importJob.update({ where: { id: jobId }, data: { startedAt: now } });
    await recordAudit(tx, {
      actorId: job!.createdById,
      action: resumed ? "import.resume" : "import.start",
      entityType: "ImportJob",
      entityId: jobId,
      changes: resumed ? { settled: job!.imported + job!.duplicates + job!.failed, total: job!.total, runner: runnerId } : { kind: job!.kind, label: job!.label, runner: runnerId },
    });
    return { job: job!, claimed: true as const };
  });
}

/** Renews the lease; false when another runner has taken it over. */
async function heartbeat(jobId: string, runnerId: string): Promise<boolean> {
  const r = await prisma.importJob.updateMany({ where: { id: jobId, lockedBy: runnerId, finishedAt: null }, data: { heartbeatAt: new Date() } });
  return r.count === 1;
}

async function release(jobId: string, runnerId: string) {
  await prisma.importJob.updateMany({ where: { id: jobId, lockedBy: runnerId }, data: { lockedBy: null, heartbeatAt: null } });
}

/**
 * Keeps the lease fresh while the run works: reading a page or an item's HTML
 * in the worker pool may take up to its limits (tens of seconds), longer than
 * the lease lasts. `lost` turns true when another runner has taken the job over.
 */
function holdLease(jobId: string, runnerId: string) {
  const lease = { lost: false, stop: () => clearInterval(timer) };
  const timer = setInterval(async () => {
    try {
      if (!(await heartbeat(jobId, runnerId))) lease.lost = true;
    } catch {
      // The database is away: the run's own queries fail and report it.
    }
  }, HEARTBEAT_MS);
  timer.unref?.();
  return lease;
}

/** Parses the job's inputs into items, all in one transaction with the job's total (or not at all). */
async function expand(jobId: string, runnerId: string, input: ImportJobInput, opts: ExpandOptions, lease: { lost: boolean }): Promise<boolean> {
  // Counted before the work: an input that takes the process down (and with it
  // the run) is not read a third time; the job fails saying so instead.
  const started = await prisma.importJob.updateMany({ where: { id: jobId, lockedBy: runnerId, expandedAt: null, expandAttempts: { lt: MAX_ATTEMPTS } }, data: { expandAttempts: { increment: 1 } } });
  if (started.count === 0) {
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { label: true } });
    return store(jobId, runnerId, [{ label: job.label || "import", ok: false, message: GAVE_UP }]);
  }
  const expanded: ExpandedItem[] = [];
  for (const source of input.sources) {
    expanded.push(...(await expandSource(source, opts)));
    if (lease.lost) return false;
  }
  return store(jobId, runnerId, expanded);
}

/** Stores the expanded items with the job's total, in one transaction; false when the lease was lost. */
async function store(jobId: string, runnerId: string, expanded: ExpandedItem[]): Promise<boolean> {
  const now = new Date();
  const failed = expanded.filter((e) => !e.ok).length;
  return prisma.$transaction(
    async (tx) => {
      const r = await tx.importJob.updateMany({
        where: { id: jobId, lockedBy: runnerId, expandedAt: null },
        data: { expandedAt: now, total: expanded.length, failed, input: Prisma.DbNull, heartbeatAt: now },
      });
      if (r.count === 0) return false;
      await tx.importItem.createMany({
        data: expanded.map((e, index) =>
          e.ok
            ? { jobId, index, label: e.label, input: e.input as Prisma.InputJsonValue }
            : { jobId, index, label: e.label, status: "FAILED" as const, fields: e.fields ?? Prisma.DbNull, message: e.message, settledAt: now },
        ),
      });
      return true;
    },
    { timeout: 60_000 },
  );
}

/** Closes the job: counts recounted from the items, final status, audit event. */
async function finish(jobId: string, runnerId: string) {
  return prisma.$transaction(async (tx) => {
    const groups = await tx.importItem.groupBy({ by: ["status"], where: { jobId }, _count: { _all: true } });
    const n = (s: ImportItemStatus) => groups.find((g) => g.status === s)?._count._all ?? 0;
    if (n("PENDING") > 0) return null;
    const counts = { total: groups.reduce((a, g) => a + g._count._all, 0), imported: n("IMPORTED"), duplicates: n("DUPLICATE"), failed: n("FAILED") };
    const status: ImportJobStatus = counts.failed === 0 ? "SUCCEEDED" : counts.imported + counts.duplicates > 0 ? "PARTIAL" : "FAILED";
    const r = await tx.importJob.updateMany({
      where: { id: jobId, lockedBy: runnerId, finishedAt: null },
      data: { ...counts, status, finishedAt: new Date(), lockedBy: null, heartbeatAt: null },
    });
    if (r.count === 0) return null;
    const job = await tx.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { createdById: true } });
    await recordAudit(tx, { actorId: job.createdById, action: "import.finish", entityType: "ImportJob", entityId: jobId, changes: { status, ...counts } });
    return { status, ...counts };
  });
}

/**
 * Works one import job to the end: the one code path for the queue worker,
 * the command line and tests. Safe to call again and again on the same job:
 * a finished job is left alone, a job a live runner holds is left to it, and
 * an unfinished one carries on with its pending items only.
 */
export async function runImportJob(jobId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const runnerId = opts.runnerId ?? newRunnerId();
  const { job, claimed } = await claim(jobId, runnerId);
  if (!job) return { state: "missing" };
  if (!claimed) return { state: job.finishedAt ? "done" : "busy" };
  const lease = holdLease(jobId, runnerId);
  try {
    if (!job.expandedAt) {
      const input = (job.input ?? { sources: [] }) as unknown as ImportJobInput;
      if (!(await expand(jobId, runnerId, input, opts, lease))) return { state: "stopped" };
    }
    let stopped = false;
    /** Between items: stop when asked to or when the lease was lost. */
    const mayContinue = () => {
      if (!stopped && (opts.signal?.aborted || lease.lost)) stopped = true;
      return !stopped;
    };
    let after = -1;
    for (;;) {
      const batch = await prisma.importItem.findMany({
        where: { jobId, status: "PENDING", index: { gt: after } },
        orderBy: { index: "asc" },
        take: BATCH,
        select: { id: true, index: true, input: true },
      });
      if (batch.length === 0) break;
      const lanes: (typeof batch)[] = Array.from({ length: LANES }, () => []);
      for (const item of batch) lanes[laneOf(item.input)].push(item);
      await Promise.all(
        lanes.map(async (lane) => {
          for (const item of lane) {
            if (!mayContinue()) return;
            const status = await runItem(job, item);
            if (status) opts.onItemSettled?.({ index: item.index, status });
          }
        }),
      );
      if (stopped) {
        if (opts.signal?.aborted) await release(jobId, runnerId);
        return { state: "stopped" };
      }
      after = batch[batch.length - 1].index;
    }
    const done = await finish(jobId, runnerId);
    if (done) return { state: "finished", ...done };
    await release(jobId, runnerId);
    return { state: "stopped" };
  } catch (e) {
    // Let the next runner start at once instead of waiting for the lease to go stale.
    await release(jobId, runnerId).catch(() => {});
    throw e;
  } finally {
    lease.stop();
  }
}
