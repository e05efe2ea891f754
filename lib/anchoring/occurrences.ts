// Every occurrence of a quote in a text, in order, in time linear in the text
// whatever the two hold. A loop of String.prototype.indexOf is not: V8 builds
// its skip tables from at most the last 250 characters of the pattern, so a
// long quote whose earlier part keeps failing late (a run of "a" with one "#"
// in the middle, searched in a run of "a": 3 s for 10,000 in 900,000) re-reads
// most of the quote at every position; and calling indexOf again from each hit
// re-reads the whole quote per hit, which is one per position in repetitive text.

/** What V8's indexOf searches with its full Boyer–Moore tables (kBMMaxShift). */
const INDEXOF_MAX = 250;

/** The Knuth–Morris–Pratt failure function: border[i] is the longest proper border of s[0..i]. */
function borders(s: string): Int32Array {
  const border = new Int32Array(s.length);
  let k = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    while (k > 0 && c !== s.charCodeAt(k)) k = border[k - 1];
    if (c === s.charCodeAt(k)) k++;
    border[i] = k;
  }
  return border;
}

/** A reusable search for `pattern` (non-empty): call it on each text to visit every start, ascending. */
export function occurrenceFinder(pattern: string): (text: string, visit: (start: number) => void) => void {
  const len = pattern.length;
  const border = borders(pattern);
  if (len <= INDEXOF_MAX) {
    // After a hit at j the next one is no closer than the smallest period p, and
    // is exactly at j + p when the text goes on repeating the last p characters.
    const p = len - border[len - 1];
    const tail = pattern.slice(len - p);
    return (text, visit) => {
      for (let j = text.indexOf(pattern); j !== -1; j = text.startsWith(tail, j + len) ? j + p : text.indexOf(pattern, j + 1)) visit(j);
    };
  }
  // Longer: indexOf finds the last INDEXOF_MAX characters (fast, and linear at
  // that length) and startsWith checks the rest. Ordinary text has few such
  // candidates; once checking them has cost a few passes over the text, the rest
  // is searched with Knuth–Morris–Pratt, linear whatever the input.
  const offset = len - INDEXOF_MAX;
  const piece = pattern.slice(offset);
  const kmp = (text: string, from: number, visit: (start: number) => void) => {
    let k = 0;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (k > 0 && c !== pattern.charCodeAt(k)) k = border[k - 1];
      if (c === pattern.charCodeAt(k)) k++;
      if (k === len) {
        visit(i + 1 - len);
        k = border[len - 1];
      }
    }
  };
  return (text, visit) => {
    let allowance = 4 * text.length;
    for (let h = text.indexOf(piece, offset); h !== -1; h = text.indexOf(piece, h + 1)) {
      const j = h - offset;
      allowance -= len;
      if (allowance < 0) return kmp(text, j, visit);
      if (text.startsWith(pattern, j)) visit(j);
    }
  };
}
