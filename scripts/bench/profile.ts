// Where the claim write spends its CPU: starts the production build (run
// `npx next build` first) on a fresh embedded database with --cpu-prof, loads POST /api/articles/:id/claims (20 connections,
// 10 s), stops the app and prints the functions with the most self time, and the
// same summed by package. Used to decide what to take out of the hot path.
//
//   npx tsx scripts/bench/profile.ts [path to write the .cpuprofile]
//
// PROFILE_LOAD=import profiles the app during the bench's 1,000-article import instead.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { Client } from "./client";
import { benchImport } from "./import";
import { load, statusLine } from "./load";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrate";

const PORT = Number(process.env.BENCH_PORT || 3210);
const BASE = `http://localhost:${PORT}`;
const PASSWORD = process.env.DEMO_PASSWORD || "verity-demo";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function summarise(file: string) {
  const p = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const f = n.callFrame;
    const where = f.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
    const key = `${f.functionName || "(anonymous)"} ${where}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
    const group = m ? m[1] : where.startsWith(".next/") ? "(app code, .next)" : where ? where.split("/")[0] : f.functionName.startsWith("(") ? f.functionName : "(node internals)";
    pkg.set(group, (pkg.get(group) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
  console.log(`\nSelf time by package (${(total / 1e6).toFixed(1)} s sampled):\n${top(pkg, 15)}`);
  console.log(`\nTop functions by self time:\n${top(self, 30)}`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-profile-"));
  fs.chmodSync(dir, 0o755);
  const profDir = path.join(dir, "prof");
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  const db = await startEmbeddedPostgres({ dataDir: dir });
  await applyMigrations(db.url);
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("scripts", "seed.ts")], { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url, DEMO_PASSWORD: PASSWORD } });
  if (seeded.status !== 0) throw new Error("seeding failed");
  // PROFILE=0: the same load without the profiler (its overhead skews the figures).
  const profile = process.env.PROFILE !== "0";
  // The heap cap `npm start` gives the app (scripts/start.ts), so collections come as often as in production;
  // PROFILE_NODE_ARGS adds flags (e.g. "--trace-gc", whose lines then go to stdout).
  const extra = ["--max-old-space-size=384", ...(process.env.PROFILE_NODE_ARGS ?? "").split(/\s+/).filter(Boolean)];
  const server = spawn(process.execPath, [...(profile ? [`--cpu-prof`, `--cpu-prof-dir=${profDir}`] : []), ...extra, path.join("scripts", "app-server.mjs"), String(PORT)], {
    env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64"), NEXTAUTH_URL: BASE, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", process.env.PROFILE_NODE_ARGS ? "inherit" : "ignore", "inherit"],
  });
  process.on("exit", () => server.kill("SIGKILL"));
  const end = Date.now() + 600_000;
  for (;;) {
    if (Date.now() > end) throw new Error("the app did not start");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const admin = new Client(BASE);
  await admin.signIn("admin@example.org", PASSWORD);
  const reviewer = new Client(BASE);
  await reviewer.signIn("reviewer@example.org", PASSWORD);
  if (process.env.PROFILE_LOAD === "import") {
    const imp = await benchImport(admin, db.url);
    console.log(`import 1,000 articles: ${imp.seconds.toFixed(1)} s (${imp.imported} imported, ${imp.failed} failed); suggestions ranked ${imp.suggested?.seconds.toFixed(1)} s after the upload`);
  } else await loadClaims(admin, reviewer);
  server.kill("SIGTERM");
  await new Promise((res) => server.on("exit", res));
  await db.stop();
  await new Promise((res) => setTimeout(res, 1000));
  if (!profile) {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const files = fs.existsSync(profDir) ? fs.readdirSync(profDir).map((f) => path.join(profDir, f)) : [];
  const biggest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!biggest) throw new Error("no profile was written (did the app exit cleanly?)");
  if (process.argv[2]) fs.copyFileSync(biggest, process.argv[2]);
  summarise(biggest);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The claim-write load: /api/health at 20 connections, then POST claims at 20 connections, 10 s each. */
async function loadClaims(admin: Client, reviewer: Client) {
  const text = Array.from({ length: 700 }, (_, i) => `${i + 1}. Iran said on Monday U.S. cyber attacks on its military had failed, report ${i * 7 + 3} notes.`).join("\n\n");
  const created = await admin.json<{ id: string }>("POST", "/api/articles", { title: `Profile ${Date.now()}`, text });
  if (created.status !== 201) throw new Error(`creating the article failed: ${created.status}`);
  const starts = [...text.matchAll(/Iran/g)].map((m) => m.index);
  let n = 0;
  const body = () => {
    const i = n++;
    const start = starts[(i * 997) % starts.length];
    return JSON.stringify({ selector: describeSelector(text, start, start + 30), claimText: `Claim ${i}`, verdict: "FALSE", rationale: "", sources: [{ url: "https://example.org/a", title: "A source", stance: "SUPPORTS" }] });
  };
  const warm = await load({ base: BASE, path: `/api/articles/${created.body.id}/claims`, connections: 20, seconds: 3, method: "POST", headers: { cookie: reviewer.cookieHeader, origin: BASE, "content-type": "application/json" }, body });
  const h = await load({ base: BASE, path: "/api/health", connections: 20, seconds: 10 });
  console.log(`/api/health, 20 connections: ${h.rps.toFixed(0)} req/s, p50 ${h.p50.toFixed(0)} ms, p99 ${h.p99.toFixed(0)} ms`);
  const r = await load({ base: BASE, path: `/api/articles/${created.body.id}/claims`, connections: 20, seconds: 10, method: "POST", headers: { cookie: reviewer.cookieHeader, origin: BASE, "content-type": "application/json" }, body });
  console.log(`POST claims, 20 connections: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms (${statusLine(r)}; warm-up ${statusLine(warm)}); ${(r.rps / h.rps).toFixed(2)}× health`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
