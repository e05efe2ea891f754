// suggestForText: the sentences of an article most worth checking, best first, each with
// the reasons a reviewer can read and the words that triggered them.
//
// Output shape: one item per sentence (scope "sentence"); a sentence with a dated reference
// is followed by one item per date phrase in it (scope "phrase", same score, reasons
// [dated reference]), so "Create claim" can select just "in November 2007". Sorting the
// items by score then start keeps each phrase right after its sentence. `limit` counts
// items of both scopes.
//
// Speed: the compromise tagger is the slow part (ms per sentence). Each sentence is first
// scored on the cheap features; the tagged features can add at most model.taggedBound to
// that, so sentences whose cheap score plus that bound cannot beat the current limit-th
// result (or minScore) are never tagged. The result is the same as tagging everything.
import { addTaggedFeatures, cheapFeatures, FEATURES, featureNames, NEUTRAL_FEATURES, type FeatureContext, type SentenceFeatures } from "./features";
import { defaultModel, logit, logitOf, sigmoid, type Model } from "./model";
import { isEnglish, splitSentences } from "./sentences";
import type { FeatureHit, Reason, Suggestion } from "./types";

export type SuggestOptions = {
  /** The article's publication date; null or absent → dates are judged against now. */
  publishedAt?: Date | null;
  /** BCP 47 tag. Null/absent or "en…" → the full English model; anything else → language-neutral features only. */
  language?: string | null;
  /** Most items returned (sentences and phrases together). Default 20. */
  limit?: number;
  /**
   * Drop sentences scoring below this. Default 0.5: with balanced class weights, "more likely
   * check-worthy than not". Sentences with a dated reference are kept whatever their score: the
   * detector is a rule the newsroom asked for, while the debates the model learned from gave
   * dates a slightly negative weight (fact-checkers of debates rarely picked a sentence for its date).
   */
  minScore?: number;
  model?: Model;
  /** Stand-in for the current time (tests). */
  now?: Date;
  /** Tag every sentence instead of pruning (tests compare the two). */
  exhaustive?: boolean;
};

export const DEFAULT_LIMIT = 20;
export const DEFAULT_MIN_SCORE = 0.5;
const MAX_REASONS = 5;
const MAX_PER_FEATURE = 2;
/** An n-gram weight above this is shown as "wording often checked" when it is the sentence's strongest. */
const WORDING_MIN = 0.3;
/** Function words are never shown as "wording": their weight is real but means nothing to a reader. */
const STOPWORDS = new Set("the a an of to in on at for and or but is are was were be been it its this that these those he she they we i you his her their our my as by with from not no so if than then there here have has had do does did will would can could".split(" "));

const contains = (a: FeatureHit, b: FeatureHit) => a.start <= b.start && b.end <= a.end && a !== b;
const overlaps = (a: FeatureHit, b: FeatureHit) => a.start < b.end && b.start < a.end;

/** The readable reasons for a scored sentence: fired features that raised its score, strongest first. */
export function reasonsFor(f: SentenceFeatures, model: Model, english: boolean): Reason[] {
  const hits = f.hits.filter((h) => FEATURES[h.feature]?.kind && h.phrase && (english || NEUTRAL_FEATURES.has(h.feature)));
  const kept = hits.filter((h) => {
    const kind = FEATURES[h.feature].kind;
    if (hits.some((o) => FEATURES[o.feature].kind === kind && contains(o, h))) return false; // "5" inside "5%"
    if (h.feature === "number" && hits.some((o) => (o.feature === "date" || o.feature === "dated-reference") && overlaps(o, h))) return false; // a year is not a statistic
    if (h.feature === "date" && hits.some((o) => o.feature === "dated-reference" && overlaps(o, h))) return false;
    return true;
  });
  const weightOf = (h: FeatureHit) => (h.feature === "dated-reference" ? Infinity : (model.weights.get(`f:${h.feature}`) ?? 0));
  const ranked = kept.filter((h) => weightOf(h) > 0).sort((a, b) => weightOf(b) - weightOf(a) || a.start - b.start);
  const perFeature = new Map<string, number>();
  const reasons: Reason[] = [];
  for (const h of ranked) {
    const n = perFeature.get(h.feature) ?? 0;
    if (n >= MAX_PER_FEATURE || reasons.length >= MAX_REASONS) continue;
    perFeature.set(h.feature, n + 1);
    const info = FEATURES[h.feature];
    reasons.push({ kind: info.kind!, label: info.label!, phrase: h.phrase, start: h.start, end: h.end });
  }
  if (reasons.length < MAX_REASONS) {
    let best: { w: number; g: (typeof f.ngrams)[number] } | null = null;
    for (const g of f.ngrams) {
      const w = model.weights.get(g.gram) ?? 0;
      if (w >= WORDING_MIN && (!best || w > best.w) && !g.gram.slice(2).split(" ").every((t) => STOPWORDS.has(t) || /^0$/.test(t))) best = { w, g };
    }
    if (best) reasons.push({ kind: "wording", label: "wording often checked", phrase: "", start: best.g.start, end: best.g.end });
  }
  return reasons;
}

