// Corrections to Readability's choice of story (extract-html.ts), all linear
// in the page: selector queries and marks before Readability runs, one look
// into each block at the end of what it returns.

/**
 * Where blog and CMS templates mark the body of the post (schema.org's
 * articleBody; WordPress's entry-content, Movable Type's entry-body/entrybody,
 * Blogger's post-body, …). Class tokens, matched whole.
 */
const ENTRY_BODY = [
  "[itemprop=articleBody]",
  ...["entry-content", "entry-body", "entrybody", "entry_body", "post-body", "postbody", "post_body", "post-content", "article-body", "articlebody", "story-body"].map(
    (c) => `[class~="${c}" i]`,
  ),
].join(", ");

/** The attribute that marks the entry body through Readability (which keeps attributes other than class and presentation). */
const MARK = "data-verity-entry-body";

/**
 * Readability's result is replaced by the page's entry body when it holds the
 * entry body and is more than this many times its text: it climbed past the
 * post to a wrapper and kept the wrapper's chrome (or, its clean-up having
 * emptied the wrapper, retried until it returned the whole page).
 */
const ENTRY_BODY_RATIO = 2;

/** Text length without white space: what the ratio compares. */
function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, "").length;
}

export type EntryBody = { element: Element; length: number };

/**
 * The page's single marked entry body, found before Readability runs (it
 * moves and rewrites the page's nodes): the caller takes its HTML then. None
 * when the page marks none, or several (a list of posts) not nested in one
 * another. The element is marked so that Readability's result can be checked
 * for it.
 */
export function markEntryBody(doc: Document): EntryBody | undefined {
  // Nested matches (an articleBody inside .entry-content): the outermost, which the rest are inside
  // (counted by two queries, not a contains() per match, which climbs the page's depth).
  const element = doc.querySelector(ENTRY_BODY);
  if (!element || element.querySelectorAll(ENTRY_BODY).length + 1 !== doc.querySelectorAll(ENTRY_BODY).length) return undefined;
  const length = textLength(element);
  if (length === 0) return undefined;
  element.setAttribute(MARK, "");
  return { element, length };
}

/**
 * The entry body's HTML when Readability's result holds it and is much larger
 * (the post is what the page marks; the rest is the column around it);
 * undefined to keep Readability's result. Removes the mark from the result.
 */
export function preferEntryBody(result: Element, entry: { html: string; length: number } | undefined): string | undefined {
  const marked = Array.from(result.querySelectorAll(`[${MARK}]`));
  if (marked.length === 0) return undefined;
  for (const el of marked) el.removeAttribute(MARK);
  if (!entry || textLength(result) <= entry.length * ENTRY_BODY_RATIO) return undefined;
  return entry.html;
}

/** Marks the page's own paragraphs through Readability (whose clean-up wraps loose lines in <p>s of its own). */
const PARAGRAPH_MARK = "data-verity-paragraph";

/**
 * Marks each <p> of the page before Readability runs: a paragraph the page
 * wrote is prose even when it is mostly links ("Sold at A, B and C."), and is
 * never trimmed from the end of the story.
 */
export function markParagraphs(doc: Document): void {
  for (const p of Array.from(doc.querySelectorAll("p"))) p.setAttribute(PARAGRAPH_MARK, "");
}

/** What a block without text may still hold that is the story's. */
const MEDIA = "img, picture, video, audio, figure, table, svg, math";

/** Elements that hold the story's blocks, gone through to the innermost. */
const CONTAINER = new Set(["DIV", "SECTION", "ARTICLE", "MAIN"]);

/** Blocks at the end of the container that may be removed (a bare link or phrase stops the trim). */
const BLOCK = new Set(["P", "DIV", "SECTION", "UL", "OL", "DL", "NAV", "ASIDE", "FOOTER", "BR", "HR"]);

/** A block whose text is at least this share link text is navigation (tags, next and previous articles), not story. */
const LINK_SHARE = 0.5;

/**
 * Containers gone into at the end of the result (the story's column in a block
 * beside a side menu, in a wrapper…): each level looks into the blocks at its
 * end once, so the work stays a small multiple of the result's size.
 */
const MAX_LEVELS = 6;

const HEADING = "h1, h2, h3, h4, h5, h6";
const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);

/** Most text (white space aside) a teaser holds beside its headline: a summary of a line or three. */
const TEASER_TEXT = 400;

/** A link to another page (not to a part of this one). */
function linksAway(a: Element | null): boolean {
  const href = a?.getAttribute("href")?.trim();
  return !!href && !href.startsWith("#");
}

