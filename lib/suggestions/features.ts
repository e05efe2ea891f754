// Features of one sentence: lowercased word unigrams and bigrams, and named features
// (numbers, comparisons, attribution, …) that each remember the words that fired them.
//
// Two tiers, so ranking a long article stays fast: "cheap" features (regular expressions,
// chrono for dates) are computed for every sentence; "tagged" features need compromise's
// part-of-speech tagger (≈1–4 ms a sentence) and are computed only for sentences that can
// still reach the top (see rank.ts). Training computes both tiers for every sentence.
import nlp from "compromise";
import { detectDatedReferences, findTimeExpressions } from "./dated-reference";
import * as lex from "./lexicon";
import type { FeatureHit } from "./types";

export type FeatureInfo = {
  /** Reason code and label when the feature is a reason a person can read; null for model-only features. */
  kind: string | null;
  label: string | null;
  /** Needs compromise's tagger (English only). */
  tagged: boolean;
};

export const FEATURES: Record<string, FeatureInfo> = {
  number: { kind: "statistic", label: "statistic", tagged: false },
  percentage: { kind: "statistic", label: "statistic (percentage)", tagged: false },
  money: { kind: "statistic", label: "statistic (money)", tagged: false },
  date: { kind: "date", label: "date", tagged: false },
  "dated-reference": { kind: "dated-reference", label: "dated reference", tagged: false },
  "comparison-than": { kind: "comparison", label: "comparison", tagged: false },
  "superlative-word": { kind: "comparison", label: "superlative", tagged: false },
  attribution: { kind: "attribution", label: "attribution", tagged: false },
  negation: { kind: "negation", label: "negation", tagged: false },
  hedge: { kind: "hedge", label: "hedged claim", tagged: false },
  causal: { kind: "causal-claim", label: "causal claim", tagged: false },
  absolute: { kind: "absolute", label: "absolute claim", tagged: false },
  trend: { kind: "trend", label: "change over time", tagged: false },
  "first-person": { kind: null, label: null, tagged: false },
  we: { kind: null, label: null, tagged: false },
  you: { kind: null, label: null, tagged: false },
  future: { kind: null, label: null, tagged: false },
  question: { kind: null, label: null, tagged: false },
  "len:1-4": { kind: null, label: null, tagged: false },
  "len:5-9": { kind: null, label: null, tagged: false },
  "len:10-19": { kind: null, label: null, tagged: false },
  "len:20-39": { kind: null, label: null, tagged: false },
  "len:40+": { kind: null, label: null, tagged: false },
  comparative: { kind: "comparison", label: "comparison", tagged: true },
  superlative: { kind: "comparison", label: "superlative", tagged: true },
  person: { kind: "named-entity", label: "named person", tagged: true },
  place: { kind: "named-entity", label: "named place", tagged: true },
  organization: { kind: "named-entity", label: "named organisation", tagged: true },
  "past-tense": { kind: null, label: null, tagged: true },
};

/** Features that mean the same in any language: what a non-English article is scored on. */
export const NEUTRAL_FEATURES = new Set(["number", "percentage", "money", "date", "dated-reference", "question", "len:1-4", "len:5-9", "len:10-19", "len:20-39", "len:40+"]);

export type Ngram = { gram: string; start: number; end: number };
export type SentenceFeatures = {
  /** Named features that fired, in order of appearance per feature (offsets into the article). */
  hits: FeatureHit[];
  /** "u:word" and "b:word word" with the span of their words. */
  ngrams: Ngram[];
  /** Whether the compromise tier has been added. */
  tagged: boolean;
};

export type FeatureContext = {
  publishedAt: Date | null | undefined;
  english: boolean;
  /** Stand-in for "now" when publishedAt is null (tests). */
  now?: Date;
};

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const LEN_BINS: Array<[number, string]> = [[5, "len:1-4"], [10, "len:5-9"], [20, "len:10-19"], [40, "len:20-39"], [Infinity, "len:40+"]];

function regexHits(out: FeatureHit[], feature: string, re: RegExp, text: string, offset: number) {
  for (const m of text.matchAll(re)) {
    if (!m[0]) continue;
    out.push({ feature, phrase: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
}

/** Word n-grams: lowercased, every run of digits folded to "0" so "33 million" and "15 million" share "0 million". */
export function ngrams(text: string, offset: number): Ngram[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ w: m[0].toLowerCase().replace(/’/g, "'").replace(/\p{N}+/gu, "0"), start: offset + m.index, end: offset + m.index + m[0].length }));
  const out: Ngram[] = tokens.map((t) => ({ gram: `u:${t.w}`, start: t.start, end: t.end }));
  for (let i = 1; i < tokens.length; i++) out.push({ gram: `b:${tokens[i - 1].w} ${tokens[i].w}`, start: tokens[i - 1].start, end: tokens[i].end });
  return out;
}

