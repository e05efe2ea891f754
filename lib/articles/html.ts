// HTML in, sanitized HTML plus canonical text and blocks out. Runs on the server
// (sanitize-html and linkedom are Node libraries); no Next, no Prisma.
import sanitizeHtml from "sanitize-html";
import { parseHTML } from "linkedom";
import { assemble, type Block, type DraftBlock } from "@/lib/articles/blocks";
import { invalidInput } from "@/lib/errors";
import { htmlNestingDepth, MAX_HTML_DEPTH } from "./html-depth";

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

/**
 * Refuses markup nested deeper than MAX_HTML_DEPTH (see html-depth.ts: both
 * sanitize-html's parser and linkedom's slow down with depth); the sanitized
 * output is never deeper than its input, so this guards the parse in htmlToArticle too.
 */
export function sanitizeArticleHtml(html: string): string {
  if (htmlNestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) throw invalidInput({ html: `nests its tags more than ${MAX_HTML_DEPTH} deep` });
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

const CONTAINER = /^(DIV|SECTION|ARTICLE|MAIN|BODY|UL|OL|TABLE|THEAD|TBODY|TFOOT|FIGURE|DL|HEADER|FOOTER|ASIDE|NAV|LI|HR)$/;
/** What makes an <li> a container rather than one block. */
const BLOCK_IN_LI = new Set(["P", "UL", "OL", "BLOCKQUOTE"]);

/**
 * The elements of root's subtree with a P, UL, OL or BLOCKQUOTE somewhere
 * inside them, in one pass from the leaves up. Asking each <li> with
 * querySelector re-read its subtree, quadratic in lists nested through <div>s
 * (and css-select recurses, so deep trees overflowed the stack).
 */
function withBlockInside(root: Node): Set<Node> {
  const marked = new Set<Node>();
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leaf: mark upwards, then climb until there is a next sibling, marking each finished node's parent.
    for (;;) {
      const parent: Node | null = node.parentNode;
      if (parent && node.nodeType === 1 && (marked.has(node) || BLOCK_IN_LI.has((node as Element).tagName.toUpperCase()))) marked.add(parent);
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = parent;
      if (!node || node === root) return marked;
    }
  }
  return marked;
}

type Frame = { children: ChildNode[]; next: number; inQuote: boolean; loose: string };

/**
 * Walks the sanitized DOM and emits one draft block per leaf block; loose inline
 * text becomes a paragraph. Iterative (an explicit stack of frames): recursing
 * per level overflowed the stack on deeply nested markup.
 */
function collect(root: Node, drafts: DraftBlock[]): void {
  const hasBlockInside = withBlockInside(root);
  const flush = (f: Frame) => {
    if (f.loose.trim()) drafts.push({ type: f.inQuote ? "quote" : "paragraph", text: f.loose });
    f.loose = "";
  };
  const stack: Frame[] = [{ children: Array.from(root.childNodes), next: 0, inQuote: false, loose: "" }];
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.next === f.children.length) {
      flush(f);
      stack.pop();
      continue;
    }
    const child = f.children[f.next++];
    if (child.nodeType === 3) {
      f.loose += child.textContent ?? "";
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    const leaf = LEAF_BLOCKS[tag];
    if (tag === "BR") {
      f.loose += "\n";
    } else if (leaf && !(tag === "LI" && hasBlockInside.has(el))) {
      flush(f);
      const type = leaf(el);
      const text = tag === "TR" ? Array.from(el.children).map((c) => c.textContent ?? "").join(" · ") : el.textContent ?? "";
      drafts.push({ type: f.inQuote && type === "paragraph" ? "quote" : type, text, ...(type === "heading" ? { level: Number(tag[1]) } : {}) });
    } else if (tag === "BLOCKQUOTE" || CONTAINER.test(tag)) {
      flush(f);
      stack.push({ children: Array.from(el.childNodes), next: 0, inQuote: f.inQuote || tag === "BLOCKQUOTE", loose: "" });
    } else {
      f.loose += el.textContent ?? "";
    }
  }
}

/** Sanitizes HTML and derives the canonical text and block structure from it. */
export function htmlToArticle(html: string): { html: string; text: string; blocks: Block[] } {
  const clean = sanitizeArticleHtml(html);
  const { document } = parseHTML(`<!doctype html><html><body>${clean}</body></html>`);
  const drafts: DraftBlock[] = [];
  collect(document.body, drafts);
  return { html: clean, ...assemble(drafts) };
}
