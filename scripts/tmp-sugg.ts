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
  const ctx = { publishedAt: new Date(), language: "en" };
  let t = performance.now();
  const first = computeSuggestions(article(0), ctx);
  console.log("first", (performance.now() - t).toFixed(0), "ms", first.length, "suggestions");
  t = performance.now();
  let n = 0;
  for (let i = 1; i < 201; i++) n += computeSuggestions(article(i), ctx).length;
  console.log("per article", ((performance.now() - t) / 200).toFixed(1), "ms; avg suggestions", n / 200);
}
main();
