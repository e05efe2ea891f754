// Shapes shared by the ranker's modules. Offsets are UTF-16 code unit indexes into the
// article's canonical text (what `String.prototype.slice` uses), end exclusive.

/** Why a span is worth checking, and the words that made the ranker think so. */
export type Reason = {
  /** Stable code: "statistic", "comparison", "attribution", "causal-claim", "dated-reference", … */
  kind: string;
  /** Readable label shown to the reviewer: "statistic", "comparison", "causal claim", "dated reference", … */
  label: string;
  /** The text that triggered it: text.slice(start, end). */
  phrase: string;
  start: number;
  end: number;
};

export type Suggestion = {
  start: number;
  end: number;
  /** text.slice(start, end) */
  exact: string;
  /** Ranking score in (0, 1): sigmoid of the model's logit. Higher is more worth checking; not a calibrated probability. */
  score: number;
  /** Strongest first; never empty. */
  reasons: Reason[];
  /**
   * "sentence": a whole sentence. "phrase": the narrower date phrase of a dated reference inside the
   * sentence suggested just before it (same score, so it sorts right after its sentence).
   */
  scope: "sentence" | "phrase";
};

/** A named feature that fired on a sentence, with its trigger (offsets into the article text). */
export type FeatureHit = { feature: string; phrase: string; start: number; end: number };

export type SentenceSpan = { start: number; end: number; text: string };
