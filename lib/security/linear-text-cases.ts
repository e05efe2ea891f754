// The table linear-text.test.ts runs: every function that reads untrusted
// text, each fed the adversarial payloads that target what it does. Kept out
// of the test file so a script can time the same cases one by one (and stop
// one that never ends) without Vitest.
import { locate } from "@/lib/anchoring/locate";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { normalize } from "@/lib/anchoring/normalize";
import { toAnnotationCollection, type AnnotatableClaim } from "@/lib/annotations/w3c";
import { assemble, blocksFromPlainText, cleanBlockText } from "@/lib/articles/blocks";
import { articleInputSchema, articleUpdateSchema, type ArticleInput } from "@/lib/articles/schema";
import { diffFields } from "@/lib/audit/diff";
import { claimsToCsv, csvCell } from "@/lib/claims/export-csv";
import { claimInputSchema, claimUpdateSchema, commentInputSchema } from "@/lib/claims/schema";
import { charsetParam, decodeBody } from "@/lib/imports/fetch/decode";
import { htmlToArticle, sanitizeArticleHtml } from "@/lib/articles/html";
import { parseFeed } from "@/lib/imports/parsers/feed";
import { readHeaderBlock } from "@/lib/imports/parsers/fields";
import { parseImportFile } from "@/lib/imports/parsers/files";
import { looksLikeHtml } from "@/lib/imports/parsers/html-text";
import { removeBoilerplate } from "@/lib/imports/parsers/boilerplate";
import { extractArticleFromHtml } from "@/lib/imports/parsers/extract-html";
import { parseJsonLd, readJsonLdArticle } from "@/lib/imports/parsers/json-ld";
import { trimSiteName } from "@/lib/imports/parsers/site-title";
import { splitFrontMatter } from "@/lib/imports/parsers/markdown";
import { cleanText, languageTag, stripByline, toIsoDate } from "@/lib/imports/parsers/normalize";
import { contentHash, prepareArticle } from "@/lib/articles/prepare";
import { slugify } from "@/lib/articles/slug";
import { normalizeSourceUrl, resolveLink } from "@/lib/articles/url";
import { htmlNestingDepth, MAX_HTML_DEPTH } from "@/lib/articles/html-depth";
import { parseHTML } from "linkedom";
import { markdownRenderable } from "@/lib/markdown/limits";
import { userCreateSchema } from "@/lib/users/schema";
import { parseJsonBody, unstorableFields } from "@/lib/validation";
import { GENERIC, HTML, MARKDOWN, NEAR_MISSES, payload, PLAIN, WHITESPACE, type PayloadName } from "./adversarial-inputs";

/** articleInputSchema's limit on text and html: what prepareArticle and the anchoring code ever see. */
const MAX_ARTICLE_TEXT = 900_000;
/** MAX_QUOTE in lib/claims/constants.ts. */
const MAX_QUOTE = 10_000;

export type TextCase = {
  fn: string;
  input: string;
  /** Milliseconds one call may take; DOM-building functions get more (see BUDGET_DOM). */
  budget: number;
  run: () => unknown;
};

/** Per call: generous for a noisy shared machine; the super-linear cases took minutes to hours. */
export const BUDGET = 2_000;
/**
 * Functions that run a whole HTML or Markdown parser over the input (linkedom,
 * Readability, marked) are linear but heavy: linkedom makes one text node per
 * character reference, so 900,000 "&" (sanitized to "&amp;") take 4–10 s here.
 * Their quadratic cases took minutes, which this still tells apart. 40 s, not
 * 15: two clean-clone CI runs took 19 s and 31 s for removeBoilerplate on 900,000
 * "<" (2-3 s alone and in a full unit run on the same machine an hour later).
 */
export const BUDGET_DOM = 40_000;

type Fn = {
  fn: string;
  payloads: PayloadName[];
  run: (s: string) => unknown;
  /** The input is cut to this length first: the caller's own limit (noted in the name). */
  cap?: number;
  budget?: number;
};

const article = (fields: Partial<ArticleInput> & { title: string }): ArticleInput => ({
  text: undefined, html: undefined, sourceUrl: undefined, author: undefined, publisher: undefined, publishedAt: undefined, language: undefined, ...fields,
});
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const rss = (s: string) => {
  const e = escapeXml(s);
  return `<rss version="2.0"><channel><title>${e}</title><item><title>${e}</title><author>${e}</author><description>${e}</description><pubDate>${e}</pubDate></item></channel></rss>`;
};
const atom = (s: string) => {
  const e = escapeXml(s);
  return `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">${e}</title><content type="xhtml"><div>${e}</div></content><link href="${e.replace(/"/g, "&quot;")}"/></entry></feed>`;
};
const jsonLd = (s: string) =>
  JSON.stringify({ "@graph": [{ "@type": ["x:" + s, "NewsArticle"], headline: s, author: [s, { name: s }], datePublished: s, inLanguage: s, url: s }] });

