// How "Checked before" scores an earlier claim or fact-check against a text:
// BM25 (Robertson & Zaragoza 2009) over the words PostgreSQL indexes for it
// (its "searchVector": stemmed in its language, accents folded), with
// idf from the claims and fact-checks together, each kind's own average length,
// and a word's weight class scaling its count (claim text and the fact-check's
// claim and headline count fully; a claim's quote and rationale, a fact-check's
// claimant and publisher, half). Tuned on the CLEF-2020 CheckThat! Task 2
// training tweets (README: "Checked before"). Pure.

export const BM25_K1 = 1.2;
/** Length normalisation: claims are short and a headline that restates the claim should not cost it much (0.75 is the textbook value; 0.5 scored higher on both halves of the training set). */
export const BM25_B = 0.5;
/** Weight classes (tsvector A–D) as fractions of an occurrence. */
export const WEIGHT_CLASS = { A: 1, B: 0.5, C: 0.5, D: 0.25 } as const;
/**
 * Candidates come from the GIN index by the query's rarest words, as many as
 * keep each kind's candidates under this many rows; commoner words still
 * score for the candidates that have them. A word in more rows than this
 * (a quarter of all claims say "said") cannot make a candidate alone: its idf
 * is too low to lift anything into the first 20. (On the CLEF tweets, 750 and
 * 1,500 rank identically to MAP@5's third decimal; 750 is a third faster.)
 */
export const CANDIDATE_ROWS = 750;
/** When even the rarest word is that common: candidates must hold the few rarest words together. */
export const FALLBACK_WORDS = 3;

export type CollectionStats = { n: number; avgdl: number };
export type TermStats = { lexeme: string; claims: number; factchecks: number };

/** ln(1 + (N − df + 0.5) / (df + 0.5)): never negative (a count newer than N is read as N). */
export function idf(n: number, df: number): number {
  const d = Math.min(Math.max(df, 0), n);
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

export type CandidatePlan = { lexemes: string[]; op: "|" | "&" } | null;

/**
 * Which words select one kind's candidates: the rarest first while their row
 * counts add up to at most CANDIDATE_ROWS (an OR), else the FALLBACK_WORDS
 * rarest together (an AND). A word counted in no row still selects (the count
 * may be a minute old, and a new row must be found at once; if it is really
 * in none, the index answers that for nothing). Null for no words.
 */
export function planCandidates(terms: ReadonlyArray<{ lexeme: string; df: number }>, cap = CANDIDATE_ROWS): CandidatePlan {
  const present = [...terms].sort((a, b) => a.df - b.df || (a.lexeme < b.lexeme ? -1 : 1));
  if (!present.length) return null;
  const picked: string[] = [];
  let rows = 0;
  for (const t of present) {
    if (rows + t.df > cap) break;
    rows += t.df;
    picked.push(t.lexeme);
  }
  if (picked.length) return { lexemes: picked, op: "|" };
  return { lexemes: present.slice(0, FALLBACK_WORDS).map((t) => t.lexeme), op: "&" };
}
