// Newsroom memory for `npm run bench`.
// Quality: the CLEF-2020 CheckThat! Task 2 training split (tests/fixtures/claim-retrieval):
// its verified claims imported as ClaimReview records through POST /api/imports,
// its 800 tweets asked through GET /api/claims/similar, MAP@5 beside a plain BM25
// (lib/memory/bm25.ts) computed over the same claims in the same run.
// Latency: search and "Checked before" at newsroom scale, one request at a time,
// p50/p95 against /api/health asked the same way just before.
import fs from "node:fs";
import path from "node:path";
import { Bm25Index } from "@/lib/memory/bm25";
import { parseQrels, parseTweets, parseVerifiedClaims, type Tweet } from "@/lib/memory/clef";
import { meanAveragePrecisionAt } from "@/lib/memory/metrics";
import { percentile, type Client } from "./client";
import { ms, ratio, type Report } from "./report";

const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "claim-retrieval");
const URL_PREFIX = "https://claims.example/vclaim/";
const BATCH = 2_000;
const POLL_MS = 1_000;
const TIMEOUT_MS = 10 * 60_000;
const K = 5;

type Job = { status: string; total: number; imported: number; duplicates: number; failed: number; errors?: Array<{ label: string; message: string }> };

function fixtures() {
  const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), "utf8");
  return { claims: parseVerifiedClaims(read("verified-claims.tsv")), tweets: parseTweets(read("train-queries.tsv")), qrels: parseQrels(read("train.qrels")) };
}

/** A verified claim as the ClaimReview record a fact-checker would publish for it. */
function claimReview(c: { id: string; vclaim: string; title: string }) {
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${URL_PREFIX}${c.id}`,
    claimReviewed: c.vclaim,
    ...(c.title ? { name: c.title } : {}),
    author: { "@type": "Organization", name: "Snopes (CLEF-2020 fixture)" },
    reviewRating: { "@type": "Rating", alternateName: "False" },
    inLanguage: "en",
  };
}

async function importAll(admin: Client, records: unknown[]): Promise<{ seconds: number; imported: number; duplicates: number; failed: number }> {
  const t0 = performance.now();
  const jobs: string[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const res = await admin.json<{ jobId: string }>("POST", "/api/imports", { items: records.slice(i, i + BATCH) });
    if (res.status !== 202) throw new Error(`POST /api/imports answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    jobs.push(res.body.jobId);
  }
  const done = new Map<string, Job>();
  while (done.size < jobs.length) {
    for (const id of jobs.filter((j) => !done.has(j))) {
      const poll = await admin.json<Job>("GET", `/api/imports/${id}`);
      if (poll.status !== 200) throw new Error(`GET /api/imports/${id} answered ${poll.status}`);
      if (poll.body.status !== "QUEUED" && poll.body.status !== "RUNNING") done.set(id, poll.body);
    }
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`the fact-check import did not finish within ${TIMEOUT_MS / 1000} s`);
    if (done.size < jobs.length) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const all = [...done.values()];
  const failures = all.flatMap((j) => j.errors ?? []);
  if (failures.length) console.log(`  (first failures: ${failures.slice(0, 3).map((e) => `${e.label}: ${e.message}`).join("; ")})`);
  const sum = (k: "imported" | "duplicates" | "failed") => all.reduce((s, j) => s + j[k], 0);
  return { seconds: (performance.now() - t0) / 1000, imported: sum("imported"), duplicates: sum("duplicates"), failed: sum("failed") };
}

type SimilarAnswer = { items: Array<{ kind: string; id: string; url?: string }> };

/** The verified claim ids the endpoint ranks for a tweet (fact-checks by their synthetic URL; anything else counts as a miss). */
async function askSimilar(client: Client, text: string, limit = K): Promise<{ ranked: string[]; ms: number }> {
  const t0 = performance.now();
  const res = await client.json<SimilarAnswer>("GET", `/api/claims/similar?${new URLSearchParams({ text, limit: String(limit) })}`);
  const elapsed = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET /api/claims/similar answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return { ranked: res.body.items.map((i) => (i.kind === "factcheck" && i.url?.startsWith(URL_PREFIX) ? i.url.slice(URL_PREFIX.length) : `${i.kind}:${i.id}`)), ms: elapsed };
}

