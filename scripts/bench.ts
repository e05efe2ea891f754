// `npm run bench`: the performance targets the issues set, measured on this machine.
// Starts its own embedded PostgreSQL (under the OS temp folder) and the production
// app on it (port BENCH_PORT, 3200), so it can also seed newsroom-scale data
// straight into the database. Every throughput and latency is also given against
// /api/health measured the same way just before, in the same run.
// BENCH_ONLY=memory: only newsroom memory (scripts/bench/memory.ts).
// BENCH_ONLY=hot: only the claim-write load and the 1,000-article import (the two
// figures most sensitive to a change in the write path), with their yardsticks.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchAnchoring } from "./bench/anchoring";
import { benchSuggestions, printSuggestions } from "./bench/suggestions";
import { benchExtraction, printExtraction } from "./bench/extraction";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { Client } from "./bench/client";
import { benchImport } from "./bench/import";
import { load, statusLine, type LoadResult } from "./bench/load";
import { Report, kb, ms, ratio, rps } from "./bench/report";
import { RssSampler } from "./bench/rss";
import { readerBytes } from "./bench/reader-bytes";
import { seedScale } from "./bench/scale-seed";
import { measureScale } from "./bench/scale";
import { explainListQueries } from "./bench/explain";
import { benchMemoryLatency, benchMemoryQuality } from "./bench/memory";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrate";

const PORT = Number(process.env.BENCH_PORT || 3200);
const BASE = `http://localhost:${PORT}`;
const PASSWORD = process.env.DEMO_PASSWORD || "verity-demo";
/** Seconds per load measurement (health, writes, reader). */
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const RSS_GOAL_MB = 512;
/** BENCH_ONLY=memory: only newsroom memory ("Checked before" quality, then search and "Checked before" at scale). */
const MEMORY_ONLY = process.env.BENCH_ONLY === "memory";
/** BENCH_ONLY=hot: only the claim-write load (with /api/health just before it) and the 1,000-article import. */
const HOT_ONLY = process.env.BENCH_ONLY === "hot";
const report = new Report();

async function waitForHealth(deadlineMs: number, alive: () => boolean) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (!alive()) throw new Error("the app exited while starting (see above)");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start");
}

/** ~100 KB of varied news prose: paragraphs of the seed story with numbered variations. */
function bigArticle(): string {
  const base = [
    "Iran said on Monday U.S. cyber terrorist attacks on its military had failed, as Washington sought to rally support in the Middle East and Europe.",
    "The confrontation has escalated since May, when Washington sharply tightened economic sanctions on Iran, ordering all countries to halt imports of Iranian oil.",
    "Azari Jahromi called attacks on Iranian computer networks cyber-terrorism, referring to Stuxnet, which targeted Iran's nuclear facilities in November 2007.",
    "Stuxnet, widely believed to have been developed by the United States and Israel, was discovered in 2010 after it was used to attack a uranium enrichment facility.",
    "Pompeo said ahead of the trip that he sought to build a global coalition against Iran and planned to discuss the available options with his counterparts.",
  ];
  const paras: string[] = [];
  for (let i = 0; paras.join("\n\n").length < 100_000; i++) paras.push(`${i + 1}. ${base[i % base.length]} Report ${i * 7 + 3} notes detail ${i}.`);
  return paras.join("\n\n");
}

const VERDICTS = ["TRUE", "FALSE", "MIXED", "OUTDATED"];

/** The body of the i-th claim on `text`: a 20–80 character span starting on a word, spread over the text. */
function claimBody(text: string, i: number, spread: number) {
  const step = Math.max(1, Math.floor(text.length / spread));
  let start = (i % spread) * step;
  while (start < text.length - 100 && /\s/.test(text[start])) start++;
  const end = Math.min(text.length, start + 20 + (i % 60));
  return { selector: describeSelector(text, start, end), claimText: `Claim ${i}`, verdict: VERDICTS[i % 4], rationale: "", sources: [] as unknown[] };
}

