// Ranking quality the way CLEF CheckThat! 2019 Task 1 measured it: average precision of
// each debate's ranking, then the mean over debates (MAP), never pooled across debates.
import { seededShuffle } from "@/lib/random";

/** Average precision of a ranking given its labels in ranked order (1 = check-worthy). 0 when nothing is positive. */
export function averagePrecision(rankedLabels: readonly number[]): number {
  let hits = 0;
  let sum = 0;
  rankedLabels.forEach((label, i) => {
    if (label > 0) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return hits ? sum / hits : 0;
}

/** Indices ordered by score, best first; ties keep the original order so the result is deterministic. */
export function orderByScore(scores: readonly number[]): number[] {
  return scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * "Sentences with a number first": digits, "%" or a scale word (hundred … trillion, percent).
 * Spelled-out small numbers ("one") are left out: "one of the" would drown the signal.
 */
export const HAS_NUMBER = /\p{N}|%|\b(?:hundred|thousand|million|billion|trillion|percent)s?\b/iu;

export type EvalRow = { debate: string; text: string; label: number };
export type DebateScore = { debate: string; sentences: number; positives: number; ap: number; randomAp: number; numbersFirstAp: number };
export type Evaluation = { map: number; randomMap: number; numbersFirstMap: number; debates: DebateScore[] };

/** Shuffles averaged for the random baseline: one shuffle's AP varies a lot on a 1:37 imbalance. */
export const RANDOM_RUNS = 50;

/**
 * MAP per debate of `scores` (one per row), beside two baselines computed on the same rows:
 * random order (mean AP over RANDOM_RUNS shuffles seeded seed, seed+1, …) and numbers first
 * (sentences matching HAS_NUMBER, each group in document order).
 */
export function evaluateRanking(rows: readonly EvalRow[], scores: readonly number[], seed = 16): Evaluation {
  const byDebate = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byDebate.get(r.debate) ?? [];
    list.push(i);
    byDebate.set(r.debate, list);
  });
  const debates: DebateScore[] = [];
  for (const [debate, idx] of [...byDebate].sort((a, b) => a[0].localeCompare(b[0]))) {
    const labels = idx.map((i) => rows[i].label);
    const ap = averagePrecision(orderByScore(idx.map((i) => scores[i])).map((j) => labels[j]));
    const randomAps: number[] = [];
    for (let r = 0; r < RANDOM_RUNS; r++) randomAps.push(averagePrecision(seededShuffle(labels, seed + r)));
    const numbersFirst = orderByScore(idx.map((i) => (HAS_NUMBER.test(rows[i].text) ? 1 : 0))).map((j) => labels[j]);
    debates.push({ debate, sentences: idx.length, positives: labels.filter((l) => l > 0).length, ap, randomAp: mean(randomAps), numbersFirstAp: averagePrecision(numbersFirst) });
  }
  return {
    map: mean(debates.map((d) => d.ap)),
    randomMap: mean(debates.map((d) => d.randomAp)),
    numbersFirstMap: mean(debates.map((d) => d.numbersFirstAp)),
    debates,
  };
}

/**
 * The date of a CLEF-2019 debate from its file name ("20160926_1pres.tsv" → 26 Sep 2016);
 * one file writes YYYYDDMM ("20182601_trump_world.tsv"), read as such. Used as the
 * publication date for the dated-reference feature.
 */
export function clefDebateDate(fileName: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(fileName);
  if (!m) return null;
  const year = Number(m[1]);
  let [month, day] = [Number(m[2]), Number(m[3])];
  if (month > 12 && day <= 12) [month, day] = [day, month];
  return new Date(Date.UTC(year, month - 1, day, 12));
}
