// Load: the production app on a fresh database, 20 reviewers creating and
// editing claims on one article while 50 anonymous readers load a published
// fact-check page, for LOAD_SECONDS (default 60). Passes when no request gets a
// 5xx (or no answer), every accepted write is there afterwards and the Next.js
// server's peak resident memory stays under 512 MB. Reports requests per
// second, p50/p99 latency and that peak.
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { Checks, findNextServer, log, percentile, runScript, Session, startServer, statusKb, type Reply } from "./common";

const SECONDS = Number(process.env.LOAD_SECONDS || 60);
const WRITER_PASSWORD = "load test ledger walnut 2026";
const WRITERS = 20;
const READERS = 50;
/** The issue's target for the app server's peak resident memory under this load. */
const RSS_LIMIT_MB = 512;
// Bounds on each loop besides the clock, so a fast failure cannot spin forever.
const MAX_ITERATIONS = 100_000;

type Sample = { kind: string; status: number; ms: number; error?: string };

/** ~20 KB of distinct sentences for claims to highlight. */
function articleText(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join("\n\n").length < 20_000; i++) {
    lines.push(`Paragraph ${i + 1}: the ministry said on day ${i} that ${i * 37 + 11} networks were attacked, a figure officials in city ${i % 17} disputed.`);
  }
  return lines.join("\n\n");
}

