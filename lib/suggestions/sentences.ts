// Sentence spans with exact UTF-16 offsets into the article's canonical text.
//
// Why not compromise's splitter: on the seed article it kept quoted sentences together
// ('"Sometimes they list conditions … That is why …," Mousavi said.' came out as one)
// and its offsets were one off for sentences that open with a quote mark. ICU's
// sentence rules (Intl.Segmenter, built into Node and browsers, every language) split
// those right; what ICU gets wrong is English abbreviations ("U.S. Secretary of State"
// becomes "U.S." + "Secretary …"), which the merge step below repairs. compromise is
// still what tags each sentence (lib/suggestions/features.ts).
import type { SentenceSpan } from "./types";

/** Abbreviations after which a capitalised word does not start a new sentence. */
const TITLES = new Set(
  "mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st rev hon pres supt jr sr messrs mt ft no vs jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig inc corp ltd co univ".split(" "),
);
/** Words that usually open a sentence: after "U.S." they mean the abbreviation ended it. */
const STARTERS = new Set(
  "the a an this that these those it its he she they we i you his her their our my but and so yet or if when while after before in on at for as there here what who why how some many most all no not one two three last next now then however meanwhile still".split(" "),
);
const MULTI_INITIAL = /(?:^|[\s("'“‘])(?:\p{L}\.){2,}$/u; // U.S. U.K. e.g. i.e.
const SINGLE_INITIAL = /(?:^|[\s("'“‘])\p{Lu}\.$/u; // J. Smith
const WORD_BEFORE_DOT = /(?:^|[^\p{L}])(\p{L}+)\.$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: "sentence" });
    } catch {
      s = new Intl.Segmenter("en", { granularity: "sentence" });
    }
    segmenters.set(locale, s);
  }
  return s;
}

export function isEnglish(language: string | null | undefined): boolean {
  return !language || /^en(?:[-_]|$)/i.test(language);
}

/** Should the break between `left` and `right` (both trimmed) be undone? English only. */
function joinsAbbreviation(left: string, right: string): boolean {
  const firstWord = (/^[\p{L}\p{N}]+/u.exec(right)?.[0] ?? "").toLowerCase();
  if (!firstWord) return false;
  if (SINGLE_INITIAL.test(left)) return true;
  if (MULTI_INITIAL.test(left)) return !STARTERS.has(firstWord);
  const word = WORD_BEFORE_DOT.exec(left)?.[1];
  return !!word && TITLES.has(word.toLowerCase());
}

/** Trimmed [start, end) of text.slice(start, end), or null when it holds no word. */
function trimmed(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return start < end && HAS_WORD.test(text.slice(start, end)) ? [start, end] : null;
}

/** Longest piece handed to ICU at once: on one 67 KB line of debate text it took a second, in 4 KB pieces 20 ms. */
const WINDOW = 4000;

/**
 * ICU's sentence segments of text[from, to), asked for in windows: every segment but a window's
 * last is final (ICU decides a break from a few characters around it); the last is asked again
 * at the start of the next window.
 */
function* segments(seg: Intl.Segmenter, text: string, from: number, to: number): Generator<[number, number]> {
  let pos = from;
  while (pos < to) {
    const end = Math.min(to, pos + WINDOW);
    const parts = [...seg.segment(text.slice(pos, end))];
    if (end < to && parts.length > 1) parts.pop();
    for (const p of parts) yield [pos + p.index, pos + p.index + p.segment.length];
    const last = parts[parts.length - 1];
    pos += last.index + last.segment.length;
  }
}

/**
 * Split `text` into sentences. A line break always ends a sentence (canonical article text
 * puts each block on its own line); inside a line ICU decides, then English abbreviations
 * are re-joined. Spans hold no leading or trailing white space; text.slice(start, end) === span.text.
 */
export function splitSentences(text: string, language?: string | null): SentenceSpan[] {
  const english = isEnglish(language);
  const seg = segmenter(english ? "en" : language!);
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  const lines: Array<[number, number]> = [];
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push([lineStart, m.index]);
    lineStart = m.index + m[0].length;
  }
  lines.push([lineStart, text.length]);
  for (const [from, to] of lines) {
    if (from >= to) continue;
    const spans: Array<[number, number]> = [];
    for (const [a, b] of segments(seg, text, from, to)) {
      const t = trimmed(text, a, b);
      if (!t) continue;
      const last = spans[spans.length - 1];
      if (english && last && joinsAbbreviation(text.slice(last[0], last[1]), text.slice(t[0], t[1]))) last[1] = t[1];
      else spans.push(t);
    }
    for (const [start, end] of spans) out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}
