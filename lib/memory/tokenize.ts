// Words for the plain BM25 baseline: lower case, accents dropped, split on
// anything that is not a letter or a digit, English stop words removed
// (the Snowball list, which PostgreSQL's "english" configuration uses too),
// Porter-stemmed. Pure.
import { porterStem } from "./porter";

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself " +
    "they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having " +
    "do does did doing a an the and but if or because as until while of at by for with about against between into through during before " +
    "after above below to from up down in out on off over under again further then once here there when where why how all any both each " +
    "few more most other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** The words of `text`, folded (lower case, no accents), in order, stop words kept. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The terms BM25 indexes: folded words without stop words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !ENGLISH_STOP_WORDS.has(w))
    .map(porterStem);
}
