import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError, invalidInput, type ErrorCode } from "@/lib/errors";
import { cpuMsFromProcStat, exitReason, limitsFor, overrun, reasonText, waitedMsFromSchedstat, type Limits, type StopReason } from "./limits";
import type { TaskInput, TaskKind, TaskOutput, TaskRequest, WorkerMessage } from "./tasks";

// Parsing outside input (pages, feeds, files, article HTML) runs in child
// processes, not on the app's event loop: a 1 MB page of nested tags once held
// every request, /api/health included, for 13 s. Processes rather than worker
// threads, so that a parse's memory is not the app's (a heap limit of its own,
// IMPORT_WORKER_MEMORY_MB) and a runaway parse can be killed outright. The
// workers start on first use, stay warm, run at a lower OS priority so the app
// keeps answering on a small machine, and are replaced when one dies.

/** Two cores is the machine Verity is sized for; one parse per core at most. */
const POOL_SIZE = 2;
const POLL_MS = 200;
/** Generous: a loaded machine is exactly when a worker starts slowly. */
const START_TIMEOUT_MS = 60_000;
/** Workers that failed to start in a row before the waiting tasks are told so. */
const MAX_START_FAILURES = 3;
/** Below the app's priority (0): under load the kernel serves the app first. */
const WORKER_NICENESS = 10;

/** A task cut short because the pool was stopped (the app is shutting down): not the input's fault. */
export class ImportWorkersStopped extends Error {
  constructor() {
    super("the import workers were stopped");
    this.name = "ImportWorkersStopped";
  }
}

/** Whose input it is, for the error: the field, and a prefix such as "dense.html: ". */
export type Blame = { field: string; prefix?: string };

type Job = {
  request: TaskRequest;
  blame: Blame;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
};

type Running = Job & { limits: Limits; startedAt: number; cpuAtStart: number | null; waitedAtStart: number | null; poll: ReturnType<typeof setInterval> };

type Worker = {
  child: ChildProcess;
  ready: boolean;
  memoryMb: number;
  startTimer?: ReturnType<typeof setTimeout>;
  running?: Running;
  /** Set when the pool killed it for overrunning a limit… */
  stoppedFor?: StopReason;
  /** …or because the pool was stopped (not the input's fault). */
  stopping?: boolean;
  stderrTail: string;
};

type Pool = { workers: Worker[]; queue: Job[]; nextId: number; startFailures: number };

// One pool per process, on globalThis: Next bundles instrumentation and route
// handlers separately, and they must share it.
const g = globalThis as unknown as { verityImportWorkers?: Pool; verityImportWorkersExitHook?: boolean };

/**
 * The worker's source, from the folder the app runs in (npm start, the tests
 * and the scripts all run from the repository root). Not from this module's own
 * location: in the production server this code is bundled into .next/.
 */
export const workerEntry = () => path.join(process.cwd(), "lib", "imports", "worker", "entry.ts");

/** A /proc file of the worker read by `parse`, or null where /proc is not there. */
function fromProc(pid: number | undefined, file: "stat" | "schedstat", parse: (text: string) => number | null): number | null {
  if (pid === undefined || process.platform !== "linux") return null;
  try {
    return parse(fs.readFileSync(`/proc/${pid}/${file}`, "utf8"));
  } catch {
    return null;
  }
}
/** CPU time the process has used (all threads). */
const cpuMsOf = (pid: number | undefined) => fromProc(pid, "stat", cpuMsFromProcStat);
/** Time its main thread waited for a CPU. */
const waitedMsOf = (pid: number | undefined) => fromProc(pid, "schedstat", waitedMsFromSchedstat);

/** Lowers the worker's priority; on Linux niceness is per thread, so every thread it has started. */
function lowerPriority(pid: number | undefined) {
  if (pid === undefined) return;
  let ids = [pid];
  try {
    if (process.platform === "linux") ids = fs.readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    /* gone, or no /proc */
  }
  for (const id of ids) {
    try {
      os.setPriority(id, WORKER_NICENESS);
    } catch {
      /* gone */
    }
  }
}

const log = (...args: unknown[]) => console.error("[verity] import worker:", ...args);

function pool(): Pool {
  if (!g.verityImportWorkersExitHook) {
    g.verityImportWorkersExitHook = true;
    // Idle workers do not keep the app alive; when it exits, they go with it.
    process.on("exit", () => {
      for (const w of g.verityImportWorkers?.workers ?? []) w.child.kill("SIGKILL");
    });
  }
  return (g.verityImportWorkers ??= { workers: [], queue: [], nextId: 1, startFailures: 0 });
}

/** Neither an idle worker nor its pipes keep the process alive (a running task's poll timer does). */
function unrefWorker(child: ChildProcess) {
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  (child.stderr as Socket | null)?.unref?.();
}

function spawnWorker(p: Pool): Worker {
  const memoryMb = env().IMPORT_WORKER_MEMORY_MB;
  // fork() by hand: spawn with an IPC channel is what fork does, and Turbopack's
  // `next build` resolves fork()'s path as a module to bundle and fails on it
  // ("Can't resolve '/ROOT/lib/imports/worker/entry.ts'", vercel/next.js#97952).
  const child = spawn(process.execPath, ["--import", "tsx", `--max-old-space-size=${memoryMb}`, workerEntry()], {
    cwd: process.cwd(),
    serialization: "advanced",
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  const worker: Worker = { child, ready: false, memoryMb, stderrTail: "" };
  p.workers.push(worker);
  unrefWorker(child);
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    worker.stderrTail = (worker.stderrTail + chunk.toString("utf8")).slice(-4096);
  });
  child.on("error", (e) => log(e));
  child.on("message", (m: WorkerMessage) => onMessage(p, worker, m));
  child.on("exit", (code, signal) => onExit(p, worker, code, signal));
  worker.startTimer = setTimeout(() => {
    log(`did not start within ${START_TIMEOUT_MS / 1000} s`);
    child.kill("SIGKILL");
  }, START_TIMEOUT_MS);
  return worker;
}

