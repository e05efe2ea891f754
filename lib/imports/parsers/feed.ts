// RSS 2.0 / RSS 1.0 (RDF) / Atom into raw articles, one per item. Pure.
import { XMLParser, type X2jOptions } from "fast-xml-parser";
import { invalidInput } from "@/lib/errors";
import { htmlToPlainText, looksLikeHtml } from "./html-text";
import { absoluteHttpUrl, cleanText, joinNames, languageTag, toIsoDate } from "./normalize";
import type { ParsedFeed, RawArticle } from "./types";

type Obj = Record<string, unknown>;

// Feeds have no business declaring entities; those that do get tight limits,
// so "billion laughs" and its quadratic cousins cannot blow up memory. Only
// DOCTYPE-declared ("external") entities count, so the thousands of &lt; in an
// escaped-HTML description do not.
const ENTITY_LIMITS = {
  enabled: true,
  maxEntityCount: 20,
  maxEntitySize: 1_000,
  maxTotalExpansions: 1_000,
  maxExpandedLength: 100_000,
  appliesTo: "external",
};

const OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Decodes numeric references (&#8217;), which feeds use constantly.
  htmlEntities: true,
  processEntities: ENTITY_LIMITS,
};

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function textOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (isObj(v)) return textOf(v["#text"]);
  return undefined;
}

/** Every text leaf, in order; good enough for the rare Atom type="xhtml" body. */
function flatten(v: unknown): string {
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(flatten).join(" ");
  if (isObj(v)) return Object.entries(v).filter(([k]) => !k.startsWith("@_")).map(([, c]) => flatten(c)).join(" ");
  return "";
}

const attr = (v: unknown, name: string): string | undefined => (isObj(v) ? cleanText(v[`@_${name}`]) : undefined);

function plainTitle(v: unknown): string | undefined {
  const raw = textOf(v);
  if (!raw) return undefined;
  return cleanText(looksLikeHtml(raw) ? htmlToPlainText(raw) : raw);
}

/** An item's body: HTML when it carries markup or entities, plain text otherwise. */
function body(value: string | undefined, declared?: "html" | "text"): Pick<RawArticle, "html" | "text"> {
  const s = value?.trim();
  if (!s) return {};
  const html = declared ? declared === "html" : looksLikeHtml(s);
  return html ? { html: s } : { text: s };
}

/**
 * The name in an RSS <author> "jane@example.com (Jane Doe)": what
 * /^\S+@\S+\s*\((.+)\)$/ captures, found without it. That regex backtracks
 * over every "@" and "(" in the address part, cubic in their number (an author
 * of "a@" and "(" took minutes). `s` is cleanText output: one space at most between words.
 */
function mailboxName(s: string): string | undefined {
  if (s.length < 5 || !s.endsWith(")")) return undefined;
  const space = s.indexOf(" ");
  const address = space === -1 ? s : s.slice(0, space);
  // The address needs an "@" with something before and after it; the last "(" that
  // leaves room after that "@" and at least one character before the final ")" opens the name.
  const at = address.indexOf("@", 1);
  if (at === -1) return undefined;
  const fits = (open: number) => s.charCodeAt(open) === 0x28 && open <= s.length - 3;
  if (space !== -1 && at < address.length - 1 && fits(space + 1)) return s.slice(space + 2, -1);
  for (let open = address.length - 1; open >= at + 2; open--) if (fits(open)) return s.slice(open + 1, -1);
  return undefined;
}

/** RSS <author> is "jane@example.com (Jane Doe)"; the name is the part worth keeping. */
function rssAuthor(v: unknown): string | undefined {
  const s = cleanText(textOf(v));
  const name = s === undefined ? undefined : mailboxName(s);
  return name !== undefined ? cleanText(name) : s;
}

