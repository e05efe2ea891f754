// The check-worthiness ranker measured: MAP per debate on the held-out CLEF-2019 debates
// (tests/fixtures/check-worthiness/held-out.csv, written by `npm run train:suggestions`)
// beside a random order and "sentences with a number first", computed here in the same
// run; then the time to suggest for a ~100 KB article and this process's memory with the
// model loaded. Needs no app and no database. Alone:
//
//   npx tsx scripts/bench/suggestions.ts
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { clefDebateDate, evaluateRanking, type EvalRow } from "@/lib/suggestions/evaluate";
import { defaultModel } from "@/lib/suggestions/model";
import { scoreSentence, suggestForText } from "@/lib/suggestions/rank";

export type SuggestionsBench = {
  map: number;
  randomMap: number;
  numbersFirstMap: number;
  /** Median of 5 warm runs of suggestForText on a ~100 KB article (default limit), wall clock. */
  msFor100KB: number;
  /** CPU time (user + system) of the median run: less swayed by other processes on a busy machine. */
  cpuMsFor100KB: number;
  /** The first run, in a process that has not tagged anything yet (JIT and compromise's lazy set-up included). */
  coldMsFor100KB: number;
  /** Resident memory of this process after loading the model and running everything above. */
  rssMB: number;
  debates: ReturnType<typeof evaluateRanking>["debates"];
  articleChars: number;
  sentencesReturned: number;
};

const FIXTURE = path.resolve(__dirname, "../../tests/fixtures/check-worthiness/held-out.csv");

type FixtureRow = EvalRow & { date: Date | null };

export function loadHeldOut(file = FIXTURE): FixtureRow[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({ debate: r.file_name, text: r.text ?? "", label: Number(r.label) > 0 ? 1 : 0, date: clefDebateDate(r.file_name) }));
}

/** ~100 KB of prose from the held-out sentences, five to a paragraph. */
function article(rows: FixtureRow[]): string {
  const paras: string[] = [];
  let size = 0;
  for (let i = 0; size < 100_000; i += 5) {
    const p = rows.slice(i % rows.length, (i % rows.length) + 5).map((r) => r.text).join(" ");
    paras.push(p);
    size += p.length + 2;
  }
  return paras.join("\n\n");
}

export async function benchSuggestions(): Promise<SuggestionsBench> {
  const rows = loadHeldOut();
  defaultModel();
  const text = article(rows);
  const publishedAt = rows[0]?.date ?? null;
  let t = performance.now();
  const first = suggestForText(text, { publishedAt });
  const coldMsFor100KB = performance.now() - t;
  const warm: Array<{ ms: number; cpuMs: number }> = [];
  for (let i = 0; i < 5; i++) {
    const cpu = process.cpuUsage();
    t = performance.now();
    suggestForText(text, { publishedAt });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    warm.push({ ms, cpuMs: (used.user + used.system) / 1000 });
  }
  warm.sort((a, b) => a.ms - b.ms);

  const scores = rows.map((r) => scoreSentence(r.text, { publishedAt: r.date }).logit);
  const evaluation = evaluateRanking(rows, scores);
  return {
    map: evaluation.map,
    randomMap: evaluation.randomMap,
    numbersFirstMap: evaluation.numbersFirstMap,
    msFor100KB: warm[2].ms,
    cpuMsFor100KB: warm[2].cpuMs,
    coldMsFor100KB,
    rssMB: process.memoryUsage().rss / 1024 / 1024,
    debates: evaluation.debates,
    articleChars: text.length,
    sentencesReturned: first.length,
  };
}

export function printSuggestions(b: SuggestionsBench): void {
  for (const d of b.debates) console.log(`  ${d.debate.padEnd(32)} ${String(d.sentences).padStart(5)} sentences, ${String(d.positives).padStart(3)} check-worthy: AP ${d.ap.toFixed(3)} (random ${d.randomAp.toFixed(3)}, numbers first ${d.numbersFirstAp.toFixed(3)})`);
  console.log(`  MAP ${b.map.toFixed(3)} (random ${b.randomMap.toFixed(3)}, numbers first ${b.numbersFirstMap.toFixed(3)}; CLEF-2019 best primary run 0.166 on its own test debates)`);
  console.log(`  ${b.articleChars.toLocaleString("en")}-character article: ${b.msFor100KB.toFixed(0)} ms warm (CPU ${b.cpuMsFor100KB.toFixed(0)} ms; first run ${b.coldMsFor100KB.toFixed(0)} ms), ${b.sentencesReturned} suggestions; RSS ${b.rssMB.toFixed(0)} MB`);
}

if (process.argv[1]?.endsWith("suggestions.ts")) {
  benchSuggestions().then(
    (b) => {
      console.log("Check-worthiness ranker on the held-out CLEF-2019 debates:");
      printSuggestions(b);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
