// Field names as people actually write them in headers, front matter, CSV and
// JSON ("Source URL", source_url, sourceUrl, date) mapped onto RawArticle.
import { joinNames } from "./normalize";
import type { RawArticle } from "./types";

const ALIASES: Record<string, keyof RawArticle> = {
  title: "title", headline: "title",
  text: "text", body: "text",
  html: "html",
  sourceurl: "sourceUrl", url: "sourceUrl", link: "sourceUrl",
  author: "author", authors: "author", byline: "author",
  publisher: "publisher", site: "publisher",
  publishedat: "publishedAt", published: "publishedAt", date: "publishedAt", pubdate: "publishedAt",
  language: "language", lang: "language",
};

/** "Source URL", "source_url" and "sourceUrl" all become "sourceurl". */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

export function fieldFor(key: string): keyof RawArticle | undefined {
  return Object.hasOwn(ALIASES, normalizeKey(key)) ? ALIASES[normalizeKey(key)] : undefined;
}

/** Scalars become strings; a list or {name} (JSON authors) becomes names; anything else is dropped. */
function asString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return joinNames(value.map(asString));
  if (value && typeof value === "object" && "name" in value) return asString((value as { name: unknown }).name);
  return undefined;
}

/** Known fields only; the first spelling of a field wins. Values stay raw for validation to judge. */
export function pickFields(record: Record<string, unknown>): RawArticle {
  const out: RawArticle = {};
  for (const [key, value] of Object.entries(record)) {
    const field = fieldFor(key);
    if (!field || out[field] !== undefined) continue;
    const s = asString(value);
    if (s !== undefined) out[field] = s;
  }
  return out;
}

const HEADER_LINE = /^([A-Za-z][A-Za-z _-]{0,30}):(.*)$/;

/**
 * Reads the leading `Key: value` lines (up to a blank line or the first line of
 * another shape). Only counts as a header block when the first key is ours, so
 * prose such as "Update: the council…" stays prose.
 */
export function readHeaderBlock(lines: string[]): { headers: Record<string, string>; lineCount: number } | undefined {
  const headers: Record<string, string> = {};
  let lineCount = 0;
  for (const line of lines) {
    const m = line.match(HEADER_LINE);
    if (!m || !line.trim()) break;
    if (lineCount === 0 && !fieldFor(m[1])) return undefined;
    headers[m[1]] = m[2].trim();
    lineCount++;
  }
  return lineCount ? { headers, lineCount } : undefined;
}
