// Page chrome removed before Readability runs (extract-html.ts). Selectors are
// blunt: `[id^="ad-"]` also matched a French daily's `ad-portal` wrapper around
// the whole page, and ASP.NET sites wrap every page in one <form>. So nothing
// that holds the story is ever removed: the story's core is found first (the
// element holding most of the page's paragraph text) and its ancestors are kept.

/** Text that is never the story even when there is a lot of it: its paragraphs do not count towards finding the story. */
const NOT_STORY = [
  "#comments", "#disqus_thread", ".comments", ".comment-list", ".comments-section", ".comment-section", "[itemprop=comment]",
  "[class~=related]", "[class*=related-links]", "[class*=related-stories]", ".newsletter-signup", ".share-tools",
].join(", ");

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
  // Inside an article's own header too: where the page sits in the site (Japanese templates say pankuzu or topicpath), how long it takes to read.
  "[class*=breadcrumb]", "[id*=breadcrumb]", "[class*=pankuzu]", "[id*=pankuzu]", "[class*=topicpath]", "[id*=topicpath]", "[class*=reading-time]", "[class*=readingtime]",
  // Not the story's words: who took the photo, and pull quotes (the story's own sentences again, set large).
  "image-credits", '[class~="photo-credit" i]', '[class~="photo-credits" i]', '[class~="image-credit" i]', '[class~="image-credits" i]', '[class~="media-credit" i]',
  '[class~="pullquote" i]', '[class~="pull-quote" i]', '[class~="pull_quote" i]', 'box[type="citation" i]',
  // Shopping boxes that blogs put under a post (Amazon affiliate widgets: amazlet, Kaereba/Yomereba, Rinker).
  "[class*=amazlet]", "[class*=kaerebalink]", "[class*=booklink-box]", "[class*=yyi-rinker]", '[class*="amazon-box" i]',
  NOT_STORY,
].join(", ");

/** Chrome that is only boilerplate when it sits outside the story (an article's own header holds its byline). */
const OUTSIDE_STORY = "header, footer, aside, [role=banner], [role=contentinfo], [role=complementary]";

/**
 * Where a <header> or <footer> belongs to a part of the page, not to the page:
 * HTML makes one the page's banner or content info only when no sectioning
 * element or <main> holds it (a <section>'s header holds its headline and lede).
 */
const SECTIONING = "article, aside, main, nav, section";

/** A <header> or <footer> (without a landmark role of its own) that heads or closes a section rather than the page. */
function sectionPart(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return (tag === "HEADER" || tag === "FOOTER") && !el.hasAttribute("role") && el.parentElement?.closest(SECTIONING) != null;
}

/** Where a page says its story is. */
const STORY = "main, article, [itemprop=articleBody]";

/**
 * Class or id of a newsletter, subscription or cookie prompt. Literal
 * alternatives only (no nested quantifiers): linear on any class attribute.
 */
const PROMPT = /newsletter|subscri|sign-?up|opt-?in|cookie|consent|gdpr|paywall|regwall/i;

/** A prompt is a small box: one holding more than this share of the page's paragraph text is left to Readability. */
const PROMPT_MAX_SHARE = 0.2;

/** The box around an e-mail field: the largest ancestor with at most this much text. */
const PROMPT_MAX_TEXT = 1_000;

/** Paragraphs shorter than this are captions, datelines and buttons, not story (Readability's own threshold). */
const MIN_PARAGRAPH = 25;

/** Where a page's text is not text (script bodies count as nothing). */
const NOT_TEXT = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

type Stats = {
  /** Length of the text in the subtree. */
  text: Map<Element, number>;
  /** Length of the story-like paragraph text in the subtree (none inside NOT_STORY areas). */
  paragraphs: Map<Element, number>;
  /** The subtree below the element holds a <main>, <article> or articleBody. */
  holdsStory: Set<Element>;
  /** The element is, or is inside, a <main>, <article> or articleBody. */
  inStory: Set<Element>;
  /** The element is inside (strictly) an <article> or articleBody: its own header and footer are the story's. */
  inArticle: Set<Element>;
  /** Links (<a href>) in the subtree, the element's own included. */
  links: Map<Element, number>;
  /** Of those, links to a sign-up, subscription or cookie page (PROMPT in the address). */
  promptLinks: Map<Element, number>;
};

