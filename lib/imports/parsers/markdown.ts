// Markdown files: optional front matter, title from the front matter or the
// first "# heading" (else the first line), body rendered to HTML by marked.
import { Marked, type Token, type Tokens } from "marked";
import { containerStats } from "@/lib/markdown/limits";
import { pickFields } from "./fields";
import { htmlToPlainText } from "./html-text";
import { cleanText } from "./normalize";
import type { RawArticle } from "./types";

const marked = new Marked({ gfm: true, async: false });

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

// `.` stops at these; a value holding one did not match the old `(.*)$` patterns.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * "  - item" → "item" (what /^\s*-\s+(.*)$/ captures). Matched in two steps
 * because `\s+(.*)$` backtracks through every split of a blank run when the
 * rest holds a line separator: quadratic in the run's length.
 */
function listItem(line: string): string | undefined {
  const m = /^\s*-\s+/.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  return LINE_BREAK.test(rest) ? undefined : rest;
}

/** "key: value" → [, key, value] as /^([A-Za-z][\w -]*):\s*(.*)$/ matches it, in two linear steps (see listItem). */
function keyValue(line: string): [string, string, string] | undefined {
  const m = /^([A-Za-z][\w -]*):\s*/.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  return LINE_BREAK.test(rest) ? undefined : [m[0] + rest, m[1], rest];
}

/**
 * The YAML subset front matter uses in practice: `key: value`, quoted values,
 * inline lists `[a, b]` and block lists of `- item`. Not a YAML parser, and does
 * not need to be: unknown shapes are ignored.
 */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const lines = source.split("\n");
  if (lines[0]?.trim() !== "---") return { data: {}, body: source };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { data: {}, body: source };
  const data: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of lines.slice(1, end)) {
    const item = listItem(line);
    if (item !== undefined && listKey) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as string[]) : [];
      data[listKey] = [...list, unquote(item)];
      continue;
    }
    const m = keyValue(line);
    if (!m) continue;
    const value = m[2].trim();
    listKey = value ? undefined : m[1];
    if (/^\[.*\]$/.test(value)) data[m[1]] = value.slice(1, -1).split(",").map(unquote).filter(Boolean);
    else if (value) data[m[1]] = unquote(value);
  }
  return { data, body: lines.slice(end + 1).join("\n") };
}

/**
 * Titles are at most 500 characters; converting more of a runaway first line
 * only costs time (a 1 MB line of "<a " took marked and linkedom 13 s).
 */
const MAX_TITLE_SOURCE = 20_000;

function inlineText(markdown: string): string | undefined {
  return cleanText(htmlToPlainText(marked.parseInline(markdown.slice(0, MAX_TITLE_SOURCE)) as string));
}

/**
 * marked is super-linear on two shapes, measured: nesting (each level re-lexes
 * the lines inside it, and "- " × 2,000 on one line overflows the stack) and
 * emphasis (each `*` or `_` searches the rest of its paragraph for a closer:
 * "_a" × 20,000 in one paragraph took 1.2 s, a 1 MB one minutes). Bodies past
 * these limits are imported as plain text instead; real articles are far below them.
 */
const MARKED_MAX_DEPTH = 100;
/** Σ over paragraphs of (emphasis delimiters × paragraph length); ~0.3 s of marked at worst. */
const MARKED_MAX_EMPHASIS_WORK = 200_000_000;

/** What marked's emphasis matching costs, counted per blank-line-separated chunk. Linear. */
function emphasisWork(text: string): number {
  let work = 0;
  let chunkStart = 0;
  let delimiters = 0;
  for (let i = 0; i <= text.length; ) {
    let end = text.indexOf("\n", i);
    if (end === -1) end = text.length;
    let blank = true;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blank = false;
      // A delimiter that can open emphasis: not followed by a blank (so not a list bullet).
      if ((c === 0x2a || c === 0x5f) && j + 1 < end && !/\s/.test(text[j + 1])) delimiters++;
    }
    if (blank) {
      work += delimiters * (i - chunkStart);
      chunkStart = end + 1;
      delimiters = 0;
    }
    i = end + 1;
  }
  return work + delimiters * (text.length - chunkStart);
}

function markedCanParse(body: string): boolean {
  return containerStats(body).depth <= MARKED_MAX_DEPTH && emphasisWork(body) <= MARKED_MAX_EMPHASIS_WORK;
}

/** The body as plain text: title from the front matter, else the first line (as for .txt). */
function plainTextArticle(body: string, meta: RawArticle): RawArticle {
  const lines = body.split("\n");
  let title = cleanText(meta.title);
  let rest = lines;
  if (!title) {
    const first = lines.findIndex((l) => l.trim() !== "");
    title = first >= 0 ? cleanText(lines[first].replace(/^#{1,6}\s+/, "")) : undefined;
    rest = lines.slice(first + 1);
  }
  const text = rest.join("\n").trim();
  return { title, text: text || undefined, sourceUrl: meta.sourceUrl, author: meta.author, publisher: meta.publisher, publishedAt: meta.publishedAt, language: meta.language };
}

export function parseMarkdownFile(source: string): RawArticle {
  const { data, body } = splitFrontMatter(source);
  const meta = pickFields(data);
  if (!markedCanParse(body)) return plainTextArticle(body, meta);
  const tokens = marked.lexer(body);
  const h1 = tokens.findIndex((t: Token) => t.type === "heading" && (t as Tokens.Heading).depth === 1);
  let title = cleanText(meta.title);
  if (h1 >= 0) {
    const heading = inlineText((tokens[h1] as Tokens.Heading).text);
    // The heading that supplies the title (or repeats it) would otherwise open the body a second time.
    if (!title || heading === title) {
      title = title ?? heading;
      tokens.splice(h1, 1);
    }
  } else if (!title) {
    // No heading: the first line is the title, and the rest of its block stays in the body.
    const first = tokens.findIndex((t: Token) => t.type !== "space");
    if (first >= 0) {
      const [line, ...rest] = tokens[first].raw.replace(/^\s*\n/, "").split("\n");
      title = inlineText(line.replace(/^#{1,6}\s+/, ""));
      const remainder = rest.join("\n").trim();
      tokens.splice(first, 1, ...(remainder ? marked.lexer(remainder) : []));
    }
  }
  const html = (marked.parser(tokens) as string).trim();
  return {
    title,
    html: html || undefined,
    sourceUrl: meta.sourceUrl,
    author: meta.author,
    publisher: meta.publisher,
    publishedAt: meta.publishedAt,
    language: meta.language,
  };
}
