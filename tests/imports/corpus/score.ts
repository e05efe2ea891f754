// The extraction corpus (tests/imports/corpus/*.html + *.json) and how a story
// extracted from it is scored: word-level F1 against the reference text, words
// as a bag (case-folded, punctuation dropped). Shared by the corpus test
// (lib/imports/parsers/extract-html.corpus.test.ts) and `npm run bench`
// (scripts/bench/extraction.ts). No Next, no Prisma.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

export type CorpusPage = {
  name: string;
  html: string;
  /** The page's address when it was saved: where its relative links resolve. */
  url: string;
  language: string;
  /** Where the page and its reference come from. */
  source: { repository: string; path: string; extractor: string; selectors: unknown; clean: string[] };
  expected: { title?: string; text: string };
  /** A documented floor below the corpus-wide one, and why (see corpus README). */
  floor?: { f1: number; why: string };
};

export function loadCorpus(dir = CORPUS_DIR): CorpusPage[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".json".length);
      const meta = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Omit<CorpusPage, "name" | "html">;
      return { name, html: fs.readFileSync(path.join(dir, `${name}.html`), "utf8"), ...meta };
    });
}

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The words of a text, case-folded, without punctuation. Intl.Segmenter finds
 * words in languages written without spaces (Japanese, Chinese) as well as in
 * the others; NFKC folds full-width forms.
 */
export function words(text: string, language = "en"): string[] {
  const lang = language.split("-")[0];
  let seg = segmenters.get(lang);
  if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: "word" })));
  const out: string[] = [];
  for (const s of seg.segment(text.normalize("NFKC").toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Word-level F1 of `got` against `expected`: both as bags of words. */
export function wordF1(got: string, expected: string, language = "en"): { f1: number; precision: number; recall: number } {
  const want = new Map<string, number>();
  const expectedWords = words(expected, language);
  for (const w of expectedWords) want.set(w, (want.get(w) ?? 0) + 1);
  const gotWords = words(got, language);
  let overlap = 0;
  for (const w of gotWords) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(w, n - 1);
    }
  }
  if (!gotWords.length || !expectedWords.length) return { f1: gotWords.length === expectedWords.length ? 1 : 0, precision: 0, recall: 0 };
  const precision = overlap / gotWords.length;
  const recall = overlap / expectedWords.length;
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3",
  "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD", "TITLE", "IFRAME", "OBJECT"]);

/**
 * The visible text of a DOM subtree, a line break at each block element, so
 * that words never run together: the neutral reading used for the references
 * and for plain Readability's output (Verity's own is its stored text).
 */
export function domText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) parts.push("\n");
    for (const c of Array.from(node.childNodes)) walk(c);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts
    .join("")
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
