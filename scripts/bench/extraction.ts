// Extraction quality on the saved pages of tests/imports/corpus: word-level F1
// (bag of words, case-folded, punctuation dropped) of the story Verity stores,
// and of plain Readability's (linkedom + @mozilla/readability, nothing of
// Verity's before or after), each against the page's reference text. Needs no
// app and no database: `npm run bench` runs it first; alone:
//
//   npx tsx scripts/bench/extraction.ts
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { htmlToArticle } from "@/lib/articles/html";
import { extractArticleFromHtml } from "@/lib/imports/parsers/extract-html";
import { domText, loadCorpus, wordF1, type CorpusPage } from "@/tests/imports/corpus/score";

export type PageScore = { name: string; language: string; verity: number; readability: number; floor: number; documentedFloor: boolean };
export type ExtractionBench = {
  pages: PageScore[];
  verity: { mean: number; min: number };
  readability: { mean: number; min: number };
  /** Pages where Verity scores below 0.95 or below the page's documented floor. */
  belowFloor: PageScore[];
};
const PAGE_GOAL = 0.95;

/** The text Verity stores for a fetched page: the extracted story, sanitized and split into blocks. */
export async function verityText(page: Pick<CorpusPage, "html" | "url">): Promise<string> {
  const raw = await extractArticleFromHtml(page.html, page.url);
  return raw.html ? htmlToArticle(raw.html, raw.sourceUrl).text : "";
}

/** Readability as it comes: linkedom's DOM in, its content's text out (one line per block, so words never run together). */
export function readabilityText(page: Pick<CorpusPage, "html">): string {
  try {
    const article = new Readability(parseHTML(page.html).document as unknown as Document).parse();
    return article?.content ? domText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body) : "";
  } catch {
    return "";
  }
}

const summary = (xs: number[]) => ({ mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs) });

export async function benchExtraction(): Promise<ExtractionBench> {
  const pages: PageScore[] = [];
  for (const page of loadCorpus()) {
    const verity = wordF1(await verityText(page), page.expected.text, page.language).f1;
    const readability = wordF1(readabilityText(page), page.expected.text, page.language).f1;
    pages.push({ name: page.name, language: page.language, verity, readability, floor: Math.min(PAGE_GOAL, page.floor?.f1 ?? PAGE_GOAL), documentedFloor: !!page.floor });
  }
  return {
    pages,
    verity: summary(pages.map((p) => p.verity)),
    readability: summary(pages.map((p) => p.readability)),
    belowFloor: pages.filter((p) => p.verity < p.floor),
  };
}

export function printExtraction(bench: ExtractionBench): void {
  const f = (x: number) => x.toFixed(3);
  const width = Math.max(...bench.pages.map((p) => p.name.length), 4);
  console.log(`  ${"page".padEnd(width)}  lang  Verity  Readability`);
  for (const p of bench.pages) console.log(`  ${p.name.padEnd(width)}  ${p.language.padEnd(4)}  ${f(p.verity)}   ${f(p.readability)}`);
  console.log(`  ${"mean".padEnd(width)}        ${f(bench.verity.mean)}   ${f(bench.readability.mean)}`);
  console.log(`  ${"min".padEnd(width)}        ${f(bench.verity.min)}   ${f(bench.readability.min)}`);
  const plain = bench.pages.filter((p) => !p.documentedFloor);
  console.log(`  (mean of the ${plain.length} pages without a documented floor: Verity ${f(summary(plain.map((p) => p.verity)).mean)}, Readability ${f(summary(plain.map((p) => p.readability)).mean)})`);
}

if (process.argv[1]?.endsWith("extraction.ts")) {
  benchExtraction().then(
    (bench) => {
      console.log(`Extraction word F1 on ${bench.pages.length} saved pages (tests/imports/corpus):`);
      printExtraction(bench);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