const FUNCTIONS: Fn[] = [
  { fn: "cleanBlockText", payloads: GENERIC, run: (s) => cleanBlockText(s) },
  { fn: "cleanBlockText(preformatted)", payloads: GENERIC, run: (s) => cleanBlockText(s, "preformatted") },
  { fn: "cleanBlockText(lines)", payloads: GENERIC, run: (s) => cleanBlockText(s, "lines") },
  {
    fn: "assemble",
    payloads: [...WHITESPACE, ...PLAIN],
    run: (s) => assemble([{ type: "preformatted", text: s }, { type: "paragraph", text: s }, { type: "heading", text: s, level: 2 }]),
  },
  { fn: "blocksFromPlainText", payloads: GENERIC, run: (s) => blocksFromPlainText(s) },
  { fn: "sanitizeArticleHtml", payloads: [...HTML, "spaces+x", "newlines+x", "words"], run: (s) => sanitizeArticleHtml(s), cap: MAX_ARTICLE_TEXT, budget: BUDGET_DOM },
  { fn: "htmlToArticle", payloads: [...HTML, "spaces+x", "newlines+x", "words"], run: (s) => htmlToArticle(s), cap: MAX_ARTICLE_TEXT, budget: BUDGET_DOM },
  {
    fn: "prepareArticle(text)",
    payloads: [...WHITESPACE, ...PLAIN, "gt-lines", "dashes", "dash-a"],
    run: (s) => prepareArticle(article({ title: s.slice(0, 500), text: s })),
    cap: MAX_ARTICLE_TEXT,
  },
  {
    fn: "prepareArticle(html)",
    payloads: ["pre-spaces", "pre-newlines", "pre-tabs", "ul-li-nest", "li-p-nest", "div-nest", "blockquote-nest", "b-nest"],
    run: (s) => prepareArticle(article({ title: "t", html: s })),
    cap: MAX_ARTICLE_TEXT,
    budget: BUDGET_DOM,
  },
  { fn: "contentHash", payloads: [...WHITESPACE, ...PLAIN], run: (s) => contentHash(s) },
  { fn: "slugify", payloads: GENERIC, run: (s) => slugify(s) },
  { fn: "anchoring normalize", payloads: [...WHITESPACE, ...PLAIN, ...MARKDOWN], run: (s) => normalize(s), cap: MAX_ARTICLE_TEXT },
  {
    fn: "anchoring describe",
    payloads: [...WHITESPACE, ...PLAIN],
    // Even offsets: the payloads' surrogate pairs start there, and describe() refuses to split one.
    run: (s) => describeSelector(s, (s.length >> 2) << 1, ((s.length >> 2) << 1) + 2),
    cap: MAX_ARTICLE_TEXT,
  },
  { fn: "parseImportFile(.txt)", payloads: GENERIC, run: (s) => parseImportFile("a.txt", s) },
  {
    fn: "parseImportFile(.md)",
    payloads: [...MARKDOWN, "spaces+x", "newlines+x", "mixed-ws+x", "nbsp+x", "front-matter", "front-matter-list", "dash-spaces", "key-spaces", "lt-a-space", "amp-entities"],
    run: (s) => parseImportFile("a.md", s),
    budget: BUDGET_DOM,
  },
  // papaparse is linear, but renames each duplicate column (~3 µs apiece): a 1 MB header row of commas takes seconds.
  { fn: "parseImportFile(.csv)", payloads: ["csv-quotes", "csv-commas", "quotes", "commas", "newlines+x", "spaces+x", "cr+x", "pipes"], run: (s) => parseImportFile("a.csv", s), budget: BUDGET_DOM },
  { fn: "parseImportFile(.json)", payloads: ["json-nest", "json-string-escapes", "brackets", "braces", "quotes", "spaces+x"], run: (s) => parseImportFile("a.json", s) },
  {
    fn: "parseImportFile(.html)",
    payloads: ["div-nest", "ul-li-nest", "blockquote-nest", "p-soup", "b-nest", "pre-spaces", "pre-newlines", "lt-a", "comment-opens", "spaces+x"],
    run: (s) => parseImportFile("a.html", s),
    budget: BUDGET_DOM,
  },
  { fn: "parseImportFile(name)", payloads: ["dashes", "slashes", "at-signs"], run: (s) => parseImportFile(`${s}.txt`, "Title: t\n\nbody") },
  { fn: "parseFeed", payloads: ["xml-nest", "xml-doctype", "lt", "lt-a", "amp", "amp-hash", "cdata-opens", "comment-opens", "spaces+x"], run: (s) => parseFeed(s) },
  {
    fn: "parseFeed(rss fields)",
    payloads: ["at-parens", "at-paren-pairs", "at-signs", "email-dots", "spaces+x", "date-like", "words", "lt-a"],
    run: (s) => parseFeed(rss(s)),
    budget: BUDGET_DOM,
  },
  { fn: "parseFeed(atom fields)", payloads: ["spaces+x", "words", "slashes", "lt-a"], run: (s) => parseFeed(atom(s)), budget: BUDGET_DOM },
  { fn: "splitFrontMatter", payloads: GENERIC, run: (s) => splitFrontMatter(s) },
  { fn: "splitFrontMatter(in front matter)", payloads: [...NEAR_MISSES, ...WHITESPACE, "one-long-word", "brackets"], run: (s) => splitFrontMatter(`---\n${s}\n---\nbody`) },
  { fn: "readHeaderBlock", payloads: GENERIC, run: (s) => readHeaderBlock(s.split("\n")) },
  { fn: "readHeaderBlock(value)", payloads: [...WHITESPACE, ...NEAR_MISSES], run: (s) => readHeaderBlock([`Title: ${s}`, `Author:${s}`]) },
  { fn: "cleanText", payloads: GENERIC, run: (s) => cleanText(s) },
  { fn: "stripByline", payloads: GENERIC, run: (s) => stripByline(s) },
  { fn: "toIsoDate", payloads: GENERIC, run: (s) => toIsoDate(s) },
  { fn: "languageTag", payloads: GENERIC, run: (s) => languageTag(s) },
  { fn: "readJsonLdArticle", payloads: ["json-nest", "braces", "brackets", "quotes"], run: (s) => readJsonLdArticle([s]) },
  { fn: "readJsonLdArticle(fields)", payloads: [...WHITESPACE, "slashes", "at-signs", "date-like", "language-tag", "amp"], run: (s) => readJsonLdArticle([jsonLd(s)]) },
  { fn: "looksLikeHtml", payloads: [...HTML, "spaces+x", "words", "amp-hash"], run: (s) => looksLikeHtml(s), budget: BUDGET_DOM },
  {
    fn: "claimInputSchema",
    payloads: [...WHITESPACE, ...PLAIN, "slashes", "email-dots"],
    run: (s) =>
      claimInputSchema.safeParse({
        claimText: s, verdict: "FALSE", rationale: s,
        sources: [{ url: s, title: s, stance: "REFUTES", archivedUrl: s, publisher: s, excerpt: s }],
        selector: { exact: s, prefix: s, suffix: s, start: 0, end: s.length },
      }),
  },
  { fn: "claimUpdateSchema", payloads: [...WHITESPACE, "slashes"], run: (s) => claimUpdateSchema.safeParse({ version: 1, claimText: s, rationale: s, sources: [{ url: s, title: s, stance: "SUPPORTS" }] }) },
  { fn: "commentInputSchema", payloads: [...WHITESPACE, ...PLAIN], run: (s) => commentInputSchema.safeParse({ body: s }) },
  {
    fn: "articleInputSchema",
    payloads: [...WHITESPACE, ...PLAIN, "language-tag", "date-like", "slashes"],
    run: (s) => articleInputSchema.safeParse({ title: s, text: s, html: s, sourceUrl: s, author: s, publisher: s, publishedAt: s, language: s }),
  },
  {
    fn: "articleUpdateSchema",
    payloads: ["language-tag", "date-like", "slashes", "spaces+x"],
    run: (s) => articleUpdateSchema.safeParse({ title: s, text: s, sourceUrl: s, author: s, publishedAt: s, language: s }),
  },
  {
    fn: "userCreateSchema (email)",
    payloads: ["email-dots", "email-parts", "email-inner-space", "at-signs", "spaces+x", "one-long-word", "dash-a"],
    run: (s) => userCreateSchema.safeParse({ email: s, name: s, role: "REVIEWER", password: s }),
  },
  // Cells are capped upstream (quote 10,000, claim 1,000, 20 sources of 2,048 + 500): 20 such claims, ~1.2 MB.
  {
    fn: "claimsToCsv [capped cells × 20 claims]",
    payloads: [...WHITESPACE, "quotes", "commas", "dashes", "lt"],
    run: (s) => {
      const claim = {
        exact: s.slice(0, MAX_QUOTE), claimText: s.slice(0, 1_000), verdict: "FALSE", status: "DRAFT", author: s.slice(0, 200),
        sources: Array.from({ length: 20 }, () => ({ url: s.slice(0, 2_048), title: s.slice(0, 500), stance: "REFUTES" })),
      };
      return claimsToCsv(Array.from({ length: 20 }, () => claim));
    },
  },
  { fn: "csvCell", payloads: ["quotes", "dashes", "newlines+x", "cr+x"], run: (s) => csvCell(s) },
  { fn: "parseJsonBody", payloads: ["json-nest", "json-string-escapes", "brackets", "braces", "quotes", "spaces+x"], run: (s) => parseJsonBody(s) },
  { fn: "parseJsonBody(fields)", payloads: [...WHITESPACE, "lone-surrogates", "json-nest"], run: (s) => parseJsonBody(JSON.stringify({ [s]: [s, { [s]: s }], a: s })) },
  // What a 1 MB body can hold: a half-megabyte key over 50,000 small objects, and a long string.
  {
    fn: "unstorableFields",
    payloads: ["one-long-word", "lone-surrogates"],
    run: (s) => unstorableFields({ [s.slice(0, 500_000)]: Array.from({ length: 50_000 }, (_, i) => ({ k: i % 2 ? "v" : s.slice(0, 4) })), s: s.slice(0, 400_000) }),
  },
  { fn: "diffFields", payloads: ["one-long-word", "quotes"], run: (s) => diffFields({ a: s, b: [s] }, { a: `${s}x`, b: [s] }) },
  { fn: "normalizeSourceUrl", payloads: ["slashes"], run: (s) => normalizeSourceUrl(s) },
  { fn: "resolveLink", payloads: [...WHITESPACE, "slashes", "backticks", "quotes", "lone-surrogates", "combining"], run: (s) => resolveLink(s, "https://news.example/a/") },
  { fn: "resolveLink(invisible)", payloads: ["unicode-spaces+x", "mixed-ws+x"], run: (s) => resolveLink(`\`java${s}script:x\``) },
  { fn: "sanitizeArticleHtml(links)", payloads: ["spaces+x", "backticks", "slashes", "unicode-spaces+x"], run: (s) => sanitizeArticleHtml(`<a href="${s.replace(/"/g, "")}">x</a><q cite="${s.replace(/"/g, "")}">q</q>`, "https://news.example/"), budget: BUDGET_DOM },
  { fn: "htmlToArticle(br)", payloads: ["spaces+x", "newlines+x", "words"], run: (s) => htmlToArticle(`<p>${s.replaceAll(" ", "<br> ")}</p><pre>${s.replaceAll("\n", "<br>")}</pre>`.slice(0, MAX_ARTICLE_TEXT)), budget: BUDGET_DOM },
  { fn: "trimSiteName", payloads: [...WHITESPACE, "dashes", "pipes", "words", "one-long-word"], run: (s) => trimSiteName(`${s} | ${s}`, [s, `${s} x`]) },
  { fn: "parseJsonLd", payloads: ["cdata-opens", "comment-opens", "braces", "brackets", "spaces+x", "slashes"], run: (s) => parseJsonLd(`//<![CDATA[${s}//]]>`) },
  {
    // As extractArticleFromHtml calls it: on a page its depth guard let through (deeper ones are refused before parsing).
    fn: "removeBoilerplate",
    payloads: [...HTML, "spaces+x", "words"],
    run: (s) => htmlNestingDepth(s, MAX_HTML_DEPTH) <= MAX_HTML_DEPTH && removeBoilerplate(parseHTML(`<html><body>${s}</body></html>`).document as unknown as Document),
    cap: MAX_ARTICLE_TEXT,
    budget: BUDGET_DOM,
  },
  {
    fn: "removeBoilerplate(prompts)",
    payloads: ["spaces+x", "words"],
    run: (s) => removeBoilerplate(parseHTML(`<html><body>${`<div class="newsletter cookie"><p>${s.slice(0, 40)}</p><input type="email">`.repeat(1_000)}</body></html>`).document as unknown as Document),
    budget: BUDGET_DOM,
  },
  { fn: "extractArticleFromHtml", payloads: ["div-nest", "p-soup", "a-soup", "attr-soup", "spaces+x"], run: (s) => extractArticleFromHtml(s, "https://news.example/x"), budget: BUDGET_DOM },
  { fn: "decodeBody(html)", payloads: ["lt", "lt-a", "spaces+x", "comment-opens"], run: (s) => decodeBody(new TextEncoder().encode(s), null, "html") },
  { fn: "decodeBody(feed)", payloads: ["lt", "spaces+x", "words"], run: (s) => decodeBody(new TextEncoder().encode(`<?xml${s.slice(0, 2_000)}`), null, "feed") },
  { fn: "charsetParam", payloads: [...WHITESPACE, "key-colons", "lt"], run: (s) => charsetParam(`text/html; ${s.replace(/x$/, "")}; charset${s}`) },
  { fn: "markdownRenderable", payloads: [...MARKDOWN, ...WHITESPACE, ...PLAIN, "ul-li-nest", "lt-a-space"], run: (s) => markdownRenderable(s) },
];

