// A web page in, the story and its metadata out. linkedom builds the DOM (it
// runs no scripts and fetches nothing); Readability finds the story; metadata
// comes from JSON-LD first, then Open Graph / meta tags, then Readability's guesses.
//
// linkedom rather than jsdom: on a 1 MB page jsdom took 4.6 s and 140 MB of heap
// (a 5 MB page, the fetch limit, 20 s and 600 MB, all of it blocking the server),
// linkedom 1.2 s and 66 MB; the extraction tests pass unchanged on both.
import { htmlNestingDepth, MAX_HTML_DEPTH } from "@/lib/articles/html-depth";
import { resolveLink } from "@/lib/articles/url";
import { invalidInput } from "@/lib/errors";
import { removeBoilerplate, unwrapQuotes } from "./boilerplate";
import { markEntryBody, markParagraphs, preferEntryBody, trimTrailingLinks } from "./story-bounds";
import { readJsonLdArticle } from "./json-ld";
import { dropTeaserRepeat, findStandfirst, withStandfirst } from "./standfirst";
import { dropDateline, dropPromotions } from "./promos";
import { absoluteHttpUrl, cleanText, clip, firstOf, languageTag, stripByline, toIsoDate } from "./normalize";
import { trimSiteName } from "./site-title";
import type { RawArticle } from "./types";

const MAX_TITLE = 500;
const MAX_NAME = 300;

function httpBase(pageUrl?: string): string | undefined {
  return pageUrl ? absoluteHttpUrl(pageUrl) : undefined;
}

function metaContent(doc: Document, keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ["property", "name", "itemprop"]) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const value = cleanText(el?.getAttribute("content"));
      if (value) return value;
    }
  }
  return undefined;
}

function readMetadata(doc: Document, base: string | undefined) {
  // Entities decoded, markup kept as text (what a <textarea> would give).
  const decode = (s: string) => {
    const t = doc.createElement("p");
    t.innerHTML = s.replace(/</g, "&lt;");
    return t.textContent ?? "";
  };
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'), (s) => s.textContent ?? "");
  const ld = readJsonLdArticle(scripts, decode) ?? {};
  const metaAuthor = metaContent(doc, ["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"]);
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute("href");
  const timeEl = doc.querySelector("article time[datetime], main time[datetime], time[itemprop=datePublished]");
  return {
    title: firstOf(ld.headline, metaContent(doc, ["og:title", "twitter:title"])),
    // Facebook wants article:author to be a profile URL; that is not a name.
    author: firstOf(ld.author, metaAuthor && !/^https?:\/\//i.test(metaAuthor) ? stripByline(metaAuthor) : undefined),
    publishedAt: toIsoDate(ld.datePublished) ??
      toIsoDate(metaContent(doc, ["article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date"])) ??
      toIsoDate(timeEl?.getAttribute("datetime")),
    publisher: firstOf(ld.publisher, metaContent(doc, ["og:site_name", "publisher", "application-name"])),
    siteNames: [metaContent(doc, ["og:site_name"]), ld.publisher, metaContent(doc, ["application-name"]), metaContent(doc, ["publisher"])],
    sourceUrl: absoluteHttpUrl(canonical, base) ?? absoluteHttpUrl(ld.url, base) ?? absoluteHttpUrl(metaContent(doc, ["og:url"]), base) ?? base,
    language: languageTag(ld.language) ?? languageTag(doc.documentElement.getAttribute("lang")) ??
      languageTag(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute("content")) ?? languageTag(metaContent(doc, ["og:locale"])),
  };
}

/**
 * Readability scores every element, so its time grows with the page. Beyond
 * this many elements (a long read has a few thousand; a 1 MB page of bare
 * paragraphs about 20,000) it is not run: the story comes from the page's
 * <article> or <main>, or the item fails naming the limit.
 */
export const MAX_ELEMENTS_FOR_READABILITY = 30_000;

/**
 * Readability's time grows with elements × nesting depth (it walks each
 * candidate's ancestors): 28,000 elements 200 deep took 9 s of CPU, 18,000
 * elements 900 deep 78 s. A news page is a few thousand elements some 30 deep
 * (~100,000); past this product it is not run, as past the element limit.
 */
export const MAX_READABILITY_WORK = 2_000_000;

/**
 * A DOM costs memory per element (~1.5 KB in linkedom): a 5 MB page of tiny
 * tags is ~750,000 elements and over a gigabyte. Pages with more start tags than
 * this are refused before parsing (a real news page has a few thousand; a 5 MB
 * page of ordinary paragraphs about 96,000, ~140 MB of heap). Parsing and
 * extraction run without a break, so only one page's DOM is alive at a time.
 */
export const MAX_TAGS_TO_PARSE = 100_000;

/** Start tags in the markup, counting stops just past `limit`. */
export function countStartTags(html: string, limit: number): number {
  const re = /<[a-zA-Z]/g;
  let n = 0;
  while (n <= limit && re.exec(html)) n++;
  return n;
}

/** The title without the site's name at its end or start ("Story | Site"). */
function siteless(title: string | undefined, siteNames: (string | undefined)[]): string | undefined {
  return title && trimSiteName(title, siteNames);
}

/** Each URL attribute under root made absolute against base; one that cannot be is removed (the stored HTML keeps only http(s) and mailto links). */
function resolveLinks(root: Element, base: string | undefined): void {
  for (const el of Array.from(root.querySelectorAll("[href], [src], [cite]"))) {
    for (const name of ["href", "src", "cite"]) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const url = resolveLink(value, base);
      if (url) el.setAttribute(name, url);
      else el.removeAttribute(name);
    }
  }
}