/**
 * One walk, each element met on the way down and finished on the way up. No
 * recursion (deep markup overflowed the stack) and no per-element subtree
 * query or closest() (quadratic in nesting).
 */
function measure(root: Element, notStory: Set<Element>, story: Set<Element>, article: Set<Element>): Stats {
  const stats: Stats = { text: new Map(), paragraphs: new Map(), holdsStory: new Set(), inStory: new Set(), inArticle: new Set(), links: new Map(), promptLinks: new Map() };
  const add = (map: Map<Element, number>, el: Element, n: number) => map.set(el, (map.get(el) ?? 0) + n);
  const enter = (el: Element) => {
    const parent = el.parentElement;
    if (story.has(el) || (parent && stats.inStory.has(parent))) stats.inStory.add(el);
    if (parent && (article.has(parent) || stats.inArticle.has(parent))) stats.inArticle.add(el);
  };
  const finish = (el: Element) => {
    const text = stats.text.get(el) ?? 0;
    const own = notStory.has(el) ? 0 : el.tagName.toUpperCase() === "P" ? (text >= MIN_PARAGRAPH ? text : 0) : stats.paragraphs.get(el) ?? 0;
    stats.paragraphs.set(el, own);
    const href = el.tagName.toUpperCase() === "A" ? el.getAttribute("href") : null;
    if (href !== null) {
      add(stats.links, el, 1);
      if (PROMPT.test(href)) add(stats.promptLinks, el, 1);
    }
    const parent = el.parentElement;
    if (!parent || el === root) return;
    add(stats.text, parent, text);
    add(stats.paragraphs, parent, own);
    add(stats.links, parent, stats.links.get(el) ?? 0);
    add(stats.promptLinks, parent, stats.promptLinks.get(el) ?? 0);
    if (story.has(el) || stats.holdsStory.has(el)) stats.holdsStory.add(parent);
  };
  enter(root);
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (parent && !NOT_TEXT.has(parent.tagName.toUpperCase())) add(stats.text, parent, (node.textContent ?? "").trim().length);
    } else if (node.nodeType === 1) {
      enter(node as Element);
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      finish(node as Element);
    }
    // Climb, finishing each element whose children are all done.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) node = null;
      else finish(node as Element);
    }
    node = node ? node.nextSibling : null;
  }
  finish(root);
  return stats;
}

/**
 * The story's core and its ancestors: from the body down, while one child
 * holds at least half of the page's paragraph text, that child. Empty when the
 * page has no paragraphs to go by.
 */
function storyPath(body: Element, stats: Stats): Set<Element> {
  const total = stats.paragraphs.get(body) ?? 0;
  const path = new Set<Element>();
  if (total === 0) return path;
  for (let el: Element | undefined = body; el; ) {
    path.add(el);
    let next: Element | undefined;
    for (const child of Array.from(el.children)) {
      if ((stats.paragraphs.get(child) ?? 0) * 2 >= total) next = child;
    }
    el = next;
  }
  // Its ancestors above the body (<html>) hold it too.
  for (let up = body.parentElement; up; up = up.parentElement) path.add(up);
  return path;
}

/** E-mail fields looked at: a page has one or two; the climb from each is bounded by the page's depth. */
const MAX_EMAIL_FIELDS = 20;

/** Sign-up links looked at (PROMPT in the address), as e-mail fields. */
const MAX_PROMPT_LINKS = 20;

/** The box around a sign-up link: the largest ancestor with at most this much text (a line of pitch and the button), and no other link. */
const PROMPT_LINK_MAX_TEXT = 300;

/**
 * Newsletter, subscription and cookie prompts outside the page's story
 * (<main>, <article>): Readability appends a sibling of the story with a
 * sentence or two of text, so the box under the story was stored with it.
 */
