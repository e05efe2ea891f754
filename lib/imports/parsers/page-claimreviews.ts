// The ClaimReview records in a web page's JSON-LD: a fact-checker's published
// page, imported as fact-checks rather than as an article. Runs in the import
// worker (worker/tasks.ts), like every parse of a fetched page.
import { htmlNestingDepth, MAX_HTML_DEPTH } from "@/lib/articles/html-depth";
import { countStartTags, MAX_TAGS_TO_PARSE } from "./extract-html";
import { parseJsonLd } from "./json-ld";
import { recordsIn, type RecordEntry } from "./claimreviews";
import { absoluteHttpUrl, languageTag } from "./normalize";

const MAX_DECODE_DEPTH = 12;

/** Some CMSs HTML-escape JSON-LD strings ("Q&amp;A"): each string with an "&" decoded, the rest left as it is. */
function decodeStrings(value: unknown, decode: (s: string) => string, depth = 0): unknown {
  if (typeof value === "string") return value.includes("&") ? decode(value) : value;
  if (depth >= MAX_DECODE_DEPTH || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => decodeStrings(v, decode, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeStrings(v, decode, depth + 1)]));
}

/**
 * The page's ClaimReview records, or null when its JSON-LD carries none (the
 * page is then read as an article). A page too big or too deep to parse is left
 * to the article reader, which refuses it with the reason.
 */
export async function readPageClaimReviews(html: string, pageUrl?: string): Promise<RecordEntry[] | null> {
  // Nearly every page has no ClaimReview: no DOM is built for them here.
  if (!html.includes("ClaimReview")) return null;
  if (countStartTags(html, MAX_TAGS_TO_PARSE) > MAX_TAGS_TO_PARSE || htmlNestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) return null;
  const { parseHTML } = await import("linkedom");
  const doc = parseHTML(html).document as unknown as Document;
  if (!doc.documentElement) return null;
  const decode = (s: string) => {
    const t = doc.createElement("p");
    t.innerHTML = s.replace(/</g, "&lt;");
    return t.textContent ?? "";
  };
  const data = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'), (s) => parseJsonLd(s.textContent ?? "")).filter((d) => d !== undefined);
  const base = pageUrl ? absoluteHttpUrl(pageUrl) : undefined;
  const entries = recordsIn(decodeStrings(data, decode), base);
  if (!entries) return null;
  // A record without inLanguage is in the page's language.
  const lang = languageTag(doc.documentElement.getAttribute("lang"));
  return lang ? entries.map((e) => (e.read.ok && !e.read.record.language ? { ...e, read: { ...e.read, record: { ...e.read.record, language: lang } } } : e)) : entries;
}
