// The standfirst (dek): the sentence or two under a headline that sums up the
// story. Fact-checkers check claims there too, but it sits in the page's header
// beside the headline, outside the body Readability keeps. Found before
// Readability runs (it moves the page's nodes), added in front of the story
// when the story does not already hold it. Linear: one selector query, one
// look at each candidate's text.

/** Class tokens that templates give a standfirst, matched whole (case-insensitive). */
const CLASSES = ["dek", "deck", "standfirst", "subhead", "sub-head", "subheadline", "sub-headline", "article-subhead", "article__desc", "article-dek", "article__dek", "article-standfirst", "c-standfirst", "headline-sub", "article-summary", "article__summary", "story-summary"];
const SELECTOR = ["[itemprop=description]", ...CLASSES.map((c) => `[class~="${c}" i]`)].join(", ");

/** A standfirst is a sentence or two: shorter than this is a label, longer is the story itself. */
const MIN_CHARS = 30;
const MAX_CHARS = 600;

const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * The page's standfirst text, if it has exactly one plausible candidate near its
 * headline: the candidate shares a parent or grandparent with the page's first
 * <h1>, and is not inside a list, a link, a figure or another article's teaser.
 */
export function findStandfirst(doc: Document): string | undefined {
  const h1 = doc.querySelector("h1");
  if (!h1) return undefined;
  const near = new Set<Node>([h1.parentNode, h1.parentNode?.parentNode].filter((n): n is ParentNode & Node => !!n));
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(SELECTOR))) {
    if (el.tagName === "META" || el.closest("a, li, figure, figcaption, nav, footer, aside, h1")) continue;
    if (!near.has(el.parentNode as Node) && !near.has(el.parentNode?.parentNode as Node)) continue;
    const text = squash(el.textContent);
    if (text.length < MIN_CHARS || text.length > MAX_CHARS) continue;
    if (!found.includes(text)) found.push(text);
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The story's HTML with the standfirst in front, as its own paragraph; unchanged
 * when the story already holds that text (Readability kept it, or the body
 * repeats it).
 */
export function withStandfirst(storyHtml: string, storyText: string, standfirst: string | undefined): string {
  if (!standfirst || squash(storyText).includes(standfirst)) return storyHtml;
  return `<p>${escapeHtml(standfirst)}</p>${storyHtml}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An ellipsis at the end of a teaser: "...", "…", "。。。". */
const ELLIPSIS = /(?:\.\.\.|…|。。。)$/;

/** A teaser shorter than this is too little to tell a repeat from a coincidence. */
const MIN_TEASER = 12;

/**
 * Removes the story's first block when it is a teaser of the story itself: text
 * cut short with an ellipsis whose words are where the story's text goes on to
 * say them in full (the page's excerpt above the body). Keeps a first block that
 * merely ends in an ellipsis.
 */
export function dropTeaserRepeat(story: Element): void {
  // Readability wraps what it keeps in <div>s: the first block is the first leaf down the first children.
  let first = story.firstElementChild;
  while (first && WRAPPER.has(first.tagName.toUpperCase()) && first.firstElementChild) first = first.firstElementChild;
  if (!first || !first.textContent) return;
  const text = squash(first.textContent);
  if (!ELLIPSIS.test(text)) return;
  const stem = text.replace(ELLIPSIS, "").trim();
  if (stem.length < MIN_TEASER) return;
  const all = squash(story.textContent);
  const rest = all.slice(all.indexOf(text) + text.length);
  if (rest.includes(stem)) first.remove();
}

const WRAPPER = new Set(["DIV", "SECTION", "ARTICLE", "MAIN"]);