/** /api/health asked the way the next figure will be: its req/s and p50 are what that figure is compared with. */
async function health(connections: number, seconds = SECONDS): Promise<LoadResult> {
  const h = await load({ base: BASE, path: "/api/health", connections, seconds });
  console.log(`  /api/health, ${connections} connections: ${rps(h.rps)}, p50 ${ms(h.p50)}, p99 ${ms(h.p99)} (${statusLine(h)})`);
  return h;
}

async function main() {
  if (!MEMORY_ONLY && !HOT_ONLY) await benchEngines();
  await benchApp();
  report.print();
}

async function benchEngines() {
  // No app needed: first, so its figures are there even when the app will not start.
  const x = await benchExtraction();
  console.log(`Extraction word F1 on ${x.pages.length} saved pages (tests/imports/corpus), Verity vs plain Readability:`);
  printExtraction(x);
  report.add("extraction word F1, Verity (mean, min)", `${x.verity.mean.toFixed(3)}, ${x.verity.min.toFixed(3)}`, "mean ≥ 0.995, each ≥ 0.95 or its documented floor", x.verity.mean >= 0.995 && x.belowFloor.length === 0);
  report.add("extraction word F1, plain Readability (mean, min)", `${x.readability.mean.toFixed(3)}, ${x.readability.min.toFixed(3)}`, "the baseline");

  console.log("\nAnchoring engine (1,000 claims, ~100 KB article):");
  const a = await benchAnchoring();
  report.add("locate 1,000 claims, unchanged text", ms(a.exactMs), "< 20 ms", a.exactMs < 20);
  report.add("locate 1,000 claims after edits", `${ms(a.editedMs)} (anchored ${a.anchored}, fuzzy ${a.fuzzy}, orphaned ${a.orphaned})`, "< 300 ms", a.editedMs < 300);

  console.log("\nCheck-worthiness ranker on the held-out CLEF-2019 debates:");
  const sg = await benchSuggestions();
  printSuggestions(sg);
  report.add("suggestions MAP per debate, held out (random, numbers first)", `${sg.map.toFixed(3)} (${sg.randomMap.toFixed(3)}, ${sg.numbersFirstMap.toFixed(3)})`, "above both baselines and 0.166", sg.map > Math.max(sg.randomMap, sg.numbersFirstMap, 0.166));
  report.add("suggest for a 100 KB article", `${ms(sg.msFor100KB)} (CPU ${ms(sg.cpuMsFor100KB)}, first ${ms(sg.coldMsFor100KB)})`, "≤ 1 s", sg.msFor100KB <= 1000);
  report.add("RSS with the suggestion model loaded (bench process)", `${sg.rssMB.toFixed(0)} MB`, "< 512 MB", sg.rssMB < 512);
}

