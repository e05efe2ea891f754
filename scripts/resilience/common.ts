// Shared by the resilience scripts: the production app on a fresh embedded
// database (scripts/serve-fresh.ts) on a free loopback port, a record of checks,
// and /proc helpers to find the processes that app runs.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/database/embedded";
import { isBuildCurrent } from "../lib/build-stamp";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "verity-demo";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (line: string) => console.log(`[resilience] ${line}`);

export class Checks {
  passed = 0;
  failed = 0;
  constructor(private readonly suite: string) {}

  check(name: string, ok: boolean, detail = ""): boolean {
    if (ok) this.passed++;
    else this.failed++;
    console.log(`  ${ok ? "✓" : "✗"} ${this.suite}: ${name}${detail ? ` (${detail})` : ""}`);
    return ok;
  }

  /** The last line a run prints; scripts/resilience/run.ts adds these up. */
  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

export type Server = { base: string; port: number; pid: number; logFile: string; stop: (opts?: { removeLog?: boolean }) => Promise<void>; tail: (lines?: number) => string };

/**
 * Starts `npm start` on a fresh embedded database in the OS temp folder, on a
 * free port, in a process group of its own so that stopping it stops everything
 * it started. Waits for /api/health. `env` adds settings for this app only.
 */
export async function startServer(name: string, env: Record<string, string> = {}): Promise<Server> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) log("no production build yet: npm start builds it first (a few minutes)");
  else if (!isBuildCurrent(root)) log("the production build is older than the sources: npm start rebuilds it first (a few minutes)");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `verity-${name}-${port}.log`);
  const out = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve-fresh.ts")], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NODE_ENV: "production" },
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const tail = (lines = 30) => fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  let stopped = false;
  const stop = async (opts: { removeLog?: boolean } = {}) => {
    if (stopped) return;
    stopped = true;
    // The group: serve-fresh, npm start's node, Next and Postgres. SIGTERM lets start.ts shut down in order.
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, s);
      } catch {
        /* gone */
      }
    };
    signal("SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!done) {
      signal("SIGKILL");
      await exited;
    }
    // The app's log is kept (and its path printed) only when something failed.
    if (opts.removeLog) fs.rmSync(logFile, { force: true });
  };
  // Ctrl-C or a CI timeout: stop the app and its database rather than orphan them.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", () => {
    if (!stopped)
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
  });
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up (code ${child.exitCode}):\n${tail()}`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer /api/health within 7 minutes:\n${tail()}`);
    }
    await sleep(500);
  }
  return { base, port, pid: child.pid!, logFile, stop, tail };
}

/** A loopback base URL only: these scripts must never load anything but the app they started. */
export function assertLoopback(base: string) {
  const host = new URL(base).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`refusing to run against ${base}: loopback only`);
}

// ---------------------------------------------------------------------------
// HTTP

export type Reply<T = unknown> = { status: number; ms: number; body: T; text: string; error?: string };

/** A signed-in browser-like session (cookie jar) or an anonymous one; every request times out. */
export class Session {
  private jar = new Map<string, string>();
  constructor(readonly base: string) {
    assertLoopback(base);
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0];
      this.jar.set(pair.slice(0, pair.indexOf("=")), pair);
    }
  }

  get cookie(): string {
    return [...this.jar.values()].join("; ");
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const csrf = await fetch(`${this.base}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookie },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    this.keep(res);
    await res.arrayBuffer();
    if (!this.cookie.includes("session-token")) throw new Error(`sign-in as ${email} failed (${res.status})`);
    return this;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Reply<T>> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        // A browser names its page's origin on every write; Verity refuses cookie-authenticated writes without it.
        headers: { ...(this.jar.size ? { cookie: this.cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...(method === "GET" ? {} : { origin: this.base }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let parsed: unknown = undefined;
      if ((res.headers.get("content-type") ?? "").includes("json") && text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON after all */
        }
      }
      return { status: res.status, ms: performance.now() - t0, body: parsed as T, text };
    } catch (e) {
      // Status 0: no answer at all (refused, reset or timed out).
      return { status: 0, ms: performance.now() - t0, body: undefined as T, text: "", error: (e as Error).message };
    }
  }
}

// ---------------------------------------------------------------------------
// /proc

function ppidOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses; fields after the last ")" are fixed.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** Every live process below `root`. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const pid = Number(d);
    const pp = ppidOf(pid);
    if (pp === null) continue;
    if (!children.has(pp)) children.set(pp, []);
    children.get(pp)!.push(pid);
  }
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

export function cmdline(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

/** A /proc/<pid>/status field in kB (VmHWM: peak resident set; VmRSS: current). */
export function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The Next.js server process under the app's process tree (it names itself "next-server"). */
export function findNextServer(root: number): number | null {
  const procs = descendants(root).map((pid) => ({ pid, cmd: cmdline(pid).join(" ") }));
  const named = procs.find((p) => /next-server/.test(p.cmd));
  if (named) return named.pid;
  // Older Next versions keep the `next start` command line.
  const start = procs.filter((p) => /\bnext\b/.test(p.cmd) && /\bstart\b/.test(p.cmd));
  return start.length ? start[start.length - 1].pid : null;
}

/** The postmaster under the app's process tree, with its data directory and port. */
export function findPostmaster(root: number): { pid: number; dataDir: string; port: number; bin: string } | null {
  for (const pid of descendants(root)) {
    const args = cmdline(pid);
    if (!args.length || path.basename(args[0]) !== "postgres") continue;
    // The postmaster is the postgres process whose parent is not postgres.
    const parent = ppidOf(pid);
    if (parent !== null && path.basename(cmdline(parent)[0] ?? "") === "postgres") continue;
    const d = args.indexOf("-D");
    const p = args.indexOf("-p");
    if (d < 0 || p < 0) continue;
    return { pid, dataDir: args[d + 1], port: Number(args[p + 1]), bin: path.dirname(args[0]) };
  }
  return null;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `main` as a script: prints the summary last and exits non-zero on any failure. */
export function runScript(main: (checks: Checks) => Promise<void>, checks: Checks) {
  main(checks)
    .catch((e) => {
      checks.check("ran to the end", false, (e as Error)?.stack ?? String(e));
    })
    .finally(() => {
      console.log(checks.summary());
      process.exit(checks.failed ? 1 : 0);
    });
}
