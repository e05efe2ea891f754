// `npm run import -- <file|url> [...]`: imports files, web pages and feeds
// through the same job runner the app's background worker uses, in this
// process (no queue), and prints the counts.
//
// Needs DATABASE_URL (the database `npm start` uses). The embedded database
// that `npm start` runs without DATABASE_URL listens on a private port with
// generated credentials, so point DATABASE_URL at a PostgreSQL you run.
import fs from "node:fs";
import path from "node:path";
import type { ImportSource } from "@/lib/imports/types";

const USAGE = `Usage: npm run import -- <file|url> [...] [--feed <url>]

  file        .txt, .md, .html, .json (one article or a list) or .csv
  url         an http(s) web page: its story, title, author and date
  --feed url  an RSS or Atom feed: every item

Needs DATABASE_URL, the PostgreSQL Verity uses, e.g.
  DATABASE_URL=postgresql://verity:secret@localhost:5432/verity npm run import -- articles.csv`;

function fail(message: string, code = 2): never {
  console.error(`import: ${message}`);
  process.exit(code);
}

function parseArgs(argv: string[]): ImportSource[] {
  const sources: ImportSource[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === "--feed") {
      const url = argv[++i];
      if (!url || !/^https?:\/\//i.test(url)) fail("--feed needs an http(s) URL");
      sources.push({ type: "feed", url });
    } else if (/^https?:\/\//i.test(arg)) {
      sources.push({ type: "url", url: arg });
    } else if (arg.startsWith("-")) {
      fail(`unknown option ${arg}\n\n${USAGE}`);
    } else {
      if (!fs.existsSync(arg) || !fs.statSync(arg).isFile()) fail(`no such file: ${arg}`);
      sources.push({ type: "file", name: path.basename(arg), content: fs.readFileSync(arg, "utf8") });
    }
  }
  return sources;
}

async function main() {
  const sources = parseArgs(process.argv.slice(2));
  if (sources.length === 0) fail(`nothing to import\n\n${USAGE}`);
  if (!process.env.DATABASE_URL) {
    fail(
      "DATABASE_URL is not set. Set it to the PostgreSQL Verity uses, for example\n" +
        "  DATABASE_URL=postgresql://verity:secret@localhost:5432/verity npm run import -- articles.csv\n" +
        "(npm start's embedded database is private to it; run Verity with DATABASE_URL to import from the command line.)",
    );
  }
  // Loaded after the check: the database client reads DATABASE_URL when first used.
  const { prisma } = await import("@/lib/db");
  const { createImportJob } = await import("@/lib/imports/jobs");
  const { runImportJob } = await import("@/lib/imports/run");
  const { getImportJob } = await import("@/lib/imports/data");
  try {
    const { id } = await createImportJob(null, "CLI", sources);
    console.log(`import ${id}: reading ${sources.length} input${sources.length === 1 ? "" : "s"}…`);
    let settled = 0;
    const outcome = await runImportJob(id, {
      onItemSettled: () => {
        if (++settled % 100 === 0) console.log(`  ${settled} items done…`);
      },
    });
    const job = await getImportJob(id, { includeArticles: true });
    if (!job || outcome.state !== "finished") fail(`the import did not finish (${outcome.state})`, 1);
    for (const a of job.articles ?? []) console.log(`  ${a.status === "imported" ? "imported " : "duplicate"}  ${a.label} → /articles/${a.articleId}`);
    for (const f of job.factChecks ?? []) console.log(`  ${f.status === "imported" ? "imported " : "duplicate"}  ${f.label} → fact-check ${f.url} (${f.verdict ?? "unmapped"}: ${f.rating ?? "no rating"})`);
    for (const e of job.errors) console.log(`  failed     ${e.label}: ${e.message}`);
    console.log(`\n${job.total} item${job.total === 1 ? "" : "s"}: ${job.imported} imported, ${job.duplicates} duplicate${job.duplicates === 1 ? "" : "s"}, ${job.failed} failed`);
    if (job.imported > 0) {
      // The app ranks an import's articles for suggestions after its items; so does the command line, before it exits.
      const { rankPendingSuggestions } = await import("@/lib/suggestions/backfill");
      const r = await rankPendingSuggestions();
      console.log(`suggestions: ${r.ranked} article${r.ranked === 1 ? "" : "s"} ranked${r.failed ? `, ${r.failed} failed` : ""}`);
    }
    process.exitCode = job.failed > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
