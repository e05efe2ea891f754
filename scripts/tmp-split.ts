import { cheapFeatures, addTaggedFeatures } from "@/lib/suggestions/features";
import { splitSentences } from "@/lib/suggestions/sentences";
import { computeSuggestions } from "@/lib/suggestions/compute";
import { SENTENCES as NEWS } from "./bench/prose";
const S = NEWS.slice(0, 6);
function article(i: number) {
  const paragraphs: string[] = [];
  for (let p = 0; paragraphs.join("\n\n").length < 5_000; p++) {
    const s = Array.from({ length: 4 }, (_, k) => S[(i + p + k) % S.length]).join(" ");
    paragraphs.push(`${s} (Report ${i} of run x, paragraph ${p + 1}.)`);
  }
  return paragraphs.join("\n\n");
}
async function main() {
  const ctx = { publishedAt: new Date(), english: true };
  computeSuggestions(article(0), { publishedAt: new Date(), language: "en" });
  for (let r = 0; r < 2; r++) {
  let split = 0, cheap = 0, tag = 0, full = 0, n = 0;
  for (let i = 1; i < 101; i++) {
    const text = article(i);
    let t = performance.now();
    const ss = splitSentences(text, "en");
    split += performance.now() - t; n += ss.length;
    t = performance.now();
    const fs = ss.map((s) => cheapFeatures(s.text, s.start, ctx));
    cheap += performance.now() - t;
    t = performance.now();
    ss.forEach((s, k) => addTaggedFeatures(fs[k], s.text, s.start, ctx));
    tag += performance.now() - t;
    t = performance.now();
    computeSuggestions(text, { publishedAt: new Date(), language: "en" });
    full += performance.now() - t;
  }
  console.log({ sentencesPerArticle: n / 100, split: (split / 100).toFixed(2), cheap: (cheap / 100).toFixed(2), tagAll: (tag / 100).toFixed(2), full: (full / 100).toFixed(2) });
  }
}
main();