/** A block whose text is all in headings (a section's title left without its section). */
function headingsOnly(block: Element, text: number): boolean {
  let headings = 0;
  for (const h of Array.from(block.querySelectorAll(HEADING))) headings += textLength(h);
  return headings === text;
}

/**
 * Other stories' teasers ("Next in …", "More from …"): a block with at least
 * two headlines that are links to other pages (a heading inside a link, or a
 * link inside a heading), and beside them no more than a short summary each.
 * A story's own subheads are not links, or link to a part of the page, and
 * head more text than a summary. The climb from each heading to the block is
 * bounded by the page's depth (extract-html caps elements × depth).
 */
function teaserList(block: Element): boolean {
  let headlines = 0;
  let headlineText = 0;
  for (const h of Array.from(block.querySelectorAll(HEADING))) {
    let linked = linksAway(h.querySelector("a"));
    for (let up = h.parentElement; !linked && up && up !== block.parentElement; up = up.parentElement) {
      if (up.tagName.toUpperCase() === "A") linked = linksAway(up);
    }
    if (!linked) continue;
    headlines++;
    headlineText += textLength(h);
  }
  return headlines >= 2 && textLength(block) - headlineText <= TEASER_TEXT * headlines;
}

/**
 * Readability keeps a whole column when the story sits loose in it, and with
 * it what the column puts after the story: the category and tag list, links to
 * the next and previous articles, other stories' teasers. From the end of the
 * result's innermost container, blocks that are mostly link text (lists, or
 * lines the page did not write as paragraphs: see markParagraphs), lists of
 * teasers (see teaserList), or empty, are removed, up to the first that is
 * none of these; a heading right above them (or left at the end, heading
 * nothing) goes too. Only when what stays holds more text than what goes.
 * Each element at the end is looked into once (linear). Removes the paragraph
 * marks from the result.
 */
export function trimTrailingLinks(result: Element): void {
  trimEnd(result);
  for (const p of Array.from(result.querySelectorAll(`[${PARAGRAPH_MARK}]`))) p.removeAttribute(PARAGRAPH_MARK);
}

function trimEnd(result: Element): void {
  // The innermost container: down through wrappers with a single child element and no text of their own.
  let top = result;
  for (;;) {
    const kids = top.children;
    if (kids.length !== 1 || !CONTAINER.has(kids[0].tagName.toUpperCase())) break;
    const own = Array.from(top.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim());
    if (own) break;
    top = kids[0];
  }
  // Then into the container that ends it, and so on: a column's side menu sits at the end of the block that holds the story.
  let box: Element | undefined = top;
  const doomed: Node[] = [];
  let trimmed = 0;
  let linked = 0;
  let dangling = false;
  for (let level = 0; box && level < MAX_LEVELS; level++) {
    const nodes = Array.from(box.childNodes);
    let cut = nodes.length;
    let here = 0;
    let linkedHere = 0;
    let headed = false;
    let last: Element | undefined;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i];
      if (node.nodeType === 8) {
        cut = i;
        continue;
      }
      if (node.nodeType === 3) {
        const text = (node.textContent ?? "").replace(/\s+/g, "").length;
        if (text) break;
        cut = i;
        continue;
      }
      if (node.nodeType !== 1) break;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const text = textLength(el);
      // A heading with nothing under it but what was trimmed ("Related", "Next in …", or a heading whose list
      // Readability or the boilerplate removed) goes too; the story ends above it.
      if (text > 0 && (HEADINGS.has(tag) || (BLOCK.has(tag) && headingsOnly(el, text)))) {
        cut = i;
        here += text;
        headed = true;
        break;
      }
      // A link or emphasis at the end of the story's own text is not a block of navigation.
      if (!BLOCK.has(tag)) break;
      if (text === 0) {
        if (el.matches(MEDIA) || el.querySelector(MEDIA)) break;
        cut = i;
        continue;
      }
      if (el.hasAttribute(PARAGRAPH_MARK)) break;
      let links = 0;
      for (const a of Array.from(el.querySelectorAll("a"))) links += textLength(a);
      if (Math.min(links, text) < text * LINK_SHARE && !teaserList(el)) {
        if (CONTAINER.has(tag)) last = el;
        break;
      }
      cut = i;
      here += text;
      linkedHere += links;
    }
    // Below the first container, only beside a container (a column's side menu): after paragraphs, a list is the story's own ("Read also").
    if (box === top || last) {
      for (const node of nodes.slice(cut)) doomed.push(node);
      trimmed += here;
      linked += linkedHere;
      dangling ||= headed;
    }
    box = last;
  }
  if ((linked === 0 && !dangling) || textLength(result) - trimmed <= trimmed) return;
  for (const node of doomed) node.parentNode?.removeChild(node);
}