/** One char changed in the middle: no exact match, so locate() falls through to the fuzzy search. */
function mutate(quote: string): string {
  const mid = quote.length >> 1;
  return quote.slice(0, mid) + (quote[mid] === "#" ? "%" : "#") + quote.slice(mid + 1);
}

/**
 * locate() on the largest article (900,000 characters) with the longest quote
 * (10,000): repetitive text makes both the exact step (one occurrence per
 * position) and the fuzzy step (one approximate match per position) see as
 * many candidates as the text has characters.
 */
function locateCases(): TextCase[] {
  const texts: PayloadName[] = ["one-long-word", "words", "spaces+x", "newline-spaces-newline", "mixed-ws+x", "emoji", "combining", "star-a", "gt-lines", "list-staircase"];
  const out: TextCase[] = [];
  for (const name of texts) {
    const text = payload(name).slice(0, MAX_ARTICLE_TEXT);
    const at = text.length >> 1;
    const quote = text.slice(at, at + MAX_QUOTE);
    const variants = {
      "exact, moved": { exact: quote, prefix: "#", suffix: "#", start: at + 7, end: at + 7 + quote.length },
      "exact, no position": { exact: quote, prefix: "#", suffix: "#" },
      "edited, near": { exact: mutate(quote), prefix: "", suffix: "", start: at, end: at + quote.length },
      "edited, no position": { exact: mutate(quote), prefix: "", suffix: "" },
      "retyped spacing": { exact: quote.replace(/ /g, "\t"), prefix: "", suffix: "" },
    };
    for (const [how, selector] of Object.entries(variants)) {
      out.push({ fn: `locate (${how})`, input: name, budget: BUDGET, run: () => locate(text, selector) });
    }
  }
  return out;
}

