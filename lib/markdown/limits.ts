// Whether user Markdown (rationales, comments) is safe to hand to the Markdown
// renderer (react-markdown → micromark). Pure and linear: one pass over the text.
//
// micromark is super-linear on some shapes and recursive on others, measured
// through react-markdown on this machine:
// - nested containers: 3,000 nested `>` overflow the stack after 6 s of CPU;
//   4,000 list markers on one line ("- - - … x") 58 s, then a stack overflow;
// - emphasis delimiters: resolving them scans back over the open ones, so
//   `*a` × 10,000 takes 3.4 s, × 16,000 8 s, and 16,000 `*` around one letter 6 min;
// - brackets: 16,000 `[a](` 4 s; link reference definitions ~0.7 ms each;
// - backticks: `` ``a `` × 16,000 1 s.
// Below the limits here the worst of these renders in tens of milliseconds; an
// ordinary rationale (a few links, some emphasis, a list or two) is far below
// them. Text over a limit is shown as plain text, not refused.

export const MARKDOWN_LIMITS = {
  /** A rationale's own limit (lib/claims/schema.ts); comments are shorter. */
  length: 20_000,
  /** Lines: every block costs its share of the tree, and see `containers`. */
  lines: 300,
  /** Containers (block quotes, list items) open at once, from markers and indentation. */
  depth: 8,
  /**
   * Container markers in all. Closing a container, like a setext heading,
   * re-copies micromark's whole event list (micromark-util-edit-map), so these
   * cost containers × text: 500 list items took 350 ms, 500 lines of
   * "- - - - - - - - x" 3.6 s, 2,000 setext headings ("a\n=\n") 4.5 s.
   */
  containers: 100,
  /** `*` and `_`: emphasis delimiters (and list bullets). */
  emphasis: 300,
  /** `[`: links, images, references. */
  brackets: 100,
  /** Backticks: code spans and fences. */
  backticks: 100,
  /** `\` and `&`: each escape or character reference is tokens and nodes of its own (20,000 backslashes 460 ms). */
  escapes: 300,
  /** `<`: an autolink is ~10 events; 1,000 beside 150 containers and 135 setext headings took 600 ms. */
  angles: 50,
} as const;

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CR = 0x0d;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isBlankOrEnd = (c: number) => c === SPACE || c === TAB || c === NEWLINE || c === CR || Number.isNaN(c);

/**
 * If a container marker starts at i (`>`, a bullet `-` `+` `*`, or an ordered
 * `1.` / `1)` followed by a blank or the line end), the index just past it; else -1.
 */
function markerEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x3e) return i + 1;
  if (c === 0x2d || c === 0x2b || c === 0x2a) return isBlankOrEnd(text.charCodeAt(i + 1)) ? i + 1 : -1;
  let j = i;
  while (j < i + 9 && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return -1;
  const d = text.charCodeAt(j);
  return (d === 0x2e || d === 0x29) && isBlankOrEnd(text.charCodeAt(j + 1)) ? j + 1 : -1;
}

/**
 * Container markers at line starts, in all, and the deepest nesting over all
 * lines, counted generously: on a line that opens a container, each marker at
 * its start counts one, and so does every two columns of indentation before the
 * first (nested lists nest by indentation).
 */
export function containerStats(text: string): { depth: number; markers: number } {
  let deepest = 0;
  let total = 0;
  let i = 0;
  while (i < text.length) {
    let markers = 0;
    let indent = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        if (markers === 0) indent += c === TAB ? 4 : 1;
        i++;
        continue;
      }
      const end = markerEnd(text, i);
      if (end === -1) break;
      markers++;
      i = end;
    }
    if (markers > 0) deepest = Math.max(deepest, markers + (indent >> 1));
    total += markers;
    // On to the next line; micromark ends lines at \n, \r and \r\n alike.
    while (i < text.length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== CR) i++;
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === NEWLINE) i++;
    i++;
  }
  return { depth: deepest, markers: total };
}

/** Why `text` would not be rendered as Markdown, or null when it may be. */
export function markdownLimitExceeded(text: string): keyof typeof MARKDOWN_LIMITS | null {
  if (text.length > MARKDOWN_LIMITS.length) return "length";
  let emphasis = 0;
  let brackets = 0;
  let backticks = 0;
  let lines = 1;
  let escapes = 0;
  let angles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2a || c === 0x5f) emphasis++;
    else if (c === 0x5b) brackets++;
    else if (c === 0x60) backticks++;
    else if (c === 0x5c || c === 0x26) escapes++;
    else if (c === 0x3c) angles++;
    else if (c === NEWLINE || (c === CR && text.charCodeAt(i + 1) !== NEWLINE)) lines++;
  }
  if (lines > MARKDOWN_LIMITS.lines) return "lines";
  if (emphasis > MARKDOWN_LIMITS.emphasis) return "emphasis";
  if (brackets > MARKDOWN_LIMITS.brackets) return "brackets";
  if (backticks > MARKDOWN_LIMITS.backticks) return "backticks";
  if (escapes > MARKDOWN_LIMITS.escapes) return "escapes";
  if (angles > MARKDOWN_LIMITS.angles) return "angles";
  const containers = containerStats(text);
  if (containers.depth > MARKDOWN_LIMITS.depth) return "depth";
  if (containers.markers > MARKDOWN_LIMITS.containers) return "containers";
  return null;
}

/** True when `text` may be rendered as Markdown; otherwise show it as plain text. */
export function markdownRenderable(text: string): boolean {
  return markdownLimitExceeded(text) === null;
}
