// A web page in, the story and its metadata out. jsdom builds the DOM (scripts
// never run, nothing is fetched); Readability finds the story; metadata comes
// from JSON-LD first, then Open Graph / meta tags, then Readability's guesses.
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";
import { readJsonLdArticle } from "./json-ld";
import { absoluteHttpUrl, cleanText, clip, firstOf, languageTag, stripByline, toIsoDate } from "./normalize";
import type { RawArticle } from "./types";

/**
 * Removed before Readability runs. Its scoring keeps in-story ad slots and
 * comment threads whose class names contain "article" or "content", so those
 * go by selector; site-wide chrome outside the story goes by landmark.
 */
const BOILERPLATE = [
  "script", "style", "noscript", "template", "iframe", "form", "button", "dialog",
  "nav", "[role=navigation]", "[role=search]", "[role=dialog]", "[role=alertdialog]", "[aria-modal=true]",
  "[class~=ad]", "[class~=ads]", "[class~=advert]", "[class~=advertisement]", '[class^="ad-"]', '[class*=" ad-"]', '[id^="ad-"]',
  "[id^=div-gpt-ad]", "[data-ad-slot]", "[data-ad]", "ins.adsbygoogle",
  "#comments", "#disqus_thread", ".comments", ".comment-list", ".comments-section", ".comment-section", "[itemprop=comment]",
  "[class~=related]", "[class*=related-links]", "[class*=related-stories]", ".newsletter-signup", ".share-tools",
].join(", ");

/** Chrome that is only boilerplate when it sits outside the story (an article's own header holds its byline). */
const OUTSIDE_STORY = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]";

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
  const decode = (s: string) => {
    const t = doc.createElement("textarea");
    t.innerHTML = s;
    return t.value;
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
    sourceUrl: absoluteHttpUrl(canonical, base) ?? absoluteHttpUrl(ld.url, base) ?? absoluteHttpUrl(metaContent(doc, ["og:url"]), base) ?? base,
    language: languageTag(ld.language) ?? languageTag(doc.documentElement.getAttribute("lang")) ??
      languageTag(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute("content")) ?? languageTag(metaContent(doc, ["og:locale"])),
  };
}

function removeBoilerplate(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(BOILERPLATE))) el.remove();
  for (const el of Array.from(doc.querySelectorAll(OUTSIDE_STORY))) {
    if (!el.parentElement?.closest("article, [itemprop=articleBody]")) el.remove();
  }
}

export function extractArticleFromHtml(html: string, pageUrl?: string): RawArticle {
  const base = httpBase(pageUrl);
  // Defaults already keep scripts from running and subresources from loading; the silent
  // console keeps jsdom's CSS parse complaints out of the server log.
  const dom = new JSDOM(html, { url: base, contentType: "text/html", virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    const meta = readMetadata(doc, base);
    const docTitle = cleanText(doc.title);
    removeBoilerplate(doc);
    const fallback = doc.querySelector("article, [itemprop=articleBody], main");
    const fallbackHtml = fallback?.innerHTML;
    const article = new Readability(doc).parse();
    const content = cleanText(article?.content) ? article?.content ?? undefined : fallbackHtml;
    return {
      title: clip(firstOf(meta.title, article?.title, docTitle), MAX_TITLE),
      html: content?.trim() || undefined,
      sourceUrl: meta.sourceUrl,
      author: clip(meta.author ?? stripByline(article?.byline ?? undefined), MAX_NAME),
      publisher: clip(meta.publisher ?? cleanText(article?.siteName), MAX_NAME),
      publishedAt: meta.publishedAt ?? toIsoDate(article?.publishedTime),
      language: meta.language ?? languageTag(article?.lang),
    };
  } finally {
    dom.window.close();
  }
}
