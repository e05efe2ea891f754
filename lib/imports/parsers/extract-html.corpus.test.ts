// The extraction regression corpus (tests/imports/corpus, see its README):
// saved real pages, each with a reference text from Postlight Parser's
// site-specific extractor. The story Verity stores must match it word for word
// (bag of words, case-folded, punctuation dropped): F1 at least 0.95 on every
// page, or the page's documented floor; a mean of at least 0.995 over every
// page (issue 11's goal), and over the pages without a documented floor.
import { describe, expect, it } from "vitest";
import { verityText } from "@/scripts/bench/extraction";
import { loadCorpus, wordF1 } from "@/tests/imports/corpus/score";

const PAGE_FLOOR = 0.95;
const MEAN_FLOOR = 0.995;

const corpus = loadCorpus();
const scores = new Map<string, number>();

describe("extraction on the saved-page corpus", { timeout: 30_000 }, () => {
  it("has pages in several languages", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3);
    expect(new Set(corpus.map((p) => p.language.split("-")[0])).size).toBeGreaterThanOrEqual(3);
  });

  it.each(corpus.map((p) => [p.name, p] as const))("%s", async (_name, page) => {
    const { f1 } = wordF1(await verityText(page), page.expected.text, page.language);
    scores.set(page.name, f1);
    const floor = page.floor?.f1 ?? PAGE_FLOOR;
    expect(f1, `word F1 ${f1.toFixed(3)}${page.floor ? ` (documented floor: ${page.floor.why})` : ""}`).toBeGreaterThanOrEqual(floor);
  });

  it(`averages at least ${MEAN_FLOOR} on the pages without a documented floor`, () => {
    const plain = corpus.filter((p) => !p.floor).map((p) => scores.get(p.name));
    expect(plain.every((s) => s !== undefined), "every page was scored").toBe(true);
    const mean = (plain as number[]).reduce((a, b) => a + b, 0) / plain.length;
    expect(mean).toBeGreaterThanOrEqual(MEAN_FLOOR);
  });

  it(`averages at least ${MEAN_FLOOR} over every page`, () => {
    const all = corpus.map((p) => scores.get(p.name));
    expect(all.every((s) => s !== undefined), "every page was scored").toBe(true);
    const mean = (all as number[]).reduce((a, b) => a + b, 0) / all.length;
    expect(mean, `mean word F1 ${mean.toFixed(4)}`).toBeGreaterThanOrEqual(MEAN_FLOOR);
  });
});
