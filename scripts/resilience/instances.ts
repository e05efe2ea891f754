// Scale-out (issue 15): two app processes on one PostgreSQL (same DATABASE_URL and
// NEXTAUTH_SECRET, different ports). A claim made on A reaches B's /api/events
// stream (latency p50/p95 over 50 claims, each within 1 s); a session made on A
// works on B; a stream dropped on B resumes with Last-Event-ID missing nothing.
// Then load: 200 concurrent streams on A while 10 writers create claims for 15 s:
// event latency p50/p95 (≤ 500 ms), 5xx count (0), the app's peak RSS (< 512 MB).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { freePort, startEmbeddedPostgres } from "@/lib/database/embedded";
import { readSse } from "@/lib/events/sse-reader";
import { Checks, findNextServer, log, percentile, runScript, Session, sleep, statusKb } from "./common";

type App = { base: string; pid: number; stop: () => Promise<void> };

async function startApp(name: string, env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `verity-${name}-${port}.log`);
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts")], {
    env: { ...process.env, ...env, PORT: String(port), NEXTAUTH_URL: base, NODE_ENV: "production" },
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
    if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  };
  process.once("exit", () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  });
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up; see ${logFile}`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start; see ${logFile}`);
    await sleep(500);
  }
  return { base, pid: child.pid!, stop };
}

type Sse = { events: Array<{ id: string; data: Record<string, unknown>; at: number }>; status: number; close: () => void };