export type ScoredSentence = { start: number; end: number; text: string; logit: number; score: number; reasons: Reason[]; features: SentenceFeatures };

function context(opts: SuggestOptions): FeatureContext & { english: boolean } {
  return { publishedAt: opts.publishedAt ?? null, english: isEnglish(opts.language), now: opts.now };
}

/** Score one piece of text as a single sentence (how the CLEF rows are evaluated). */
export function scoreSentence(text: string, opts: SuggestOptions = {}): ScoredSentence {
  const model = opts.model ?? defaultModel();
  const ctx = context(opts);
  const f = addTaggedFeatures(cheapFeatures(text, 0, ctx), text, 0, ctx);
  const z = logit(model, featureNames(f, ctx.english));
  return { start: 0, end: text.length, text, logit: z, score: sigmoid(z), reasons: withPhrases(reasonsFor(f, model, ctx.english), text), features: f };
}

function withPhrases(reasons: Reason[], text: string): Reason[] {
  return reasons.map((r) => ({ ...r, phrase: text.slice(r.start, r.end) }));
}

export function suggestForText(text: string, opts: SuggestOptions = {}): Suggestion[] {
  const model = opts.model ?? defaultModel();
  const ctx = context(opts);
  const limit = Math.max(0, opts.limit ?? DEFAULT_LIMIT);
  const minLogit = logitOf(opts.minScore ?? DEFAULT_MIN_SCORE);
  const bound = ctx.english ? model.taggedBound : 0;
  if (!limit) return [];

  const candidates = splitSentences(text, opts.language).map((s) => {
    const f = cheapFeatures(s.text, s.start, ctx);
    return { s, f, cheap: logit(model, featureNames(f, ctx.english)) };
  });
  candidates.sort((a, b) => b.cheap - a.cheap || a.s.start - b.s.start);

  const kept: ScoredSentence[] = []; // best first
  for (const c of candidates) {
    const dated = c.f.hits.some((h) => h.feature === "dated-reference");
    if (!opts.exhaustive) {
      if (kept.length >= limit && c.cheap + bound < kept[limit - 1].logit) break;
      if (c.cheap + bound < minLogit && !dated) continue;
    }
    addTaggedFeatures(c.f, c.s.text, c.s.start, ctx);
    const z = logit(model, featureNames(c.f, ctx.english));
    if (z < minLogit && !dated) continue;
    const reasons = reasonsFor(c.f, model, ctx.english);
    if (!reasons.length) continue;
    const item: ScoredSentence = { ...c.s, logit: z, score: sigmoid(z), reasons: withPhrases(reasons, text), features: c.f };
    let at = kept.findIndex((k) => k.logit < z || (k.logit === z && k.start > item.start));
    if (at < 0) at = kept.length;
    kept.splice(at, 0, item);
  }

  const out: Suggestion[] = [];
  for (const k of kept) {
    if (out.length >= limit) break;
    out.push({ start: k.start, end: k.end, exact: k.text, score: k.score, reasons: k.reasons, scope: "sentence" });
    const seen = new Set<string>();
    for (const r of k.reasons) {
      if (r.kind !== "dated-reference" || out.length >= limit || seen.has(`${r.start}:${r.end}`)) continue;
      seen.add(`${r.start}:${r.end}`);
      out.push({ start: r.start, end: r.end, exact: r.phrase, score: k.score, reasons: [r], scope: "phrase" });
    }
  }
  return out;
}