function onMessage(p: Pool, worker: Worker, m: WorkerMessage) {
  if (m.type === "ready") {
    worker.ready = true;
    p.startFailures = 0;
    clearTimeout(worker.startTimer);
    // Once started: at the lower priority a loaded machine would starve its start-up.
    lowerPriority(worker.child.pid);
    pump(p);
    return;
  }
  const job = worker.running;
  if (!job || job.request.id !== m.id || worker.stoppedFor || worker.stopping) return;
  clearInterval(job.poll);
  worker.running = undefined;
  if (m.ok) job.resolve(m.value);
  else if (m.error.code) job.reject(new AppError(m.error.code as ErrorCode, m.error.message, { fields: m.error.fields }));
  else {
    const err = new Error(m.error.message);
    err.stack = `${m.error.stack ?? m.error.message}\n    (in the import worker process)`;
    job.reject(err);
  }
  pump(p);
}

function onExit(p: Pool, worker: Worker, code: number | null, signal: NodeJS.Signals | null) {
  clearTimeout(worker.startTimer);
  p.workers = p.workers.filter((w) => w !== worker);
  const job = worker.running;
  if (job) {
    clearInterval(job.poll);
    worker.running = undefined;
    const reason = worker.stoppedFor ?? exitReason(worker.stderrTail, worker.memoryMb);
    if (worker.stopping) job.reject(new ImportWorkersStopped());
    else {
      if (reason.kind === "crash") log(`exited (code ${code}, signal ${signal}) while reading an input`);
      job.reject(invalidInput({ [job.blame.field]: `${job.blame.prefix ?? ""}${reasonText(reason)}` }));
    }
  }
  if (g.verityImportWorkers !== p) return; // stopped
  if (!worker.ready && ++p.startFailures >= MAX_START_FAILURES && !p.workers.some((w) => w.ready)) {
    // It cannot start (no tsx, a missing file): say so to whoever waits, rather than retry for ever.
    p.startFailures = 0;
    const queued = p.queue.splice(0);
    for (const j of queued) j.reject(new Error(`the import worker could not start (exit code ${code}, signal ${signal}); see the log above`));
    return;
  }
  // Replaced at once, so the next input does not wait for a cold start.
  if (worker.ready) spawnWorker(p);
  pump(p);
}

function start(worker: Worker, job: Job) {
  const pid = worker.child.pid;
  const running: Running = {
    ...job,
    limits: limitsFor(env().IMPORT_ITEM_CPU_SECONDS),
    startedAt: Date.now(),
    cpuAtStart: cpuMsOf(pid),
    waitedAtStart: waitedMsOf(pid),
    // Ref'd: while a task runs, the process stays up to hear its answer.
    poll: setInterval(() => {
      const cpu = running.cpuAtStart === null ? null : cpuMsOf(pid);
      const waited = running.waitedAtStart === null ? null : waitedMsOf(pid);
      const over = overrun(
        { cpuMs: cpu === null ? null : cpu - running.cpuAtStart!, wallMs: Date.now() - running.startedAt, waitedMs: waited === null ? null : waited - running.waitedAtStart! },
        running.limits,
      );
      if (over && !worker.stoppedFor) {
        worker.stoppedFor = over;
        worker.child.kill("SIGKILL");
      }
    }, POLL_MS),
  };
  worker.running = running;
  worker.child.send(job.request, (e) => {
    if (e && worker.running === running) worker.child.kill("SIGKILL"); // answered by onExit
  });
}

/** Hands queued jobs to idle workers; starts workers (up to POOL_SIZE) while jobs wait. */
function pump(p: Pool) {
  for (;;) {
    const idle = p.workers.find((w) => w.ready && !w.running && !w.stoppedFor);
    if (!idle || p.queue.length === 0) break;
    start(idle, p.queue.shift()!);
  }
  let starting = p.workers.filter((w) => !w.ready).length;
  while (p.workers.length < POOL_SIZE && p.queue.length > starting) {
    spawnWorker(p);
    starting++;
  }
}

/**
 * Runs one task in a worker process. An overrun (IMPORT_ITEM_CPU_SECONDS of
 * CPU, a wall-clock ceiling of a few times that, the heap limit: see
 * limits.ts) or a crash
 * rejects with an `invalid_input` AppError naming `blame`'s field; the input's
 * own errors come back as the parser threw them.
 */
export function runInWorker<K extends TaskKind>(kind: K, input: TaskInput<K>, blame: Blame): Promise<TaskOutput<K>> {
  const p = pool();
  return new Promise((resolve, reject) => {
    p.queue.push({ request: { id: p.nextId++, kind, input }, blame, resolve: resolve as (v: unknown) => void, reject });
    pump(p);
  });
}

/** Stops every worker now (with the import queue, and between tests); a later task starts a new pool. */
export async function stopImportWorkers(): Promise<void> {
  const p = g.verityImportWorkers;
  if (!p) return;
  g.verityImportWorkers = undefined;
  for (const job of p.queue.splice(0)) job.reject(new ImportWorkersStopped());
  await Promise.all(
    p.workers.map((w) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return undefined;
      const exited = new Promise((r) => w.child.once("exit", r));
      w.stopping = true;
      w.child.kill("SIGKILL");
      return exited;
    }),
  );
}

/** The live workers' process ids (tests check that none is left behind). */
export function importWorkerPids(): number[] {
  return (g.verityImportWorkers?.workers ?? []).map((w) => w.child.pid!).filter(Boolean);
}