/** Reads GET /api/events with `cookie`, recording each event and when it arrived. */
async function stream(base: string, cookie: string, query: string, lastEventId?: string): Promise<Sse> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events?${query}`, { headers: { cookie, ...(lastEventId ? { "last-event-id": lastEventId } : {}) }, signal: ac.signal });
  const out: Sse = { events: [], status: res.status, close: () => ac.abort() };
  if (res.status !== 200 || !res.body) return out;
  void readSse(res.body, (e) => out.events.push({ ...e, at: performance.now() }));
  return out;
}

async function waitFor(pred: () => boolean, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) return false;
    await sleep(10);
  }
  return true;
}

const TEXT = Array.from({ length: 120 }, (_, i) => `Sentence ${i} says the number ${i * 7} was reported in ${1990 + (i % 30)}.`).join(" ");

async function main(checks: Checks) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-instances-"));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir });
  const env = { DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(24).toString("base64url") };
  const apps: App[] = [];
  try {
    log("instances: starting app A and app B on one PostgreSQL…");
    // A seeds the demo accounts (on an external database only when asked); B finds them there.
    // Side by side (CI time): migrations take an advisory lock, so the two appliers take turns.
    const t0 = Date.now();
    const started = await Promise.allSettled([startApp("instance-a", { ...env, SEED_DEMO: "1" }), startApp("instance-b", env)]);
    for (const r of started) if (r.status === "fulfilled") apps.push(r.value);
    for (const r of started) if (r.status === "rejected") throw r.reason;
    const [a, b] = apps;
    log(`instances: both apps up in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const adminA = await new Session(a.base).signIn("admin@example.org");
    const reviewerA = await new Session(a.base).signIn("reviewer@example.org");

    // A session made on A works on B (one secret, sessions checked against the shared database).
    const onB = await fetch(`${b.base}/api/articles`, { headers: { cookie: reviewerA.cookie } });
    checks.check("a session signed in on A works on B", onB.status === 200, `status ${onB.status}`);

    // Sign-in failures on A and on B count toward one limit (the pair limit: one account from one address).
    const attempt = async (base: string) => {
      const csrf = await fetch(`${base}/api/auth/csrf`);
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, email: "editor@example.org", password: "not the password", json: "true" }),
        redirect: "manual",
      });
      await res.arrayBuffer();
      return res.status;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt(i % 2 ? b.base : a.base));
    checks.check("sign-in failures on A and B count toward one limit (5 wrong, then 429)", !statuses.slice(0, 5).includes(429) && statuses[5] === 429, statuses.join(", "));

    // An import queued on A runs exactly once while both instances' workers run.
    const stamp = Date.now();
    const items = Array.from({ length: 12 }, (_, i) => ({ title: `Once ${stamp} ${i}`, text: `Imported once ${stamp} ${i}. ${TEXT.slice(0, 400)}` }));
    const queued = await adminA.request<{ jobId: string }>("POST", "/api/imports", { items });
    let job: { status: string; total: number; imported: number; duplicates: number; failed: number } | undefined;
    for (let t = 0; t < 120; t++) {
      job = (await adminA.request<typeof job>("GET", `/api/imports/${queued.body?.jobId}`)).body;
      if (job && ["SUCCEEDED", "PARTIAL", "FAILED"].includes(job.status)) break;
      await sleep(500);
    }
    const listed = await adminA.request<{ items?: Array<{ title: string }> }>("GET", `/api/articles?q=${encodeURIComponent(`Once ${stamp}`)}`);
    const titles = (listed.body?.items ?? []).map((x) => x.title).filter((x) => x.startsWith(`Once ${stamp}`));
    checks.check(
      "an import queued on A runs exactly once with both workers running",
      queued.status === 202 && job?.status === "SUCCEEDED" && job.imported === 12 && job.duplicates === 0 && job.failed === 0 && titles.length === 12 && new Set(titles).size === 12,
      `status ${queued.status}, job ${JSON.stringify(job)}, ${titles.length} listed`,
    );

    const article = await adminA.request<{ id: string }>("POST", "/api/articles", { title: `Instances ${Date.now()}`, text: TEXT });
    const create = (s: Session, i: number) => {
      const start = (i * 37) % (TEXT.length - 60);
      return s.request<{ id: string }>("POST", `/api/articles/${article.body.id}/claims`, {
        selector: describeSelector(TEXT, start, start + 20),
        claimText: `Claim ${i}.`,
        verdict: "FALSE",
        rationale: "Scale-out check.",
        sources: [{ url: `https://example.org/i/${i}`, title: `Source ${i}`, stance: "REFUTES" }],
      });
    };

    // A claim made on A appears on B's stream.
    const sB = await stream(b.base, reviewerA.cookie, `articleId=${article.body.id}`);
    await sleep(500);
    const lat: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const r = await create(reviewerA, i);
      if (r.status !== 201) continue;
      const id = (r.body as { id: string }).id;
      if (await waitFor(() => sB.events.some((e) => e.data.type === "claim.created" && e.data.id === id), 2_000)) {
        lat.push(sB.events.find((e) => e.data.id === id)!.at - t0);
      }
    }
    checks.check("every claim made on A reached B's stream within 1 s", lat.length === 50 && Math.max(...lat) <= 1_000, `${lat.length}/50, p50 ${percentile(lat, 50).toFixed(0)} ms, p95 ${percentile(lat, 95).toFixed(0)} ms, max ${Math.max(...lat).toFixed(0)} ms`);

    // Resume after a drop on B: 5 changes while away, then exactly those.
    const lastSeen = sB.events.at(-1)!.id;
    sB.close();
    const missed: string[] = [];
    for (let i = 100; i < 105; i++) {
      const r = await create(reviewerA, i);
      if (r.status === 201) missed.push((r.body as { id: string }).id);
    }
    const resumed = await stream(b.base, reviewerA.cookie, `articleId=${article.body.id}`, lastSeen);
    await waitFor(() => resumed.events.filter((e) => e.data.type === "claim.created").length >= 5, 3_000);
    await sleep(300);
    const got = resumed.events.filter((e) => e.data.type === "claim.created").map((e) => e.data.id as string);
    checks.check("a stream dropped on B and resumed with Last-Event-ID gets exactly the 5 missed claims", JSON.stringify(got) === JSON.stringify(missed), `${got.length} claim events`);
    resumed.close();

    log(`instances: scale-out checks done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    // Load: 200 streams on A, 10 writers for 15 s.
    const streams = await Promise.all(Array.from({ length: 200 }, () => stream(a.base, adminA.cookie, "topics=article")));
    checks.check("200 concurrent streams open", streams.every((s) => s.status === 200), `${streams.filter((s) => s.status === 200).length}/200`);
    const nextPid = findNextServer(a.pid);
    const sent = new Map<string, number>();
    let fiveXX = 0;
    let made = 0;
    const until = Date.now() + 15_000;
    await Promise.all(
      Array.from({ length: 10 }, async (_, w) => {
        for (let i = 0; Date.now() < until; i++) {
          const t0 = performance.now();
          const r = await create(reviewerA, 1_000 + w * 10_000 + i);
          if (r.status >= 500 || r.status === 0) fiveXX++;
          if (r.status === 201) {
            made++;
            sent.set((r.body as { id: string }).id, t0);
          }
        }
      }),
    );
    await sleep(2_000);
    const lats: number[] = [];
    let missing = 0;
    for (const s of streams.slice(0, 20)) {
      for (const [id, t0] of sent) {
        const e = s.events.find((x) => x.data.type === "claim.created" && x.data.id === id);
        if (e) lats.push(e.at - t0);
        else missing++;
      }
    }
    const rssKb = nextPid ? statusKb(nextPid, "VmHWM") : null;
    log(`instances: load: ${made} claims by 10 writers in 15 s to 200 streams; latency p50 ${percentile(lats, 50).toFixed(0)} ms, p95 ${percentile(lats, 95).toFixed(0)} ms; ${fiveXX} 5xx; peak RSS ${rssKb ? (rssKb / 1024).toFixed(0) : "?"} MB`);
    checks.check("load: event latency p95 ≤ 500 ms with 200 streams", percentile(lats, 95) <= 500 && missing === 0, `p95 ${percentile(lats, 95).toFixed(0)} ms, ${missing} missing`);
    checks.check("load: no 5xx", fiveXX === 0, `${fiveXX}`);
    checks.check("load: the app's peak RSS stays under 512 MB", rssKb !== null && rssKb < 512 * 1024, `${rssKb ? (rssKb / 1024).toFixed(0) : "?"} MB`);
    for (const s of streams) s.close();
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const checks = new Checks("instances");
runScript(main, checks);