/** The cheap tier: everything but compromise. `offset` is where `text` starts in the article. */
export function cheapFeatures(text: string, offset: number, ctx: FeatureContext): SentenceFeatures {
  const hits: FeatureHit[] = [];
  const ref = ctx.publishedAt ?? ctx.now ?? new Date();
  const words = text.match(TOKEN)?.length ?? 0;
  const bin = LEN_BINS.find(([max]) => words < max)![1];
  hits.push({ feature: bin, phrase: "", start: offset, end: offset });
  if (/\?\s*["”’)]?\s*$/u.test(text)) hits.push({ feature: "question", phrase: "?", start: offset + text.lastIndexOf("?"), end: offset + text.lastIndexOf("?") + 1 });
  if (ctx.english) {
    regexHits(hits, "number", lex.NUMBER, text, offset);
    regexHits(hits, "percentage", lex.PERCENTAGE, text, offset);
    regexHits(hits, "money", lex.MONEY, text, offset);
    regexHits(hits, "comparison-than", lex.COMPARISON_THAN, text, offset);
    regexHits(hits, "superlative-word", lex.SUPERLATIVE_WORD, text, offset);
    regexHits(hits, "attribution", lex.ATTRIBUTION, text, offset);
    regexHits(hits, "negation", lex.NEGATION, text, offset);
    regexHits(hits, "hedge", lex.HEDGE, text, offset);
    regexHits(hits, "causal", lex.CAUSAL, text, offset);
    regexHits(hits, "absolute", lex.ABSOLUTE, text, offset);
    regexHits(hits, "trend", lex.TREND, text, offset);
    regexHits(hits, "first-person", lex.FIRST_PERSON, text, offset);
    regexHits(hits, "we", lex.WE, text, offset);
    regexHits(hits, "you", lex.YOU, text, offset);
    regexHits(hits, "future", lex.FUTURE, text, offset);
  } else {
    regexHits(hits, "number", lex.NEUTRAL_NUMBER, text, offset);
    regexHits(hits, "percentage", lex.NEUTRAL_PERCENT, text, offset);
    regexHits(hits, "money", lex.NEUTRAL_MONEY, text, offset);
  }
  for (const t of findTimeExpressions(text, offset, ref, ctx.english)) hits.push({ feature: "date", phrase: t.phrase, start: t.start, end: t.end });
  for (const d of detectDatedReferences(text, offset, ctx.publishedAt, { english: ctx.english, now: ctx.now })) {
    hits.push({ feature: "dated-reference", phrase: d.phrase, start: d.start, end: d.end });
  }
  return { hits, ngrams: ctx.english ? ngrams(text, offset) : [], tagged: false };
}

const TAG_MATCHES: Array<[string, string]> = [
  ["comparative", "#Comparative"],
  ["superlative", "#Superlative"],
  ["person", "#Person+"],
  ["place", "#Place+"],
  ["organization", "#Organization+"],
  ["past-tense", "#PastTense"],
];

/** Where `phrase` sits in `text`, searching from `from`; compromise's own offsets drift around quote marks. */
function locate(text: string, phrase: string, from: number): number {
  const i = text.indexOf(phrase, from);
  return i >= 0 ? i : text.indexOf(phrase);
}

/** The compromise tier, added in place (English only; a no-op for other languages). */
export function addTaggedFeatures(f: SentenceFeatures, text: string, offset: number, ctx: FeatureContext): SentenceFeatures {
  if (f.tagged) return f;
  f.tagged = true;
  if (!ctx.english) return f;
  const doc = nlp(text);
  for (const [feature, pattern] of TAG_MATCHES) {
    let from = 0;
    for (const phrase of doc.match(pattern).out("array") as string[]) {
      const clean = phrase.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      const at = clean ? locate(text, clean, from) : -1;
      if (at < 0) continue;
      from = at + clean.length;
      f.hits.push({ feature, phrase: clean, start: offset + at, end: offset + at + clean.length });
    }
  }
  return f;
}

export function extractFeatures(text: string, offset: number, ctx: FeatureContext): SentenceFeatures {
  return addTaggedFeatures(cheapFeatures(text, offset, ctx), text, offset, ctx);
}

/** The model's input: the distinct names of what fired ("f:number", "u:tax", "b:we have"). */
export function featureNames(f: SentenceFeatures, english: boolean): Set<string> {
  const names = new Set<string>();
  for (const h of f.hits) if (english || NEUTRAL_FEATURES.has(h.feature)) names.add(`f:${h.feature}`);
  for (const g of f.ngrams) names.add(g.gram);
  return names;
}
