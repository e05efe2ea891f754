// Search snippets: PostgreSQL's ts_headline marks the matched words in the
// original text but escapes nothing, so it is asked to mark them with two
// private-use characters (removed from the text beforehand, so every one in
// its output is a mark). Here the text is HTML-escaped and only then are those
// characters turned into <mark> and </mark>: the one piece of markup a snippet
// may hold. The browser splits the snippet back into text runs and marked runs
// (parseSnippet) and renders them as React text: nothing is set as HTML.
// ts_headline also drops what its parser takes for XML tags and entities
// ("<script>", "&amp;"), so an article quoting markup would lose it: "<", ">"
// and "&" travel through it as private-use characters too (HIDE), put back here.
// Pure: no Next, no Prisma.

/** Starts and stops a marked run in ts_headline's output (Unicode private use area). */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";
/** What "<", ">" and "&" become on their way through ts_headline. */
export const HIDE = { from: "<>&", to: "\uE002\uE003\uE004" } as const;
/** Every private-use character above: removed from the text before it is hidden and marked. */
export const RESERVED = "\uE000\uE001\uE002\uE003\uE004";

const UNHIDE: Record<string, string> = { "\uE002": "<", "\uE003": ">", "\uE004": "&" };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const UNESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e]);
}

/**
 * ts_headline's output (marked with MARK_START/MARK_STOP) as the API's snippet:
 * whitespace folded to single spaces, everything escaped, marks balanced
 * (a stray stop is dropped, an open mark is closed at the end), and the marks
 * of neighbouring words joined ("<mark>sharp rise</mark>" for a phrase).
 */
export function markedSnippet(raw: string): string {
  let out = "";
  let open = false;
  for (const part of raw.replace(/\s+/g, " ").trim().split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === MARK_STOP) {
      if (open) out += "</mark>";
      open = false;
    } else {
      out += escapeHtml(part.replace(/[\uE002-\uE004]/g, (c) => UNHIDE[c]));
    }
  }
  if (open) out += "</mark>";
  return out.replace(/<\/mark>( +)<mark>/g, "$1").replace(/<mark><\/mark>/g, "");
}

export type SnippetRun = { text: string; marked: boolean };

/**
 * A snippet as text runs, for rendering as React text and <mark> elements.
 * Only <mark>…</mark> is read as markup; anything else stays text.
 */
export function parseSnippet(snippet: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) runs.push({ text: unescapeHtml(snippet.slice(at, m.index)), marked: false });
    if (m[1]) runs.push({ text: unescapeHtml(m[1]), marked: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) runs.push({ text: unescapeHtml(snippet.slice(at)), marked: false });
  return runs;
}

/** The first marked words of a snippet (unescaped), or null when nothing is marked. */
export function firstMarked(snippet: string): string | null {
  return parseSnippet(snippet).find((r) => r.marked && r.text.trim())?.text.trim() ?? null;
}

/**
 * A URL text fragment (`#:~:text=…`) that makes the browser scroll to and
 * highlight `words`. `-`, `,` and `&` are the directive's own syntax, so they
 * are percent-encoded as well.
 */
export function textFragment(words: string): string {
  return `#:~:text=${encodeURIComponent(words).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