/** Where relative links resolve: the page's <base href> (itself resolved), else its URL. */
function baseUri(doc: Document, base: string | undefined): string | undefined {
  const href = doc.querySelector("base[href]")?.getAttribute("href");
  return (href && absoluteHttpUrl(href, base)) || base;
}

/**
 * `field` names the input in errors: "url" for a fetched page, "files" for an
 * upload (whose messages start with the file's name, as the other parsers' do).
 */
export async function extractArticleFromHtml(html: string, pageUrl?: string, error: { field: string; prefix?: string } = { field: "url" }): Promise<RawArticle> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
  const refuse = (reason: string) => invalidInput({ [error.field]: `${error.prefix ?? ""}${reason}` });
  const base = httpBase(pageUrl);
  if (countStartTags(html, MAX_TAGS_TO_PARSE) > MAX_TAGS_TO_PARSE) throw refuse(`the page has more than ${MAX_TAGS_TO_PARSE} HTML tags, too many to read`);
  // The parser's work is tags × depth (html-depth.ts): 100,000 nested tags took ~15 s.
  const depth = htmlNestingDepth(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) throw refuse(`the page nests its HTML tags more than ${MAX_HTML_DEPTH} deep, too deep to read`);
  const doc = parseHTML(html).document as unknown as Document;
  // Text or comments alone give linkedom no documentElement, which doc.title and Readability assume (a TypeError, a 500).
  if (!doc.documentElement) throw refuse("the page has no HTML elements to read");
  // linkedom has no URL for a parsed string; Readability resolves links against these.
  Object.defineProperty(doc, "documentURI", { value: base ?? "about:blank", configurable: true });
  Object.defineProperty(doc, "baseURI", { value: baseUri(doc, base) ?? "about:blank", configurable: true });
  const meta = readMetadata(doc, base);
  const docTitle = cleanText(doc.title);
  const standfirst = findStandfirst(doc);
  removeBoilerplate(doc);
  unwrapQuotes(doc);
  const fallback = doc.querySelector("article, [itemprop=articleBody], main");
  // Readability resolves the links of what it keeps against baseURI; the fallback's are resolved here.
  if (fallback) resolveLinks(fallback, baseUri(doc, base));
  const fallbackHtml = fallback?.innerHTML;
  const elements = doc.querySelectorAll("*").length;
  const tooMany = elements > MAX_ELEMENTS_FOR_READABILITY;
  const tooDeep = elements * depth > MAX_READABILITY_WORK;
  const tooBig = tooMany || tooDeep;
  if (tooBig && !fallbackHtml) {
    throw refuse(
      tooMany
        ? `the page has ${elements} elements, more than the ${MAX_ELEMENTS_FOR_READABILITY} the story finder reads, and no <article> or <main> to take the story from`
        : `the page's ${elements} elements nest ${depth} deep, more than the story finder can read in reasonable time, and it has no <article> or <main> to take the story from`,
    );
  }
  // The page's marked entry body, taken (its links resolved) before Readability moves the page's nodes.
  const marked = tooBig ? undefined : markEntryBody(doc);
  if (marked) resolveLinks(marked.element, baseUri(doc, base));
  const entry = marked && { html: marked.element.innerHTML, length: marked.length };
  if (!tooBig) markParagraphs(doc);
  const article = tooBig ? null : new Readability<Element>(doc, { serializer: (node) => node as Element }).parse();
  const result = article?.content ?? undefined;
  let content = fallbackHtml;
  if (result && cleanText(result.innerHTML)) {
    const entryHtml = preferEntryBody(result, entry);
    if (entryHtml === undefined) {
      trimTrailingLinks(result);
      dropTeaserRepeat(result);
      dropPromotions(result);
      dropDateline(result);
    }
    content = entryHtml ?? result.innerHTML;
  }
  // The story's text is read again only for a page with a standfirst: parsing a
  // large story twice cost the 99,000-paragraph page a second of CPU.
  if (content && standfirst) {
    const holder = doc.createElement("div");
    holder.innerHTML = content;
    content = withStandfirst(content, holder.textContent ?? "", standfirst);
  }
  return {
    title: clip(siteless(firstOf(meta.title, article?.title, docTitle), meta.siteNames), MAX_TITLE),
    html: content?.trim() || undefined,
    sourceUrl: meta.sourceUrl,
    author: clip(meta.author ?? stripByline(article?.byline ?? undefined), MAX_NAME),
    publisher: clip(meta.publisher ?? cleanText(article?.siteName), MAX_NAME),
    publishedAt: meta.publishedAt ?? toIsoDate(article?.publishedTime),
    language: meta.language ?? languageTag(article?.lang),
  };
}
