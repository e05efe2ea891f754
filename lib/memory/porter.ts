// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980),
// as in the author's reference implementations: English words to their stems
// ("connections", "connected", "connecting" -> "connect"). Used by the plain
// BM25 baseline (bm25.ts); the app itself stems in PostgreSQL (Snowball).
// Pure. Expects one lower-case word.

const STEP2: Record<string, string> = {
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al", entli: "ent", eli: "e", ousli: "ous",
  ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log",
};
const STEP3: Record<string, string> = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };

const c = "[^aeiou]"; // consonant
const v = "[aeiouy]"; // vowel
const C = `${c}[^aeiouy]*`; // consonant sequence
const V = `${v}[aeiou]*`; // vowel sequence
const MGR0 = new RegExp(`^(${C})?${V}${C}`); // measure > 0
const MEQ1 = new RegExp(`^(${C})?${V}${C}(${V})?$`); // measure = 1
const MGR1 = new RegExp(`^(${C})?${V}${C}${V}${C}`); // measure > 1
const HAS_VOWEL = new RegExp(`^(${C})?${v}`);
const CVC = new RegExp(`^${C}${v}[^aeiouwxy]$`);

export function porterStem(word: string): string {
  if (word.length < 3) return word;
  let w = word;
  // An initial y is a consonant: mark it so the vowel patterns skip it.
  const initialY = w[0] === "y";
  if (initialY) w = `Y${w.slice(1)}`;

  // Step 1a: plurals.
  let m: RegExpExecArray | null;
  if ((m = /^(.+?)(ss|i)es$/.exec(w))) w = m[1] + m[2];
  else if ((m = /^(.+?)([^s])s$/.exec(w))) w = m[1] + m[2];

  // Step 1b: -eed, -ed, -ing.
  if ((m = /^(.+?)eed$/.exec(w))) {
    if (MGR0.test(m[1])) w = w.slice(0, -1);
  } else if ((m = /^(.+?)(ed|ing)$/.exec(w))) {
    const stem = m[1];
    if (HAS_VOWEL.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += "e";
    }
  }

  // Step 1c: y -> i after a vowel in the stem.
  if ((m = /^(.+?)y$/.exec(w)) && HAS_VOWEL.test(m[1])) w = `${m[1]}i`;

  // Step 2: double suffixes to single ones.
  if ((m = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(w))) {
    if (MGR0.test(m[1])) w = m[1] + STEP2[m[2]];
  }

  // Step 3: -ic-, -full, -ness and the like.
  if ((m = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/.exec(w))) {
    if (MGR0.test(m[1])) w = m[1] + STEP3[m[2]];
  }

  // Step 4: -ant, -ence and the like, where the measure is over 1.
  if ((m = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/.exec(w))) {
    if (MGR1.test(m[1])) w = m[1];
  } else if ((m = /^(.+?)(s|t)(ion)$/.exec(w))) {
    const stem = m[1] + m[2];
    if (MGR1.test(stem)) w = stem;
  }

  // Step 5: a final -e, a final -ll.
  if ((m = /^(.+?)e$/.exec(w))) {
    const stem = m[1];
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);

  return initialY ? `y${w.slice(1)}` : w;
}
