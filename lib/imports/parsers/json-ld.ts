// Article metadata from schema.org JSON-LD. Publishers nest it every which way
// (@graph, arrays, WebPage.mainEntity, prefixed or URL-form @type), so the
// search walks the whole structure, bounded, instead of trusting one shape.
import { cleanText, joinNames } from "./normalize";

export type JsonLdArticle = {
  headline?: string;
  author?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
  language?: string;
};

/** schema.org's Article and every type below it (schema.org 29: https://schema.org/Article, "More specific Types"). */
export const ARTICLE_TYPES = new Set([
  "Article",
  "AdvertiserContentArticle",
  "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
  "Report",
  "SatiricalArticle",
  "ScholarlyArticle", "MedicalScholarlyArticle",
  "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting",
  "TechArticle", "APIReference",
]);

const MAX_DEPTH = 6;
const MAX_NODES = 2000;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function typeNames(node: Obj): string[] {
  const t = node["@type"];
  const list = Array.isArray(t) ? t : [t];
  // "schema:NewsArticle" and "https://schema.org/NewsArticle" name the same type.
  return list.filter((x): x is string => typeof x === "string").map((x) => x.replace(/^.*[/:#]/, ""));
}

function isArticle(node: Obj): boolean {
  return typeNames(node).some((t) => ARTICLE_TYPES.has(t));
}

function findArticle(root: unknown): Obj | undefined {
  const queue: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (let seen = 0; queue.length && seen < MAX_NODES; seen++) {
    const { value, depth } = queue.shift()!;
    if (isObj(value) && isArticle(value)) return value;
    if (depth >= MAX_DEPTH) continue;
    const children = Array.isArray(value) ? value : isObj(value) ? Object.values(value) : [];
    for (const c of children) if (typeof c === "object" && c !== null) queue.push({ value: c, depth: depth + 1 });
  }
  return undefined;
}

/** A Person/Organization reference may be a string, an object with a name, or a list of either. */
function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  return joinNames(
    list.map((v) => {
      if (typeof v === "string") return /^https?:\/\//i.test(v.trim()) ? undefined : v;
      return isObj(v) ? cleanText(v.name) : undefined;
    }),
  );
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === "string") return cleanText(value);
  if (isObj(value)) return cleanText(value["@id"]) ?? cleanText(value.url);
  return undefined;
}

function languageOf(value: unknown): string | undefined {
  if (typeof value === "string") return cleanText(value);
  if (isObj(value)) return cleanText(value.alternateName) ?? cleanText(value.name);
  return undefined;
}

/** What old pages wrap JSON-LD in for XHTML parsers: `//<![CDATA[ … //]]>`, the same inside C-style comments, `<!-- … -->`. */
const WRAPPERS = ["<![CDATA[", "]]>", "<!--", "-->", "/*", "*/", "//", ";"];

const isBlank = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff;

/** The script's text without the wrappers at either end. Loops, not a regex: linear. */
function unwrap(s: string): string {
  let start = 0;
  let end = s.length;
  for (let moved = true; moved; ) {
    while (start < end && isBlank(s.charCodeAt(start))) start++;
    const m = WRAPPERS.find((w) => s.startsWith(w, start));
    moved = !!m;
    if (m) start += m.length;
  }
  for (let moved = true; moved; ) {
    while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
    const m = WRAPPERS.find((w) => end - w.length >= start && s.startsWith(w, end - w.length));
    moved = !!m;
    if (m) end -= m.length;
  }
  return s.slice(start, end);
}

/** The JSON in a script's text, wrapped or not; undefined when it is not JSON. */
export function parseJsonLd(source: string): unknown {
  for (const text of [source, unwrap(source)]) {
    try {
      return JSON.parse(text);
    } catch {
      // next
    }
  }
  return undefined;
}

/** Takes the text of each `application/ld+json` script; returns the first article found. Bad JSON is skipped. */
export function readJsonLdArticle(scripts: string[], decode: (s: string) => string = (s) => s): JsonLdArticle | undefined {
  for (const source of scripts) {
    const data = parseJsonLd(source);
    if (data === undefined) continue;
    const node = findArticle(data);
    if (!node) continue;
    const text = (v: unknown) => {
      const s = cleanText(v);
      // Some CMSs HTML-escape JSON-LD strings ("Q&amp;A").
      return s && s.includes("&") ? cleanText(decode(s)) : s;
    };
    return {
      headline: text(node.headline) ?? text(node.name),
      author: text(names(node.author) ?? names(node.creator)),
      datePublished: text(node.datePublished) ?? text(node.dateCreated),
      publisher: text(names(node.publisher)),
      url: urlOf(node.url) ?? urlOf(node.mainEntityOfPage),
      language: languageOf(node.inLanguage),
    };
  }
  return undefined;
}
