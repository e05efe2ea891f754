// From a publisher's rating in ClaimReview markup to Verity's nearest verdict.
// Publishers rate in their own words ("Pants on Fire!", "Four Pinocchios",
// "Faux", "Missing context") and sometimes on a numeric scale. The mapping is a
// documented table (README: "Importing past fact-checks"): the words first, then
// the scale; a rating neither explains stays "unmapped" and is shown as the
// publisher wrote it. Pure.
import { VERDICT_INFO, VERDICTS, type Verdict } from "@/lib/claims/constants";

export type RatingInput = { alternateName?: string; ratingValue?: number; bestRating?: number; worstRating?: number };
export type MappedRating = { verdict: Verdict | null; by: "label" | "scale" | "unmapped" };

/**
 * A rating's words, folded: lower case, accents and punctuation dropped, runs
 * of spaces made one ("Pants on Fire!" -> "pants on fire", "Trompeur" ->
 * "trompeur", "Irreführend" -> "irrefuhrend").
 */
export function foldLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // NFKD leaves ß whole: "Größtenteils" must meet "grosstenteils".
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Labels as publishers write them, folded, and the verdict each is nearest to.
 * Sources: the rating scales that PolitiFact, Snopes, The Washington Post Fact
 * Checker, Full Fact, AFP Fact Check, Reuters Fact Check, Lead Stories, Africa
 * Check, Maldita/Newtral (es), Les Décodeurs/AFP Factuel (fr), Correctiv (de),
 * Lupa/Aos Fatos (pt) and Pagella Politica (it) publish, plus Verity's own
 * labels (so Verity's published ClaimReview round-trips).
 */
const LABELS: [Verdict, string[]][] = [
  ["TRUE", ["true", "correct", "accurate", "correct attribution", "geppetto checkmark", "verdadero", "verdadeiro", "verdade", "vrai", "richtig", "wahr", "vero", "cierto", "waar", "factual", "confirmed"]],
  ["MOSTLY_TRUE", ["mostly true", "mostly correct", "mostly accurate", "largely accurate", "largely true", "one pinocchio", "mostly-true", "mayormente verdadero", "en gran parte cierto", "plutot vrai", "c est plus complique vrai", "weitgehend richtig", "groesstenteils richtig", "grosstenteils richtig", "quasi vero", "c eri quasi", "verdadeiro mas"]],
  ["MIXED", ["half true", "mixture", "mixed", "partly true", "partially true", "half right", "two pinocchios", "medio verdadero", "verdad a medias", "a medias", "moitie vrai", "en partie vrai", "teilweise richtig", "halb richtig", "ni", "exagerado"]],
  ["MOSTLY_FALSE", ["mostly false", "mostly inaccurate", "largely false", "largely inaccurate", "partly false", "partially false", "three pinocchios", "mayormente falso", "en gran parte falso", "plutot faux", "en partie faux", "partiellement faux", "weitgehend falsch", "groesstenteils falsch", "grosstenteils falsch", "teilweise falsch", "impreciso", "parcialmente falso", "pinocchio andante"]],
  ["FALSE", ["false", "incorrect", "inaccurate", "wrong", "pants on fire", "four pinocchios", "fake", "hoax", "scam", "fabricated", "baseless", "no evidence", "falso", "falsa", "faux", "fausse", "falsch", "frei erfunden", "onwaar", "fake news", "bufala", "panzana pazzesca", "not true", "untrue", "debunked"]],
  ["MISLEADING", ["misleading", "missing context", "lacks context", "needs context", "cherry picks", "miscaptioned", "misattributed", "altered", "manipulated", "distorts the facts", "spins the facts", "exaggerated", "exaggeration", "out of context", "satire", "labeled satire", "enganoso", "engañoso", "enganosa", "trompeur", "trompeuse", "sorti de son contexte", "manque de contexte", "irrefuhrend", "fehlender kontext", "fuorviante", "sin contexto", "descontextualizado"]],
  ["OUTDATED", ["outdated", "out of date", "no longer true", "obsolete", "desactualizado", "perime", "veraltet", "superato"]],
  ["UNVERIFIABLE", ["unproven", "unverifiable", "unverified", "unsupported", "research in progress", "not enough evidence", "insufficient evidence", "inconclusive", "unsubstantiated", "cannot be verified", "no se puede probar", "insostenible", "invérifiable", "inverifiable", "non verifiable", "unbelegt", "nicht belegt", "unbewiesen", "non verificabile", "sem evidencias", "insustentavel"]],
];

const BY_LABEL: Map<string, Verdict> = (() => {
  const m = new Map<string, Verdict>();
  for (const v of VERDICTS) {
    m.set(foldLabel(v), v);
    m.set(foldLabel(VERDICT_INFO[v].label), v);
  }
  for (const [verdict, labels] of LABELS) for (const l of labels) m.set(foldLabel(l), verdict);
  return m;
})();

/** The table as documented: each verdict and the (folded) labels that map to it. */
export function labelTable(): Record<Verdict, string[]> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, [] as string[]])) as Record<Verdict, string[]>;
  for (const [label, v] of BY_LABEL) out[v].push(label);
  return out;
}

/**
 * Where a value sits on the publisher's scale (0 = worst, 1 = best) and the
 * verdict for it: the five true–false verdicts cut the scale in equal fifths,
 * so a 1–5 scale maps 5 -> True … 1 -> False, as Verity's own markup does.
 */
function byScale(value: number, best: number, worst: number): Verdict | null {
  if (!Number.isFinite(value) || !Number.isFinite(best) || !Number.isFinite(worst) || best === worst) return null;
  const at = (value - worst) / (best - worst);
  if (at < -1e-9 || at > 1 + 1e-9) return null;
  const steps: Verdict[] = ["FALSE", "MOSTLY_FALSE", "MIXED", "MOSTLY_TRUE", "TRUE"];
  return steps[Math.min(4, Math.max(0, Math.round(at * 4)))];
}

/**
 * The nearest verdict: the label when the table knows it (whole, or its first
 * sentence: "False. The photo was taken in 2015" -> False); else the numeric
 * scale when the rating gives a value (bestRating 5 and worstRating 1 when
 * absent, schema.org's defaults); else unmapped.
 */
export function mapRating(rating: RatingInput): MappedRating {
  const label = rating.alternateName ? foldLabel(rating.alternateName) : "";
  if (label) {
    const whole = BY_LABEL.get(label);
    if (whole) return { verdict: whole, by: "label" };
    const first = rating.alternateName ? foldLabel(rating.alternateName.split(/[.!;:(—–]|\s-\s/)[0] ?? "") : "";
    const head = first && BY_LABEL.get(first);
    if (head) return { verdict: head, by: "label" };
  }
  if (rating.ratingValue !== undefined) {
    const v = byScale(rating.ratingValue, rating.bestRating ?? 5, rating.worstRating ?? 1);
    if (v) return { verdict: v, by: "scale" };
  }
  return { verdict: null, by: "unmapped" };
}
