// HTML in, sanitized HTML plus canonical text and blocks out. Runs on the server
// (sanitize-html and linkedom are Node libraries); no Next, no Prisma.
import sanitizeHtml from "sanitize-html";
import { parseHTML } from "linkedom";
import { assemble, type Block, type DraftBlock } from "@/lib/articles/blocks";

/** The allowlist: structure and links only; no scripts, styles, frames, forms or event handlers. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
    "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "br", "hr", "span", "div", "section",
    "article", "figure", "figcaption", "q", "cite", "abbr", "time", "small", "mark", "table",
    "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd",
  ],
  allowedAttributes: { a: ["href", "title"], abbr: ["title"], time: ["datetime"], q: ["cite"], blockquote: ["cite"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside these is never article text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "svg", "math", "title", "head"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

const LEAF_BLOCKS: Record<string, (el: Element) => DraftBlock["type"]> = {
  P: () => "paragraph",
  H1: () => "heading", H2: () => "heading", H3: () => "heading", H4: () => "heading", H5: () => "heading", H6: () => "heading",
  LI: () => "list-item",
  DT: () => "paragraph", DD: () => "paragraph",
  FIGCAPTION: () => "paragraph",
  CAPTION: () => "paragraph",
  TR: () => "paragraph",
  PRE: () => "preformatted",
};

/** Walks the sanitized DOM and emits one draft block per leaf block; loose inline text becomes a paragraph. */
function collect(node: Node, drafts: DraftBlock[], inQuote: boolean): void {
  let loose = "";
  const flush = () => {
    if (loose.trim()) drafts.push({ type: inQuote ? "quote" : "paragraph", text: loose });
    loose = "";
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      loose += child.textContent ?? "";
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    const leaf = LEAF_BLOCKS[tag];
    if (tag === "BR") {
      loose += "\n";
    } else if (leaf && !(tag === "LI" && el.querySelector("p, ul, ol, blockquote"))) {
      flush();
      const type = leaf(el);
      const text = tag === "TR" ? Array.from(el.children).map((c) => c.textContent ?? "").join(" · ") : el.textContent ?? "";
      drafts.push({ type: inQuote && type === "paragraph" ? "quote" : type, text, ...(type === "heading" ? { level: Number(tag[1]) } : {}) });
    } else if (tag === "BLOCKQUOTE") {
      flush();
      collect(el, drafts, true);
    } else if (/^(DIV|SECTION|ARTICLE|MAIN|BODY|UL|OL|TABLE|THEAD|TBODY|TFOOT|FIGURE|DL|HEADER|FOOTER|ASIDE|NAV|LI|HR)$/.test(tag)) {
      flush();
      collect(el, drafts, inQuote);
    } else {
      loose += el.textContent ?? "";
    }
  }
  flush();
}

/** Sanitizes HTML and derives the canonical text and block structure from it. */
export function htmlToArticle(html: string): { html: string; text: string; blocks: Block[] } {
  const clean = sanitizeArticleHtml(html);
  const { document } = parseHTML(`<!doctype html><html><body>${clean}</body></html>`);
  const drafts: DraftBlock[] = [];
  collect(document.body, drafts, false);
  return { html: clean, ...assemble(drafts) };
}
