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

const ARTICLE_TYPES = new Set([
  "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
  "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "Report",
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

/** Takes the text of each `application/ld+json` script; returns the first article found. Bad JSON is skipped. */
export function readJsonLdArticle(scripts: string[], decode: (s: string) => string = (s) => s): JsonLdArticle | undefined {
  for (const source of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
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