/** Imports the verified claims, asks every tweet, and reports MAP@5 against plain BM25 from the same run. */
export async function benchMemoryQuality(admin: Client, reviewer: Client, report: Report): Promise<void> {
  const { claims, tweets, qrels } = fixtures();
  console.log(`\n"Checked before" ranking: ${claims.length.toLocaleString("en")} verified claims and ${tweets.length} tweets (CLEF-2020 CheckThat! Task 2, training split)…`);
  const imp = await importAll(admin, claims.map(claimReview));
  report.add(
    `import ${claims.length.toLocaleString("en")} ClaimReview records through POST /api/imports (${Math.ceil(claims.length / BATCH)} jobs)`,
    `${imp.seconds.toFixed(1)} s (${imp.imported} imported, ${imp.duplicates} duplicates, ${imp.failed} failed)`,
    "all imported",
    imp.imported + imp.duplicates === claims.length && imp.failed === 0,
  );

  const t0 = performance.now();
  const bm25 = new Bm25Index(claims.map((c) => ({ id: c.id, text: `${c.vclaim} ${c.title}` })));
  const baseline = tweets.map((t) => ({ id: t.id, ranked: bm25.search(t.text, K).map((h) => h.id), relevant: qrels.get(t.id) ?? new Set<string>() }));
  const bm25Seconds = (performance.now() - t0) / 1000;

  const endpoint: Array<{ id: string; ranked: string[]; relevant: Set<string> }> = [];
  const latencies: number[] = [];
  for (const t of tweets) {
    const r = await askSimilar(reviewer, t.text);
    endpoint.push({ id: t.id, ranked: r.ranked, relevant: qrels.get(t.id) ?? new Set<string>() });
    latencies.push(r.ms);
  }
  const map = (runs: typeof endpoint, half?: 0 | 1) => meanAveragePrecisionAt(half === undefined ? runs : runs.filter((r) => Number(r.id) % 2 === half), K);
  const ours = map(endpoint);
  const theirs = map(baseline);
  const halves = (runs: typeof endpoint) => `even ids ${map(runs, 0).toFixed(3)}, odd ${map(runs, 1).toFixed(3)}`;
  report.add(
    `"Checked before" MAP@5, ${tweets.length} tweets through GET /api/claims/similar`,
    `${ours.toFixed(3)} (${halves(endpoint)}); p50 ${ms(percentile(latencies, 50))} with ~${(imp.imported / 1000).toFixed(0)}k fact-checks`,
    "≥ plain BM25 in the same run",
    ours >= theirs,
  );
  report.add(`plain BM25 MAP@5 (lib/memory/bm25.ts: k1 1.2, b 0.75, Porter; same claims and tweets)`, `${theirs.toFixed(3)} (${halves(baseline)}; ${bm25Seconds.toFixed(1)} s in memory)`, "the baseline");
}

export const SEARCH_QUERIES = ["budget", "council", "statistics office", '"the council voted"', "budget OR transport", "council -budget", "hurricane", "Obama", "photograph shows", "waiting lists", "Trump OR Clinton", "vaccine -covid"];

async function sequentialTimes(client: Client, paths: string[], rounds: number): Promise<{ times: number[]; bad: number }> {
  const times: number[] = [];
  let bad = 0;
  for (let r = 0; r < rounds; r++) {
    for (const p of paths) {
      const t = await client.timeGet(p);
      if (t.status !== 200) bad++;
      times.push(t.ms);
    }
  }
  return { times, bad };
}

/** Search and "Checked before" at newsroom scale: p50/p95 one request at a time, against /api/health asked the same way just before. */
export async function benchMemoryLatency(reviewer: Client, report: Report, tweets: Tweet[] = fixtures().tweets): Promise<void> {
  const health = async () => (await sequentialTimes(reviewer, ["/api/health"], 100)).times;
  const searchPaths = SEARCH_QUERIES.map((q) => `/api/search?${new URLSearchParams({ q })}`);
  await sequentialTimes(reviewer, searchPaths, 1); // warm-up: first requests compile and fill caches
  const h1 = await health();
  const search = await sequentialTimes(reviewer, searchPaths, 10);
  const [s50, s95, h50] = [percentile(search.times, 50), percentile(search.times, 95), percentile(h1, 50)];
  report.add(
    `scale: GET /api/search, ${SEARCH_QUERIES.length} queries (words, phrase, OR, -word) × 10 (p50, p95)`,
    `${ms(s50)}, ${ms(s95)}${search.bad ? ` — ${search.bad} not 200` : ""}`,
    "p50 ≤ 50 ms, p95 ≤ 150 ms",
    search.bad === 0 && s50 <= 50 && s95 <= 150,
    `p50 ${ratio(s50 / h50)} health's ${ms(h50)}; p95 ${ratio(s95 / h50)}`,
  );
  // 300 of the tweets (asked once before the scale seed; the word counts cached then have expired since).
  const texts = tweets.slice(0, 300).map((t) => t.text);
  const h2 = await health();
  const times: number[] = [];
  let bad = 0;
  for (const text of texts) {
    const t = await reviewer.timeGet(`/api/claims/similar?${new URLSearchParams({ text, limit: "5" })}`);
    if (t.status !== 200) bad++;
    times.push(t.ms);
  }
  const [c50, c95, hh50] = [percentile(times, 50), percentile(times, 95), percentile(h2, 50)];
  report.add(
    `scale: GET /api/claims/similar, ${texts.length} tweets (p50, p95)`,
    `${ms(c50)}, ${ms(c95)}${bad ? ` — ${bad} not 200` : ""}`,
    "p50 ≤ 50 ms",
    bad === 0 && c50 <= 50,
    `p50 ${ratio(c50 / hh50)} health's ${ms(hh50)}`,
  );
}
