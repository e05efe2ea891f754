// Import benchmark: 1,000 articles of ~5 KB each in one JSON file, uploaded to
// POST /api/imports (multipart) and followed by polling GET /api/imports/:jobId
// until the job is done. Target: under 30 s.
import pg from "pg";
import type { Client } from "./client";
import { SENTENCES as NEWS_SENTENCES } from "./prose";

const ARTICLES = 1000;
const POLL_MS = 500;
const TIMEOUT_MS = 5 * 60_000;

const SENTENCES = NEWS_SENTENCES.slice(0, 6);

/** ~5 KB of varied prose per article: paragraphs built from rotating sentences, numbered so every text is distinct. */
function article(run: string, i: number) {
  const paragraphs: string[] = [];
  for (let p = 0; paragraphs.join("\n\n").length < 5_000; p++) {
    const s = Array.from({ length: 4 }, (_, k) => SENTENCES[(i + p + k) % SENTENCES.length]).join(" ");
    paragraphs.push(`${s} (Report ${i} of run ${run}, paragraph ${p + 1}.)`);
  }
  return {
    title: `Bench import ${run} article ${i + 1}`,
    text: paragraphs.join("\n\n"),
    sourceUrl: `https://bench.example/${run}/article-${i + 1}`,
    author: `Reporter ${i % 17}`,
    publisher: "Bench Gazette",
    publishedAt: new Date(Date.UTC(2024, 0, 1 + (i % 365))).toISOString(),
    language: "en",
  };
}

type JobStatus = { status: string; total: number; imported: number; duplicates: number; failed: number; errors: Array<{ label: string; message: string }> };

/** Uploads, polls until finished, and reports how long it took from upload to done. */
export async function benchImport(
  client: Client,
  databaseUrl?: string,
): Promise<{ seconds: number; imported: number; failed: number; suggested: { seconds: number; ranked: number; suggestions: number } | null }> {
  const run = Date.now().toString(36);
  const json = JSON.stringify(Array.from({ length: ARTICLES }, (_, i) => article(run, i)));
  const form = new FormData();
  form.append("files", new File([json], `bench-${run}.json`, { type: "application/json" }));
  // Client keeps its session cookie private and only speaks JSON; a multipart upload needs the cookie itself.
  const cookie = (client as unknown as { cookie: string }).cookie;

  const t0 = performance.now();
  const res = await fetch(`${client.base}/api/imports`, { method: "POST", headers: { cookie, origin: client.base }, body: form });
  if (res.status !== 202) throw new Error(`POST /api/imports answered ${res.status}: ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };

  for (;;) {
    const poll = await client.json<JobStatus>("GET", `/api/imports/${jobId}`);
    if (poll.status !== 200) throw new Error(`GET /api/imports/${jobId} answered ${poll.status}`);
    const job = poll.body;
    if (job.status !== "QUEUED" && job.status !== "RUNNING") {
      const seconds = (performance.now() - t0) / 1000;
      if (job.failed) console.log(`  (first failures: ${job.errors.slice(0, 3).map((e) => `${e.label}: ${e.message}`).join("; ")})`);
      // The job is done when its articles are readable; their suggestions are ranked after it, in the background.
      const suggested = databaseUrl ? await waitForSuggestions(databaseUrl, run, job.imported, t0) : null;
      return { seconds, imported: job.imported, failed: job.failed, suggested };
    }
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`the import did not finish within ${TIMEOUT_MS / 1000} s (${job.imported + job.duplicates + job.failed} of ${job.total} done)`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Seconds from the upload until every imported article of this run was ranked for suggestions (read from the database). */
async function waitForSuggestions(databaseUrl: string, run: string, imported: number, t0: number) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (;;) {
      const { rows } = await db.query<{ ranked: number; suggestions: number }>(
        `SELECT count(*) FILTER (WHERE a."suggestionsRevision" IS NOT NULL)::int AS ranked,
                (SELECT count(*)::int FROM "Suggestion" s JOIN "Article" b ON b.id = s."articleId" WHERE b."sourceUrl" LIKE $1) AS suggestions
         FROM "Article" a WHERE a."sourceUrl" LIKE $1`,
        [`https://bench.example/${run}/%`],
      );
      const seconds = (performance.now() - t0) / 1000;
      if (rows[0].ranked >= imported) return { seconds, ...rows[0] };
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`suggestions were not ranked within ${TIMEOUT_MS / 1000} s (${rows[0].ranked} of ${imported})`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await db.end();
  }
}