function prompts(doc: Document, stats: Stats, keep: Set<Element>, total: number): Element[] {
  const outside = (el: Element) => !keep.has(el) && !stats.holdsStory.has(el) && !stats.inStory.has(el);
  const found: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll("[class], [id]"))) {
    const small = (stats.paragraphs.get(el) ?? 0) <= total * PROMPT_MAX_SHARE;
    if (small && outside(el) && PROMPT.test(`${el.getAttribute("class") ?? ""} ${el.id}`)) found.push(el);
  }
  // An e-mail field outside the story: the box around it (its form goes with the boilerplate, its pitch would not).
  for (const input of Array.from(doc.querySelectorAll("input[type=email i]")).slice(0, MAX_EMAIL_FIELDS)) {
    let box: Element | null = null;
    for (let el = input.parentElement; el && el !== doc.body && outside(el) && (stats.text.get(el) ?? 0) <= PROMPT_MAX_TEXT; el = el.parentElement) box = el;
    if (box) found.push(box);
  }
  // A sign-up link outside the story (a newsletter pitch whose button is a link, not a field): the box around it,
  // while the box holds no link but sign-up ones (a link elsewhere is a byline, a teaser, a menu).
  const promptLinks = Array.from(doc.querySelectorAll("a[href]")).filter((a) => (stats.promptLinks.get(a) ?? 0) > 0).slice(0, MAX_PROMPT_LINKS);
  for (const link of promptLinks) {
    let box: Element | null = null;
    for (
      let el: Element | null = link;
      el && el !== doc.body && outside(el) && (stats.text.get(el) ?? 0) <= PROMPT_LINK_MAX_TEXT && stats.links.get(el) === stats.promptLinks.get(el);
      el = el.parentElement
    )
      box = el;
    if (box) found.push(box);
  }
  return found;
}

/** Removes the page's chrome, never an element that holds the story. */
export function removeBoilerplate(doc: Document): void {
  const body = doc.body ?? doc.documentElement;
  if (!body) return;
  const all = (selector: string) => new Set(Array.from(doc.querySelectorAll(selector)));
  // The page's own footer (its content info: legal notes, imprint) is never the story, however long its paragraphs.
  const notStory = all(NOT_STORY);
  for (const el of Array.from(doc.querySelectorAll("footer, [role=contentinfo]"))) if (el.matches("[role=contentinfo]") || !sectionPart(el)) notStory.add(el);
  const stats = measure(body, notStory, all(STORY), all("article, [itemprop=articleBody]"));
  const keep = storyPath(body, stats);
  const doomed = prompts(doc, stats, keep, stats.paragraphs.get(body) ?? 0);
  for (const el of Array.from(doc.querySelectorAll(BOILERPLATE))) if (!keep.has(el)) doomed.push(el);
  for (const el of Array.from(doc.querySelectorAll(OUTSIDE_STORY))) if (!keep.has(el) && !stats.inArticle.has(el) && !sectionPart(el)) doomed.push(el);
  for (const el of doomed) el.remove();
}

/**
 * Each <div> whose only content is one <blockquote> (with nothing but blanks
 * beside it) is replaced by the quote. Readability's clean-up judges a <div> by
 * its class and link density and removes the box around an embedded post (a
 * quoted tweet is mostly links; "widget" in the class weighs against it), and
 * the quotation with it; a <blockquote> itself it keeps.
 */
export function unwrapQuotes(doc: Document): void {
  // Only the quote, blank text and comments in the box.
  const holdsOnly = (box: Element, quote: Element) =>
    Array.from(box.childNodes).every((n) => n === quote || n.nodeType === 8 || (n.nodeType === 3 && !(n.textContent ?? "").trim()));
  for (const quote of Array.from(doc.querySelectorAll("div > blockquote"))) {
    for (let box = quote.parentElement; box && box.tagName.toUpperCase() === "DIV" && holdsOnly(box, quote); box = quote.parentElement) box.replaceWith(quote);
  }
}
