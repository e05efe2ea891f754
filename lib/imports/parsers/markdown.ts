// Markdown files: optional front matter, title from the front matter or the
// first "# heading" (else the first line), body rendered to HTML by marked.
import { Marked, type Token, type Tokens } from "marked";
import { pickFields } from "./fields";
import { htmlToPlainText } from "./html-text";
import { cleanText } from "./normalize";
import type { RawArticle } from "./types";

const marked = new Marked({ gfm: true, async: false });

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
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
    const item = line.match(/^\s+-\s+(.*)$/) ?? line.match(/^-\s+(.*)$/);
    if (item && listKey) {
      const list = Array.isArray(data[listKey]) ? (data[listKey] as string[]) : [];
      data[listKey] = [...list, unquote(item[1])];
      continue;
    }
    const m = line.match(/^([A-Za-z][\w -]*):\s*(.*)$/);
    if (!m) continue;
    const value = m[2].trim();
    listKey = value ? undefined : m[1];
    if (/^\[.*\]$/.test(value)) data[m[1]] = value.slice(1, -1).split(",").map(unquote).filter(Boolean);
    else if (value) data[m[1]] = unquote(value);
  }
  return { data, body: lines.slice(end + 1).join("\n") };
}

function inlineText(markdown: string): string | undefined {
  return cleanText(htmlToPlainText(marked.parseInline(markdown) as string));
}

export function parseMarkdownFile(source: string): RawArticle {
  const { data, body } = splitFrontMatter(source);
  const meta = pickFields(data);
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