async function main(checks: Checks) {
  if (!Number.isFinite(SECONDS) || SECONDS <= 0 || SECONDS > 3600) throw new Error(`LOAD_SECONDS must be 1..3600, got ${process.env.LOAD_SECONDS}`);
  log(`load: starting the production app on a fresh database…`);
  const server = await startServer("load");
  let crashed = false;
  try {
    log(`load: app at ${server.base}`);
    const admin = await new Session(server.base).signIn("admin@example.org");
    const editor = await new Session(server.base).signIn("editor@example.org");
    const reviewer = await new Session(server.base).signIn("reviewer@example.org");

    // One article to write on, one published fact-check to read.
    const stamp = Date.now().toString(36);
    const work = await admin.request<{ id: string; text: string }>("POST", "/api/articles", { title: `Load article ${stamp}`, text: articleText() });
    if (work.status !== 201) throw new Error(`creating the article: ${work.status} ${work.text}`);
    const text = (await admin.request<{ text: string }>("GET", `/api/articles/${work.body.id}`)).body.text;
    const pub = await admin.request<{ id: string; slug: string; text: string }>("POST", "/api/articles", { title: `Load fact-check ${stamp}`, text: `A published story ${stamp}.\n\nIt claims the attacks began in November 2007, which is wrong.` });
    const q = "the attacks began in November 2007";
    const c = await reviewer.request<{ id: string; version: number }>("POST", `/api/articles/${pub.body.id}/claims`, {
      selector: describeSelector(pub.body.text, pub.body.text.indexOf(q), pub.body.text.indexOf(q) + q.length),
      claimText: "The attacks began in November 2007.",
      verdict: "OUTDATED",
      rationale: "Stuxnet was **discovered** in 2010.",
      sources: [{ url: "https://example.org/stuxnet", title: "Stuxnet timeline", stance: "REFUTES" }],
    });
    const s = await reviewer.request<{ version: number }>("POST", `/api/claims/${c.body.id}/submit`, { version: c.body.version });
    await editor.request("POST", `/api/claims/${c.body.id}/reviews`, { decision: "APPROVE", version: s.body.version });
    const published = await editor.request<{ url: string }>("POST", `/api/articles/${pub.body.id}/publish`);
    if (published.status !== 200) throw new Error(`publishing: ${published.status} ${published.text}`);
    const page = published.body.url;
    checks.check("setup: a published fact-check page answers 200", (await new Session(server.base).request("GET", page)).status === 200, page);

    // 20 reviewer accounts, made through the admin API.
    const writers: Session[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const email = `load-${stamp}-${i}@example.org`;
      // Not the demo password: Verity refuses the published one for new accounts.
      const made = await admin.request("POST", "/api/users", { email, name: `Load Reviewer ${i}`, role: "REVIEWER", password: WRITER_PASSWORD });
      if (made.status !== 201) throw new Error(`creating ${email}: ${made.status} ${made.text}`);
      writers.push(new Session(server.base));
    }
    await Promise.all(writers.map((w, i) => w.signIn(`load-${stamp}-${i}@example.org`, WRITER_PASSWORD)));
    checks.check(`setup: ${WRITERS} reviewer accounts created and signed in`, true);

    const nextPid = findNextServer(server.pid);
    const samples: Sample[] = [];
    const record = (kind: string, r: Reply) => samples.push({ kind, status: r.status, ms: r.ms, error: r.error });
    // Accepted writes, to find afterwards: claim id → the version its last accepted edit produced.
    const accepted = new Map<string, number>();
    let conflicts = 0;

    log(`load: ${WRITERS} writers and ${READERS} readers for ${SECONDS} s…`);
    const started = performance.now();
    const deadline = Date.now() + SECONDS * 1000;

    const writer = async (w: Session, n: number) => {
      for (let i = 0; i < MAX_ITERATIONS && Date.now() < deadline; i++) {
        let start = Math.floor(Math.random() * (text.length - 80));
        while (/\s/.test(text[start])) start++;
        const end = start + 10 + Math.floor(Math.random() * 60);
        const created = await w.request<{ id: string; version: number }>("POST", `/api/articles/${work.body.id}/claims`, {
          selector: describeSelector(text, start, end),
          claimText: `Writer ${n}, claim ${i}.`,
          verdict: ["TRUE", "FALSE", "MIXED", "OUTDATED"][i % 4],
          rationale: `Checked under load (${n}/${i}).`,
          sources: [{ url: `https://example.org/load/${n}/${i}`, title: `Source ${n}.${i}`, stance: "SUPPORTS" }],
        });
        record("create claim", created);
        if (created.status !== 201) continue;
        let version = created.body.version;
        accepted.set(created.body.id, version);
        // Two edits of the new claim, each on the version the last one returned.
        for (let e = 0; e < 2 && Date.now() < deadline; e++) {
          const edited = await w.request<{ version: number }>("PATCH", `/api/claims/${created.body.id}`, { version, rationale: `Edited ${e + 1} time(s) by writer ${n}.`, verdict: e ? "MOSTLY_FALSE" : "MISLEADING" });
          record("edit claim", edited);
          if (edited.status === 200) {
            version = edited.body.version;
            accepted.set(created.body.id, version);
          } else if (edited.status === 409) conflicts++;
        }
      }
    };
    const reader = async () => {
      const anon = new Session(server.base);
      for (let i = 0; i < MAX_ITERATIONS && Date.now() < deadline; i++) record("read fact-check page", await anon.request("GET", page));
    };
    let peakRss = 0;
    const sampler = setInterval(() => {
      if (nextPid) peakRss = Math.max(peakRss, statusKb(nextPid, "VmHWM") ?? 0);
    }, 1000);
    await Promise.all([...writers.map((w, n) => writer(w, n)), ...Array.from({ length: READERS }, reader)]);
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    if (nextPid) peakRss = Math.max(peakRss, statusKb(nextPid, "VmHWM") ?? 0);

    // Every accepted write is there, at the version its last accepted edit produced.
    const listed = await admin.request<{ items: Array<{ id: string; version: number; sources: unknown[] }> }>("GET", `/api/articles/${work.body.id}/claims`, undefined, 120_000);
    const stored = new Map((listed.body?.items ?? []).map((x) => [x.id, x]));
    const missing = [...accepted.keys()].filter((id) => !stored.has(id));
    const wrongVersion = [...accepted].filter(([id, v]) => stored.get(id) && stored.get(id)!.version !== v);
    const created201 = samples.filter((x) => x.kind === "create claim" && x.status === 201).length;

    const by = (kind?: string) => samples.filter((x) => !kind || x.kind === kind);
    const fivexx = samples.filter((x) => x.status >= 500);
    const noAnswer = samples.filter((x) => x.status === 0);
    const unexpected = samples.filter((x) => x.status !== 0 && x.status < 500 && !(x.kind === "read fact-check page" ? [200] : x.kind === "create claim" ? [201] : [200, 409]).includes(x.status));
    checks.check("no 5xx under load", fivexx.length === 0, fivexx.length ? `${fivexx.length}: ${[...new Set(fivexx.map((x) => `${x.kind} ${x.status}`))].join(", ")}` : `${samples.length} requests`);
    checks.check("every request was answered (no resets or 30 s timeouts)", noAnswer.length === 0, noAnswer.length ? `${noAnswer.length}: ${noAnswer[0].error}` : "");
    checks.check("no unexpected statuses (readers 200, creates 201, edits 200 or 409)", unexpected.length === 0, unexpected.length ? `${unexpected.length}: ${[...new Set(unexpected.map((x) => `${x.kind} ${x.status}`))].join(", ")}` : "");
    checks.check("the claims list answered", listed.status === 200, `${listed.status}`);
    checks.check("the article holds exactly as many claims as creates answered 201", stored.size === created201, `${stored.size} stored, ${created201} × 201`);
    checks.check("every accepted claim is stored", missing.length === 0, missing.length ? `${missing.length} missing` : `${accepted.size} claims`);
    checks.check("every accepted edit is stored (version matches the last 200)", wrongVersion.length === 0, wrongVersion.length ? `${wrongVersion.length} differ` : `${samples.filter((x) => x.kind === "edit claim" && x.status === 200).length} edits`);
    checks.check(`the Next.js server's peak RSS stayed under ${RSS_LIMIT_MB} MB`, peakRss > 0 && peakRss < RSS_LIMIT_MB * 1024, nextPid ? `${(peakRss / 1024).toFixed(0)} MB, pid ${nextPid}` : "no next-server process found");
    checks.check("readers and writers both made progress", by("read fact-check page").length > READERS && created201 > WRITERS, `${by("read fact-check page").length} reads, ${created201} creates`);

    const fmt = (xs: Sample[]) => `${xs.length} req, ${(xs.length / elapsed).toFixed(1)} req/s, p50 ${percentile(xs.map((x) => x.ms), 50).toFixed(0)} ms, p99 ${percentile(xs.map((x) => x.ms), 99).toFixed(0)} ms`;
    console.log(`\nLoad figures (${elapsed.toFixed(1)} s, ${WRITERS} writers + ${READERS} readers, ${conflicts} edit conflicts):`);
    console.log(`  all requests:          ${fmt(by())}`);
    for (const kind of ["read fact-check page", "create claim", "edit claim"]) console.log(`  ${kind.padEnd(22)} ${fmt(by(kind))}`);
    console.log(`  next-server peak RSS:  ${(peakRss / 1024).toFixed(0)} MB (VmHWM of pid ${nextPid})\n`);
  } catch (e) {
    crashed = true;
    console.error(`\n--- app log (${server.logFile}) ---\n${server.tail(40)}\n---`);
    throw e;
  } finally {
    await server.stop({ removeLog: !crashed && checks.failed === 0 });
    if (crashed || checks.failed) log(`the app's log: ${server.logFile}`);
  }
}

runScript(main, new Checks("load"));
