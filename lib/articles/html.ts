// HTML in, sanitized HTML plus canonical text and blocks out. Runs on the server
// (sanitize-html and linkedom are Node libraries); no Next, no Prisma.
import sanitizeHtml from "sanitize-html";
import { parseHTML } from "linkedom";
import { assemble, type Block, type DraftBlock } from "./blocks";
import { invalidInput } from "@/lib/errors";
import { htmlNestingDepth, MAX_HTML_DEPTH } from "./html-depth";
import { resolveLink } from "./url";

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
};

/** The attributes holding a URL; none other is allowed through. */
const URL_ATTRIBUTES = ["href", "src", "cite"];

/**
 * Every URL attribute resolved against `base` (the article's URL): an imported
 * page's relative link would otherwise point at Verity itself. A value that is
 * not an absolute http(s) or mailto URL once resolved is removed (the link's
 * text stays). The scheme allowlist above still applies after this.
 */
function linkTransform(base: string | undefined, extra: Record<string, string> = {}): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const out: sanitizeHtml.Attributes = { ...attribs, ...extra };
    for (const name of URL_ATTRIBUTES) {
      if (out[name] === undefined) continue;
      const url = resolveLink(out[name], base);
      if (url) out[name] = url;
      else delete out[name];
    }
    return { tagName, attribs: out };
  };
}

/**
 * Refuses markup nested deeper than MAX_HTML_DEPTH (see html-depth.ts: both
 * sanitize-html's parser and linkedom's slow down with depth); the sanitized
 * output is never deeper than its input, so this guards the parse in htmlToArticle too.
 * `baseUrl` is where relative links resolve: the article's source URL (none for pasted HTML: they are dropped).
 */
export function sanitizeArticleHtml(html: string, baseUrl?: string): string {
  if (htmlNestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) throw invalidInput({ html: `nests its tags more than ${MAX_HTML_DEPTH} deep` });
  return sanitizeHtml(html, {
    ...SANITIZE_OPTIONS,
    transformTags: {
      a: linkTransform(baseUrl, { rel: "noopener noreferrer nofollow" }),
      q: linkTransform(baseUrl),
      blockquote: linkTransform(baseUrl),
    },
  });
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

const CONTAINER = /^(DIV|SECTION|ARTICLE|MAIN|BODY|UL|OL|TABLE|THEAD|TBODY|TFOOT|TD|TH|FIGURE|DL|HEADER|FOOTER|ASIDE|NAV|LI|HR)$/;
/** What makes an <li> (or any other block, or an inline element) a container rather than one block. */
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

/** Newlines in the markup's text are layout, not line breaks: only a <br> makes one (see blockText). */
const SOURCE_NEWLINES = /[\r\n]/g;

/**
 * The text of a block: like textContent, but each <br> is a "\n". Outside a
 * <pre> the markup's own newlines become spaces first, so the only "\n" left
 * are the page's line breaks (assemble keeps those and collapses the rest). A
 * walk over the subtree without recursion (deep markup overflowed the stack).
 */
function blockText(root: Node, preformatted: boolean): string {
  const parts: string[] = [];
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === 3) {
      const t = node.textContent ?? "";
      parts.push(preformatted ? t : t.replace(SOURCE_NEWLINES, " "));
    } else if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === "BR") {
      parts.push("\n");
    }
    if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return parts.join("");
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
    if (f.loose.trim()) drafts.push({ type: f.inQuote ? "quote" : "paragraph", text: f.loose, lineBreaks: true });
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
      f.loose += (child.textContent ?? "").replace(SOURCE_NEWLINES, " ");
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    const leaf = LEAF_BLOCKS[tag];
    // A block or inline element with paragraphs, lists or quotes inside (Readability wraps an inline
    // <span> holding a story's <p>s in a <p> of its own) is walked into: flattened, its paragraphs' words ran together.
    // So is a table row whose cells hold them (a page laid out in a table): each cell's blocks stay blocks.
    const holdsBlocks = tag !== "PRE" && hasBlockInside.has(el);
    if (tag === "BR") {
      f.loose += "\n";
    } else if (leaf && !holdsBlocks) {
      flush(f);
      const type = leaf(el);
      const pre = type === "preformatted";
      const text = tag === "TR" ? Array.from(el.children).map((c) => blockText(c, false)).join(" · ") : blockText(el, pre);
      drafts.push({ type: f.inQuote && type === "paragraph" ? "quote" : type, text, lineBreaks: !pre, ...(type === "heading" ? { level: Number(tag[1]) } : {}) });
    } else if (tag === "BLOCKQUOTE" || CONTAINER.test(tag) || holdsBlocks) {
      flush(f);
      stack.push({ children: Array.from(el.childNodes), next: 0, inQuote: f.inQuote || tag === "BLOCKQUOTE", loose: "" });
    } else {
      f.loose += blockText(el, false);
    }
  }
}

/**
 * Sanitizes HTML and derives the canonical text and block structure from it.
 * `baseUrl` (the article's source URL) is where the HTML's relative links resolve.
 */
export function htmlToArticle(html: string, baseUrl?: string): { html: string; text: string; blocks: Block[] } {
  const clean = sanitizeArticleHtml(html, baseUrl);
  const { document } = parseHTML(`<!doctype html><html><body>${clean}</body></html>`);
  const drafts: DraftBlock[] = [];
  collect(document.body, drafts);
  return { html: clean, ...assemble(drafts) };
}
