import "server-only";
import PgBoss from "pg-boss";
import { prisma } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { LEASE_STALE_MS, runImportJob } from "./run";
import { stopImportWorkers } from "./worker/pool";
import { kickSuggestionBackfill, stopSuggestionBackfill } from "@/lib/suggestions/backfill";

// Import jobs run on pg-boss: a Postgres-backed queue in its own schema of
// Verity's database, so a queued job survives a restart with everything else.
// pg-boss delivers "run import X"; the job's progress lives on ImportJob and
// ImportItem, so a delivery may arrive twice or late and change nothing.

export const IMPORT_QUEUE = "verity-import";
export const PGBOSS_SCHEMA = "pgboss";
const WORKERS = 2;
const SWEEP_MS = 15_000;

type JobData = { importJobId: string };

type QueueState = {
  boss: PgBoss;
  ready: Promise<void>;
  workerIds: string[];
  sweep?: ReturnType<typeof setInterval>;
  /** Aborted on stop: running imports pause between items and release their lease. */
  abort: AbortController;
};

// One queue per process. globalThis, not a module variable: Next bundles
// instrumentation and route handlers separately, and they must share it.
const g = globalThis as unknown as { verityImportQueue?: QueueState };

const log = (...args: unknown[]) => console.error("[verity] import queue:", ...args);

async function boot(connectionString?: string): Promise<QueueState> {
  const existing = g.verityImportQueue;
  if (existing) {
    await existing.ready;
    return existing;
  }
  const url = connectionString ?? databaseUrl();
  const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, application_name: "verity-import-queue", max: 4, schedule: false });
  boss.on("error", (e) => log(e));
  const state: QueueState = {
    boss,
    workerIds: [],
    abort: new AbortController(),
    ready: (async () => {
      await boss.start();
      // Retries cover a run that threw (the database went away mid-import);
      // the lease and per-item state make a retry resume, not repeat.
      await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 30 * 60 });
    })(),
  };
  g.verityImportQueue = state;
  try {
    await state.ready;
  } catch (e) {
    g.verityImportQueue = undefined;
    await boss.stop({ graceful: false }).catch(() => {});
    throw e;
  }
  return state;
}

/** Sends "run this import" to the queue and wakes this process's workers. */
export async function enqueueImportJob(importJobId: string): Promise<string | null> {
  const state = await boot();
  const queueJobId = await state.boss.send(IMPORT_QUEUE, { importJobId } satisfies JobData);
  if (queueJobId) await prisma.importJob.update({ where: { id: importJobId }, data: { queueJobId } });
  for (const id of state.workerIds) state.boss.notifyWorker(id);
  return queueJobId;
}

/**
 * Re-queues unfinished imports nobody is working on: their runner's lease went
 * stale (the process died) or they were never picked up, and no delivery is
 * waiting in the queue. Runs when the worker starts and then every 15 s.
 */
export async function resumeStalledImports(): Promise<string[]> {
  const state = await boot();
  const stale = new Date(Date.now() - LEASE_STALE_MS);
  const jobs = await prisma.importJob.findMany({
    where: { finishedAt: null, OR: [{ heartbeatAt: { lt: stale } }, { heartbeatAt: null, createdAt: { lt: stale } }] },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, queueJobId: true },
  });
  const resent: string[] = [];
  for (const job of jobs) {
    if (job.queueJobId) {
      const queued = await state.boss.getJobById<JobData>(IMPORT_QUEUE, job.queueJobId).catch(() => null);
      if (queued && (queued.state === "created" || queued.state === "retry")) continue;
    }
    await enqueueImportJob(job.id);
    resent.push(job.id);
  }
  if (resent.length) log(`re-queued ${resent.length} unfinished import(s): ${resent.join(", ")}`);
  return resent;
}

/**
 * Starts pg-boss (creating its schema on first use) and the import workers.
 * Called by instrumentation.ts when the app starts; idempotent.
 */
export async function startImportWorker(opts: { connectionString?: string; sweepMs?: number; rankSuggestions?: boolean } = {}): Promise<void> {
  const state = await boot(opts.connectionString);
  if (state.workerIds.length) return;
  for (let i = 0; i < WORKERS; i++) {
    const id = await state.boss.work<JobData>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      const outcome = await runImportJob(job.data.importJobId, { signal: state.abort.signal });
      // The job's articles are readable now; their suggestions follow in the background.
      if (opts.rankSuggestions && outcome.state === "finished") kickSuggestionBackfill();
      return outcome;
    });
    state.workerIds.push(id);
  }
  // Articles left unranked by a pass a restart cut short, or stored before suggestions existed.
  if (opts.rankSuggestions) kickSuggestionBackfill();
  await resumeStalledImports().catch(log);
  state.sweep = setInterval(() => void resumeStalledImports().catch(log), opts.sweepMs ?? SWEEP_MS);
  state.sweep.unref?.();
}

/**
 * Stops the workers (running imports pause between items and can resume at
 * once elsewhere), the queue, and then the import worker processes.
 */
export async function stopImportQueue(): Promise<void> {
  const state = g.verityImportQueue;
  g.verityImportQueue = undefined;
  if (state) {
    if (state.sweep) clearInterval(state.sweep);
    state.abort.abort();
    await state.ready.catch(() => {});
    await state.boss.stop({ graceful: true, timeout: 10_000 }).catch(log);
  }
  // Between two articles: it ranks in the pool stopped next.
  await stopSuggestionBackfill();
  // Also when this process never started the queue: imports run here directly
  // (tests, the command line) and the API's article HTML use the pool too.
  await stopImportWorkers();
}
