// Adversarial text for the linear-time tests (linear-text.test.ts): inputs of
// about 1 MB built to trigger the usual super-linear cases of regexes and
// parsers (long runs that a quantifier can split many ways, deep nesting,
// repeated delimiters, many near-matches of a pattern). Pure, no I/O.

/** About 1 MB of text; upstream caps are smaller for some functions (see the cases). */
export const SIZE = 1_000_000;

/** `unit` repeated to `size` characters (cut at a unit boundary when units are wider than one character). */
export function fill(unit: string, size = SIZE): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** Lines of growing indentation: `indent(i) + marker` per line, up to `size` characters. */
function staircase(marker: string, step: string, size = SIZE): string {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const line = step.repeat(i) + marker;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join("\n");
}

// Each payload is made on first use and cached: several are reused by many cases.
const MAKERS = {
  // Whitespace runs, with and without a terminator and with a non-space after them.
  "spaces": () => fill(" "),
  "spaces+x": () => fill(" ") + "x",
  "x+spaces+x": () => "x" + fill(" ") + "x",
  "tabs+x": () => fill("\t") + "x",
  "space-tab+x": () => fill(" \t") + "x",
  "newlines+x": () => fill("\n") + "x",
  "x+newlines+x": () => "x" + fill("\n") + "x",
  "crlf+x": () => fill("\r\n") + "x",
  "cr+x": () => fill("\r") + "x",
  "space-newline+x": () => fill(" \n") + "x",
  "newline-spaces-newline": () => fill("\n" + " ".repeat(50)) + "x",
  "blank-lines-spaced": () => fill("\n \n\t\u00a0\n") + "x",
  "nbsp+x": () => fill("\u00a0") + "x",
  "unicode-spaces+x": () => fill("\u2003\u3000\u2028\ufeff") + "x",
  "mixed-ws+x": () => fill(" \t\u00a0\n\r\f\v") + "x",
  // Long lines without terminators, astral characters and combining marks.
  "one-long-word": () => fill("a"),
  "words": () => fill("lorem ipsum "),
  "emoji": () => fill("\u{1F600}"),
  "combining": () => fill("a\u0301\u0308"),
  "lone-surrogates": () => fill("\ud800a"),
  // Markdown-ish delimiters and nesting.
  "gt": () => fill(">"),
  "gt-space": () => fill("> ") + "x",
  "gt-lines": () => staircase("x", "> ", SIZE),
  "list-line": () => fill("- ") + "x",
  "list-staircase": () => staircase("- x", "  "),
  "ordered-staircase": () => staircase("1. x", "   "),
  "star-a": () => fill("*a"),
  "stars": () => fill("*"),
  "underscore-a": () => fill("_a"),
  "underscores": () => fill("_"),
  "double-star-a": () => fill("**a"),
  "brackets": () => fill("["),
  "bracket-paren": () => fill("]("),
  "link-opens": () => fill("[a]("),
  "image-opens": () => fill("!["),
  "backticks": () => fill("`"),
  "backtick-a": () => fill("``a"),
  "tildes": () => fill("~"),
  "pipes": () => fill("|a") + "\n" + fill("|-", 1000),
  "hashes": () => fill("#"),
  "backslashes": () => fill("\\"),
  "lt": () => fill("<"),
  "lt-a": () => fill("<a"),
  "lt-a-space": () => fill("<a "),
  "autolink-opens": () => fill("<http://"),
  "amp": () => fill("&"),
  "amp-hash": () => fill("&#"),
  "amp-entities": () => fill("&amp;"),
  "parens": () => fill("("),
  "braces": () => fill("{"),
  "quotes": () => fill('"'),
  "commas": () => fill(","),
  "equals-lines": () => fill("a\n=\n"),
  // HTML nesting and tag soup.
  "div-nest": () => fill("<div>"),
  "ul-li-nest": () => fill("<ul><li>"),
  "li-p-nest": () => fill("<ul><li><p>x</p>"),
  "blockquote-nest": () => fill("<blockquote>"),
  "li-soup": () => fill("<li>"),
  "p-soup": () => fill("<p>"),
  "b-nest": () => fill("<b>"),
  "a-soup": () => fill('<a href="http://x">'),
  "table-soup": () => fill("<table><tr><td>"),
  "comment-opens": () => fill("<!--"),
  "cdata-opens": () => fill("<![CDATA["),
  "pre-spaces": () => "<pre>" + fill(" ") + "x</pre>",
  "pre-newlines": () => "<pre>" + fill("\n") + "x</pre>",
  "pre-tabs": () => "<pre>a" + fill(" \t") + "x</pre>",
  "attr-soup": () => "<p " + fill('a="') + ">",
  // Near-matches of patterns used in the code under test.
  // A trailing "@" (not a space: schemas trim) makes the last [^\s@]+$ fail after every split.
  "email-dots": () => "a@a" + fill(".") + "@",
  "email-parts": () => "a@" + fill("a.") + "@",
  "email-inner-space": () => "a@" + fill("a.") + " x",
  "at-signs": () => fill("a@"),
  "at-parens": () => "a@" + fill("(") + "x",
  "at-paren-pairs": () => "a" + fill("@(") + "x",
  "key-colons": () => "Title" + fill(":"),
  "key-spaces": () => "a:" + fill(" ") + "x\u2028",
  "dash-spaces": () => "- " + fill(" ") + "x\u2028",
  "front-matter": () => "---\n" + fill("a: " + " ".repeat(100) + "x\u2028\n") + "---\nbody",
  "front-matter-list": () => "---\nk:\n" + fill("  -" + " ".repeat(100) + "x\u2029\n") + "---\nbody",
  "slashes": () => "https://x.example/" + fill("/") + "a/",
  "dashes": () => fill("-"),
  "dash-a": () => fill("-a"),
  "csv-quotes": () => 'title,text\n"' + fill('""') + "\n",
  "csv-commas": () => "title,text\n" + fill(",") + "\n",
  "json-nest": () => fill("["),
  "json-string-escapes": () => '"' + fill("\\u0000") + '"',
  "xml-nest": () => fill("<a>"),
  "xml-doctype": () => '<!DOCTYPE r [<!ENTITY a "' + fill("x", 900) + '">' + fill('<!ENTITY b "&a;&a;">', 10_000) + "]><rss><channel><item><title>&b;</title></item></channel></rss>",
  "language-tag": () => "en" + fill("-abcdefgh") + "!",
  "date-like": () => fill("2024-01-01 "),
  "byline": () => fill(" by ") + "x",
} satisfies Record<string, () => string>;

