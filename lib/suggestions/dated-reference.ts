// The dated-reference detector: time expressions that place something in the past, with
// a date far from the article's publication date ("targeted Iran's nuclear facilities in
// November 2007", in an article of June 2019) or tied to a word of novelty or duration
// ("the first since 2007", "since May"). Such sentences age badly and are worth checking
// against what is known now; the date phrase itself is offered as a narrower span.
//
// The reference date is the article's publishedAt. When it is unknown (null), "now" (the
// moment of suggesting, or `now` when given, for tests) stands in: an undated article is
// read as if published today, so only dates far in the past of today are flagged.
import * as chrono from "chrono-node";
import { DATE_CUE, PREPOSITION_BEFORE_DATE } from "./lexicon";

export type TimeExpression = {
  start: number;
  end: number;
  phrase: string;
  /** The start of the period the expression names. */
  date: Date;
  /** The last moment of that period ("2007" → end of 2007; "November 2007" → end of November 2007). */
  periodEnd: Date;
};
export type DatedReference = TimeExpression & { why: "far" | "cue"; cue?: string };

/** More than this between the end of the named period and publication makes a date "far". */
export const FAR_DAYS = 365;
const DAY = 86_400_000;
/** A standalone year or decade: "2007", "1990s" (19xx and 20xx only). */
const YEAR = /(?<![\p{L}\p{N}$€£.,])(1[89]\d\d|20\d\d)(s)?(?![\p{N}%]|[.,]\d)/gu;
/** What may stand before a bare year in English for it to be read as one ("in 2010", "a 2015 agreement"). */
const BEFORE_YEAR_EN = /(?:^|[^\p{L}])(?:in|since|from|by|until|till|before|after|during|of|the|a|an|early|late|mid-?|around|circa|year|between|and|to)\s*$/iu;
/** Expressions that name the present, not a date in the past. */
const NOW_LIKE = /^(?:right now|now|today|tonight|currently|at present|this (?:morning|afternoon|evening))$/i;
const CHRONO_HINT = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|ago|last|week|month|year|decade|century)/i;

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s,.;:!?)"”’]/u.test(text[end - 1])) end--;
  while (start < end && /[\s("“‘]/u.test(text[start])) start++;
  return [start, end];
}

function chronoExpressions(sentence: string, ref: Date): Array<Omit<TimeExpression, "phrase">> {
  if (!CHRONO_HINT.test(sentence)) return [];
  const out: Array<Omit<TimeExpression, "phrase">> = [];
  for (const r of chrono.en.casual.parse(sentence, ref)) {
    const [start, end] = trimSpan(sentence, r.index, r.index + r.text.length);
    if (start >= end || NOW_LIKE.test(sentence.slice(start, end))) continue;
    const date = r.start.date();
    const c = r.start;
    // An imprecise date names a period; it is "far" only if the whole period is.
    let periodEnd = date;
    if (c.isCertain("year") && !c.isCertain("month")) periodEnd = new Date(Date.UTC(c.get("year")!, 11, 31, 23, 59, 59));
    else if (c.isCertain("month") && !c.isCertain("day")) periodEnd = new Date(Date.UTC(c.get("year")!, c.get("month")!, 0, 23, 59, 59));
    out.push({ start, end, date, periodEnd });
  }
  return out;
}

function yearExpressions(sentence: string, english: boolean): Array<Omit<TimeExpression, "phrase">> {
  const out: Array<Omit<TimeExpression, "phrase">> = [];
  for (const m of sentence.matchAll(YEAR)) {
    if (english && !BEFORE_YEAR_EN.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    const year = Number(m[1]);
    const lastYear = m[2] ? year + 9 : year;
    out.push({ start: m.index, end: m.index + m[0].length, date: new Date(Date.UTC(year, 0, 1)), periodEnd: new Date(Date.UTC(lastYear, 11, 31, 23, 59, 59)) });
  }
  return out;
}

/**
 * Every time expression in `sentence` (chrono's English parser plus bare years; bare years
 * only for other languages). Offsets are `offset` + the index in `sentence`.
 */
export function findTimeExpressions(sentence: string, offset: number, ref: Date, english = true): TimeExpression[] {
  const found = english ? chronoExpressions(sentence, ref) : [];
  for (const y of yearExpressions(sentence, english)) if (!found.some((f) => f.start < y.end && y.start < f.end)) found.push(y);
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => ({ ...f, start: f.start + offset, end: f.end + offset, phrase: sentence.slice(f.start, f.end) }));
}

/**
 * Dated references in one sentence of an article. `offset` is where the sentence starts in the
 * article text; returned spans are article offsets and cover the date phrase with the
 * preposition before it when there is one ("in November 2007").
 */
export function detectDatedReferences(
  sentence: string,
  offset: number,
  publishedAt: Date | null | undefined,
  opts: { english?: boolean; now?: Date } = {},
): DatedReference[] {
  const english = opts.english ?? true;
  const ref = publishedAt ?? opts.now ?? new Date();
  const out: DatedReference[] = [];
  for (const t of findTimeExpressions(sentence, offset, ref, english)) {
    const local = t.start - offset;
    const past = t.date.getTime() <= ref.getTime() - DAY;
    if (!past) continue;
    const far = ref.getTime() - t.periodEnd.getTime() > FAR_DAYS * DAY;
    let cue: string | undefined;
    if (english) {
      // "since" binds to what follows it ("since May"); the others may also follow ("2007, the first").
      const before = [...sentence.slice(Math.max(0, local - 60), local).matchAll(DATE_CUE)].map((m) => m[0]);
      const after = [...sentence.slice(t.end - offset, t.end - offset + 30).matchAll(DATE_CUE)].map((m) => m[0]).filter((c) => !/since/i.test(c));
      cue = before.pop() ?? after[0];
    }
    if (!far && !cue) continue;
    let start = local;
    const prep = english ? PREPOSITION_BEFORE_DATE.exec(sentence.slice(Math.max(0, local - 12), local)) : null;
    if (prep) start = local - prep[0].length + prep[0].indexOf(prep[1]);
    const end = t.end - offset;
    out.push({ ...t, start: start + offset, end: end + offset, phrase: sentence.slice(start, end), why: far ? "far" : "cue", ...(cue ? { cue } : {}) });
  }
  return out;
}