/** 2,000 claims on the largest article, all near its end: each position converts to code points. */
function annotationCases(): TextCase[] {
  return (["emoji", "words"] as PayloadName[]).map((name) => {
    const text = payload(name).slice(0, MAX_ARTICLE_TEXT);
    const claims: AnnotatableClaim[] = Array.from({ length: 2_000 }, (_, i) => {
      const start = text.length - MAX_QUOTE - 2 * i - 2;
      return {
        id: `c${i}`, articleRevision: 1, anchorStatus: "ANCHORED", claimText: "c", verdict: "FALSE", rationale: text.slice(0, 20_000),
        selector: { exact: text.slice(start, start + 10), prefix: "", suffix: "", start, end: start + 10 },
        author: { id: "u", name: "n" }, createdAt: new Date(0), updatedAt: new Date(0),
      };
    });
    return {
      fn: "toAnnotationCollection",
      input: `${name}, 2000 claims`,
      budget: BUDGET,
      run: () => toAnnotationCollection({ baseUrl: "https://v.example", article: { id: "a", title: "t", sourceUrl: null, text }, revisions: {}, claims }),
    };
  });
}

export function textCases(): TextCase[] {
  const out: TextCase[] = [];
  for (const f of FUNCTIONS) {
    for (const name of new Set(f.payloads)) {
      const fn = f.cap ? `${f.fn} [input cut to ${f.cap}]` : f.fn;
      out.push({ fn, input: name, budget: f.budget ?? BUDGET, run: () => f.run(f.cap ? payload(name).slice(0, f.cap) : payload(name)) });
    }
  }
  return [...out, ...locateCases(), ...annotationCases()];
}