export type PayloadName = keyof typeof MAKERS;
export const PAYLOAD_NAMES = Object.keys(MAKERS) as PayloadName[];

const cache = new Map<PayloadName, string>();

export function payload(name: PayloadName): string {
  let s = cache.get(name);
  if (s === undefined) {
    s = MAKERS[name]();
    cache.set(name, s);
  }
  return s;
}

export const WHITESPACE: PayloadName[] = [
  "spaces", "spaces+x", "x+spaces+x", "tabs+x", "space-tab+x", "newlines+x", "x+newlines+x", "crlf+x", "cr+x",
  "space-newline+x", "newline-spaces-newline", "blank-lines-spaced", "nbsp+x", "unicode-spaces+x", "mixed-ws+x",
];

export const PLAIN: PayloadName[] = ["one-long-word", "words", "emoji", "combining", "lone-surrogates"];

export const MARKDOWN: PayloadName[] = [
  "gt", "gt-space", "gt-lines", "list-line", "list-staircase", "ordered-staircase", "star-a", "stars", "underscore-a",
  "underscores", "double-star-a", "brackets", "bracket-paren", "link-opens", "image-opens", "backticks", "backtick-a",
  "tildes", "pipes", "hashes", "backslashes", "lt", "lt-a", "autolink-opens", "amp", "amp-hash", "parens", "equals-lines",
];

export const HTML: PayloadName[] = [
  "div-nest", "ul-li-nest", "li-p-nest", "blockquote-nest", "li-soup", "p-soup", "b-nest", "a-soup", "table-soup",
  "comment-opens", "cdata-opens", "pre-spaces", "pre-newlines", "pre-tabs", "attr-soup", "lt", "lt-a", "lt-a-space", "amp", "amp-entities",
];

export const NEAR_MISSES: PayloadName[] = [
  "email-dots", "email-parts", "email-inner-space", "at-signs", "at-parens", "at-paren-pairs", "key-colons", "key-spaces", "dash-spaces",
  "front-matter", "front-matter-list", "slashes", "dashes", "dash-a", "language-tag", "date-like", "byline", "braces", "quotes", "commas",
];

/** Every payload except the structured ones that only make sense for one parser. */
export const GENERIC: PayloadName[] = [...new Set([...WHITESPACE, ...PLAIN, ...MARKDOWN, ...HTML, ...NEAR_MISSES])];