function rssItem(item: Obj, channel: Obj, base: string | undefined): RawArticle {
  const guid = item.guid;
  const guidUrl = attr(guid, "isPermaLink") === "false" ? undefined : absoluteHttpUrl(textOf(guid), base);
  return {
    title: plainTitle(item.title),
    ...body(textOf(item["content:encoded"]) || textOf(item.description)),
    sourceUrl: absoluteHttpUrl(textOf(item.link), base) ?? guidUrl,
    author: joinNames(asArray(item["dc:creator"]).map(textOf)) ?? rssAuthor(item.author),
    publishedAt: toIsoDate(textOf(item.pubDate) ?? textOf(item["dc:date"])),
    language: languageTag(textOf(item["dc:language"]) ?? textOf(channel.language) ?? textOf(channel["dc:language"])),
  };
}

function atomText(v: unknown): Pick<RawArticle, "html" | "text"> {
  const node = Array.isArray(v) ? v[0] : v;
  // Out-of-line content (src="…") is not in the feed.
  if (node === undefined || attr(node, "src")) return {};
  const type = attr(node, "type")?.toLowerCase();
  if (type === "xhtml") return body(cleanText(flatten(node)), "text");
  return body(textOf(node), type === "html" ? "html" : "text");
}

function atomLink(links: unknown, base: string | undefined): string | undefined {
  const list = asArray(links).filter(isObj);
  const alternates = list.filter((l) => (attr(l, "rel") ?? "alternate") === "alternate");
  const best = alternates.find((l) => /html/i.test(attr(l, "type") ?? "text/html")) ?? alternates[0];
  return absoluteHttpUrl(attr(best, "href"), base);
}

function atomEntry(entry: Obj, feed: Obj, base: string | undefined): RawArticle {
  const entryBase = absoluteHttpUrl(attr(entry, "xml:base"), base) ?? base;
  const content = atomText(entry.content);
  const authors = asArray(entry.author).length ? entry.author : feed.author;
  return {
    title: plainTitle(entry.title),
    ...(content.html || content.text ? content : atomText(entry.summary)),
    sourceUrl: atomLink(entry.link, entryBase) ?? absoluteHttpUrl(textOf(entry.id)),
    author: joinNames(asArray(authors).map((a) => (isObj(a) ? textOf(a.name) : textOf(a)))),
    publishedAt: toIsoDate(textOf(entry.published) ?? textOf(entry.updated)),
    language: languageTag(attr(entry, "xml:lang") ?? attr(feed, "xml:lang")),
  };
}

function parseXml(xml: string): Obj {
  try {
    const doc: unknown = new XMLParser(OPTIONS).parse(xml.replace(/^\uFEFF/, "").trimStart(), true);
    if (isObj(doc)) return doc;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw invalidInput({ feedUrl: `is not valid XML (${reason})` });
  }
  throw invalidInput({ feedUrl: "is not valid XML" });
}

/**
 * Reads a feed. Items come back raw, in feed order, unvalidated; relative links
 * are resolved against feedUrl (or the feed's own xml:base / channel link).
 */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const doc = parseXml(xml);
  const feedBase = absoluteHttpUrl(feedUrl);
  const rdf = doc["rdf:RDF"];
  if (isObj(doc.rss) || isObj(rdf)) {
    const root = (isObj(doc.rss) ? doc.rss : rdf) as Obj;
    const channel = isObj(root.channel) ? root.channel : {};
    // RSS 2.0 puts items in the channel; RSS 1.0 puts them beside it.
    const items = asArray(channel.item ?? root.item).filter(isObj);
    const base = feedBase ?? absoluteHttpUrl(textOf(channel.link));
    return { title: plainTitle(channel.title), items: items.map((item) => rssItem(item, channel, base)) };
  }
  if (isObj(doc.feed)) {
    const feed = doc.feed;
    const base = absoluteHttpUrl(attr(feed, "xml:base"), feedBase) ?? feedBase ?? atomLink(feed.link, undefined);
    return { title: plainTitle(feed.title), items: asArray(feed.entry).filter(isObj).map((e) => atomEntry(e, feed, base)) };
  }
  throw invalidInput({ feedUrl: "is not an RSS or Atom feed" });
}