async function benchApp() {
  // The app's own database, started here so newsroom-scale data can be written straight into it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-bench-"));
  fs.chmodSync(dataDir, 0o755);
  console.log(`\nStarting PostgreSQL (${dataDir}) and the production app…`);
  const db = await startEmbeddedPostgres({ dataDir });
  await applyMigrations(db.url);
  const rss = new RssSampler();
  const server = spawn("npx", ["tsx", path.join("scripts", "start.ts")], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64"), NEXTAUTH_URL: BASE, SEED_DEMO: "1", DEMO_PASSWORD: PASSWORD },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let alive = true;
  server.on("exit", () => (alive = false));
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  rss.start(server.pid!);
  /** POST claims at 20 connections, against /api/health at 20 connections just before. */
  const benchClaimWrites = async (reviewer: Client, writeId: string, writeText: string) => {
    rss.phase = "load: POST claims";
    const h1 = await health(20);
    let n = 0;
    const post = await load({
      base: BASE,
      path: `/api/articles/${writeId}/claims`,
      connections: 20,
      seconds: SECONDS,
      method: "POST",
      headers: { cookie: reviewer.cookieHeader, origin: BASE, "content-type": "application/json" },
      body: () => JSON.stringify(claimBody(writeText, n++, 5000)),
    });
    const postOk = post.non2xx === 0 && post.errors === 0;
    report.add(
      "POST /api/articles/:id/claims, 20 connections",
      `${rps(post.rps)}, p50 ${ms(post.p50)}, p99 ${ms(post.p99)} (${statusLine(post)})`,
      "≥ 0.5 × health, p99 ≤ 100 ms",
      postOk && post.rps >= 0.5 * h1.rps && post.p99 <= 100,
      `${ratio(post.rps / h1.rps)} health's ${rps(h1.rps)} at 20 connections; p99 ${ratio(post.p99 / h1.p99)} health's ${ms(h1.p99)}`,
    );
  };
  const benchImportPhase = async (admin: Client) => {
    rss.phase = "import 1,000 articles";
    const imp = await benchImport(admin, db.url);
    report.add("import 1,000 articles of ~5 KB from one JSON file", `${imp.seconds.toFixed(1)} s (${imp.imported} imported, ${imp.failed} failed)`, "< 30 s", imp.seconds < 30 && imp.failed === 0);
    const sg = imp.suggested!;
    report.add(
      "suggestions ranked for those 1,000 articles (in the background, after the import)",
      `${sg.seconds.toFixed(1)} s after the upload (${sg.ranked} ranked, ${sg.suggestions} suggestions)`,
      "reported",
      null,
    );
  };
  try {
    await waitForHealth(600_000, () => alive);
    const admin = new Client(BASE);
    await admin.signIn("admin@example.org", PASSWORD);
    const reviewer = new Client(BASE);
    await reviewer.signIn("reviewer@example.org", PASSWORD);
    const editor = new Client(BASE);
    await editor.signIn("editor@example.org", PASSWORD);

    // "Checked before" quality first, while the newsroom holds only the demo data and these fact-checks.
    rss.phase = "memory: import and rank the CLEF claims";
    if (!HOT_ONLY) await benchMemoryQuality(admin, reviewer, report);
    if (MEMORY_ONLY) {
      rss.phase = "scale: seed";
      console.log("\nSeeding newsroom-scale data (10,000 articles, 100,000 claims)…");
      const counts = await seedScale(db.url, { log: (l) => console.log(`  ${l}`) });
      console.log(`  done in ${counts.seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
      console.log("\nSearch and \"Checked before\" at scale (one request at a time):");
      rss.phase = "scale: memory";
      await benchMemoryLatency(reviewer, report);
      return;
    }
    // Three copies of one ~100 KB story (its own first line each: Verity refuses a duplicate text).
    const story = bigArticle();
    const makeArticle = async (title: string) => {
      const text = `${title}.\n\n${story}`;
      const created = await admin.json<{ id: string }>("POST", "/api/articles", { title, text });
      if (created.status !== 201) throw new Error(`creating the article failed: ${created.status}`);
      return { id: created.body.id, text };
    };
    const { id: writeId, text: writeText } = await makeArticle("Bench article for claim writes");
    if (HOT_ONLY) {
      await load({ base: BASE, path: "/api/health", connections: 10, seconds: 2 });
      await benchClaimWrites(reviewer, writeId, writeText);
      await benchImportPhase(admin);
      return;
    }
    const { id: bareId, text } = await makeArticle("Bench article without claims");
    const { id: busyId, text: busyText } = await makeArticle("Bench article with 1,000 claims");

    // 1,000 claims on one article, 10 at a time, as reviewers would make them.
    rss.phase = "create 1,000 claims";
    console.log("\nCreating 1,000 claims through the API (10 at a time)…");
    const t0 = performance.now();
    let made = 0;
    for (let batch = 0; batch < 1000; batch += 10) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, j) => reviewer.json("POST", `/api/articles/${busyId}/claims`, claimBody(busyText, batch + j, 1000))));
      made += answers.filter((r) => r.status === 201).length;
    }
    report.add("create 1,000 claims through the API, 10 at a time", `${((performance.now() - t0) / 1000).toFixed(1)} s, ${made} created`, "all created", made === 1000);

    // Warm both readers and the write path (first requests compile and fill caches).
    for (const id of [bareId, busyId]) {
      for (let i = 0; i < 3; i++) {
        await reviewer.timeGet(`/articles/${id}`);
        await reviewer.timeGet(`/api/articles/${id}/reader`);
      }
    }
    await load({ base: BASE, path: "/api/health", connections: 10, seconds: 2 });

    console.log(`\nThroughput (autocannon on loopback, ${SECONDS} s each; /api/health measured just before each figure):`);
    rss.phase = "load: health";
    const h0 = await health(10);
    report.add("GET /api/health, 10 connections", `${rps(h0.rps)}, p50 ${ms(h0.p50)}, p99 ${ms(h0.p99)}`, "the yardstick", h0.non2xx === 0 && h0.errors === 0, "1.00×");

    await benchClaimWrites(reviewer, writeId, writeText);

    // The reader: the page document, then the data it loads (the text and the claims), per connection in turn.
    const readerFlow = (id: string) => [`/articles/${id}`, `/api/articles/${id}/reader`];
    rss.phase = "load: reader";
    const h2 = await health(10);
    const bare = await load({ base: BASE, path: `/articles/${bareId}`, connections: 10, seconds: SECONDS, headers: { cookie: reviewer.cookieHeader }, flow: readerFlow(bareId) });
    const busy = await load({ base: BASE, path: `/articles/${busyId}`, connections: 10, seconds: SECONDS, headers: { cookie: reviewer.cookieHeader }, flow: readerFlow(busyId) });
    const readerOk = (r: LoadResult) => r.non2xx === 0 && r.errors === 0;
    report.add(
      "reader, 100 KB article, no claims (page + data), 10 connections",
      `${rps(bare.rps)}, p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)} (${statusLine(bare)})`,
      "for the next figure",
      readerOk(bare) ? null : false,
      `${ratio(bare.rps / h2.rps)} health's ${rps(h2.rps)}; p50 ${ratio(bare.p50 / h2.p50)}`,
    );
    report.add(
      "reader, same article with 1,000 claims (page + data), 10 connections",
      `${rps(busy.rps)}, p50 ${ms(busy.p50)}, p99 ${ms(busy.p99)} (${statusLine(busy)})`,
      "p50 ≤ 200 ms and ≥ 0.5 × the bare article",
      readerOk(busy) && busy.p50 <= 200 && busy.rps >= 0.5 * bare.rps,
      `${ratio(busy.rps / h2.rps)} health's; ${ratio(busy.rps / bare.rps)} the bare article's`,
    );

    // What opening the reader sends: page document plus its data request, against the text's own bytes.
    rss.phase = "reader bytes";
    const textBytes = Buffer.byteLength(text, "utf8");
    for (const [label, id, goal] of [["no claims", bareId, true], ["1,000 claims", busyId, false]] as const) {
      const b = await readerBytes(BASE, reviewer.cookieHeader, id, [`/api/articles/${id}/reader`]);
      const parts = b.items.map((i) => `${i.path.startsWith("/api") ? "data" : "page"} ${kb(i.bytes)}`).join(" + ");
      report.add(
        `reader bytes, ${label} (text ${kb(textBytes)})`,
        `${kb(b.bytes)} = ${ratio(b.bytes / textBytes)} the text (${parts}); gzip ${kb(b.gzipBytes)} = ${ratio(b.gzipBytes / textBytes)}${b.gzipServed ? "" : " (gzip not served)"}`,
        goal ? "< 1.6 × the text" : "reported (the claims are data of their own)",
        goal ? b.bytes / textBytes < 1.6 : null,
      );
    }

    // Re-anchoring after an edit through the API: a paragraph inserted at the top and a few words changed.
    rss.phase = "re-anchor";
    const edited = `An editor's note added at the top of the story.\n\n${busyText.replace(/Report (\d*7) notes/g, "Report $1 said")}`;
    const t1 = performance.now();
    const revised = await admin.json<{ reanchor: { anchored: number; fuzzy: number; orphaned: number } }>("PATCH", `/api/articles/${busyId}`, { text: edited });
    const reMs = performance.now() - t1;
    if (revised.status !== 200) throw new Error(`PATCH answered ${revised.status}`);
    const ra = revised.body.reanchor;
    report.add(`PATCH text, re-anchor ${made} claims`, `${ms(reMs)} (anchored ${ra.anchored}, fuzzy ${ra.fuzzy}, orphaned ${ra.orphaned})`, "all claims accounted for", ra.anchored + ra.fuzzy + ra.orphaned === made);

    await benchImportPhase(admin);

    // Newsroom scale: 10,000 more articles and 100,000 claims written into the database.
    rss.phase = "scale: seed";
    console.log("\nSeeding newsroom-scale data (10,000 articles, 100,000 claims)…");
    const counts = await seedScale(db.url, { log: (l) => console.log(`  ${l}`) });
    console.log(`  done in ${counts.seconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
    console.log("\nThe list queries' plans (EXPLAIN ANALYZE):");
    rss.phase = "scale: explain";
    await explainListQueries(db.url, report);
    console.log("\nList pages at scale (one request at a time, as a person would):");
    await measureScale(
      BASE,
      [
        { figure: "articles list page /articles", path: "/articles", cookie: reviewer.cookieHeader },
        { figure: "GET /api/articles", path: "/api/articles", cookie: reviewer.cookieHeader },
        { figure: "articles search /api/articles?q=budget", path: "/api/articles?q=budget", cookie: reviewer.cookieHeader },
        { figure: "reviewer's dashboard /", path: "/", cookie: reviewer.cookieHeader },
        { figure: "editor's dashboard /", path: "/", cookie: editor.cookieHeader },
        { figure: "admin's dashboard / (newsroom counts)", path: "/", cookie: admin.cookieHeader },
        { figure: "review queue page /review", path: "/review", cookie: editor.cookieHeader },
        { figure: "review queue page 20 /review?page=20", path: "/review?page=20", cookie: editor.cookieHeader },
        { figure: "GET /api/review-queue", path: "/api/review-queue", cookie: editor.cookieHeader },
        { figure: "audit log page /admin/audit", path: "/admin/audit", cookie: admin.cookieHeader },
        { figure: "GET /api/audit", path: "/api/audit", cookie: admin.cookieHeader },
      ],
      report,
      (phase) => (rss.phase = phase),
    );
    console.log("\nSearch and \"Checked before\" at scale (one request at a time):");
    rss.phase = "scale: memory";
    await benchMemoryLatency(reviewer, report);
    rss.stop();
    report.add(
      `app server RSS, peak over the whole bench (${rss.samples} samples)`,
      `${(rss.maxKb / 1024).toFixed(0)} MB during "${rss.maxPhase}"`,
      `< ${RSS_GOAL_MB} MB`,
      rss.samples > 0 && rss.maxKb / 1024 < RSS_GOAL_MB,
    );
    console.log(`  peaks by phase: ${rss.phases()}`);

    if (process.env.BENCH_KEEP) {
      console.log(`\nBENCH_KEEP: app left running at ${BASE}, article /articles/${busyId}; Ctrl-C to stop.`);
      await new Promise(() => {});
    }
  } finally {
    rss.stop();
    stop();
    await new Promise((r) => setTimeout(r, 2000));
    await db.stop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
