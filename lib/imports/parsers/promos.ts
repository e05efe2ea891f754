// Lines a page puts around the story that are not the story, recognised
// narrowly: an app prompt at the story's end (a short last paragraph with a
// link to an app store or a download page: "Like this article? Search … in the
// App Store", "Download our app"), and a dateline standing alone at its top.
// ("Related: …" link lines were tried too: the saved pages' references keep
// them on two sites of three, and a line that is one link can be a citation.)
//
// Pure DOM work on the extracted story (Readability's result), linear in its size.

/** Longest app prompt, in characters of text. */
const MAX_APP_PROMPT = 160;
const APP_LINK = /(^|[/.])(apps?\.apple\.com|itunes\.apple\.com|play\.google\.com)(\/|$)|\/downloads?(\/|$|\?)/i;
const APP_WORDS = /\bapps?\b|app\s*store|google play|应用商店|商店|下载|アプリ|앱/i;
const BLOCK_TAGS = new Set(["P", "DIV", "LI"]);

const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** A short paragraph pointing at an app store or a download page. */
export function isAppPrompt(block: Element): boolean {
  const text = squash(block.textContent);
  if (!text || text.length > MAX_APP_PROMPT) return false;
  const links = Array.from(block.querySelectorAll("a"));
  if (!links.some((a) => APP_LINK.test(a.getAttribute("href") ?? ""))) return false;
  return APP_WORDS.test(text);
}

/** The story's last element with text, looking through wrappers. */
function lastTextBlock(root: Element): Element | null {
  let el: Element | null = root;
  for (let depth = 0; el && depth < 8; depth++) {
    const kids: Element[] = Array.from(el.children).filter((c) => squash(c.textContent));
    const last: Element | undefined = kids[kids.length - 1];
    if (!last) return el === root ? null : el;
    if (BLOCK_TAGS.has(last.tagName.toUpperCase()) && !last.querySelector("p, div, li")) return last;
    el = last;
  }
  return null;
}

/** Removes an app prompt at the story's end; keeps the story when that is all there is. */
export function dropPromotions(story: Element): void {
  const doomed: Element[] = [];
  const last = lastTextBlock(story);
  if (last && isAppPrompt(last)) doomed.push(last);
  const total = squash(story.textContent).length;
  const removed = doomed.reduce((n, el) => n + squash(el.textContent).length, 0);
  if (!doomed.length || removed * 2 >= total) return;
  for (const el of doomed) el.parentNode?.removeChild(el);
}

// A dateline standing alone at the top of the story ("Publié aujourd'hui à
// 13h59, mis à jour à 15h25", "2019年4月4日", "Updated 3:04 PM ET, Tue March 5,
// 2019"): the date is metadata Verity stores apart (publishedAt); as a block of
// the text it is neither the story nor anything a claim would quote.
const MAX_DATELINE = 80;
/** Words a dateline is made of besides numbers, in the languages Verity meets most. */
const DATE_WORDS = new RegExp(
  [
    // English
    "published|updated|posted|last|modified|on|at|am|pm|a\\.m\\.|p\\.m\\.|et|edt|est|gmt|utc|bst|cet|cest|today|yesterday|ago|hours?|minutes?",
    "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?",
    "mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?",
    // French
    "publié|mis|à|jour|le|aujourd’hui|aujourd'hui|hier|h|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    // German
    "veröffentlicht|aktualisiert|am|um|uhr|stand|januar|februar|märz|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    // Spanish
    "publicado|actualizado|el|de|a|las|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
  ].join("|"),
  "giu",
);
const CJK_DATE = /[年月日時分秒号號]|更新|公開|発行|发布|發佈/gu;

/** Text that is only a date, a time and the words around them. */
export function isDateline(text: string): boolean {
  const t = squash(text);
  if (!t || t.length > MAX_DATELINE || !/\d/.test(t)) return false;
  const rest = t
    .toLowerCase()
    .replace(CJK_DATE, " ")
    .replace(/\d+(st|nd|rd|th|er|h\d*)?/gu, " ")
    .replace(new RegExp(`(?<![\\p{L}])(${DATE_WORDS.source})(?![\\p{L}])`, "giu"), " ")
    .replace(/[\p{P}\p{S}\s]+/gu, "");
  return rest === "";
}

/** The story's first few text blocks (paragraphs or text-only divs), in order. */
function firstTextBlocks(root: Element, count: number): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of Array.from(el.children)) {
      if (out.length >= count) return;
      if (!squash(c.textContent)) continue;
      const tag = c.tagName.toUpperCase();
      if ((tag === "P" || tag === "DIV" || tag === "TIME" || tag === "SPAN") && !c.querySelector("p, div, li, h1, h2, h3, h4, h5, h6")) out.push(c);
      else if (tag === "DIV" || tag === "SECTION" || tag === "ARTICLE" || tag === "HEADER") walk(c);
      else out.push(c);
    }
  };
  walk(root);
  return out;
}

/** Removes a dateline among the story's first three text blocks. */
export function dropDateline(story: Element): void {
  const blocks = firstTextBlocks(story, 3);
  const dateline = blocks.find((b) => isDateline(b.textContent ?? ""));
  if (dateline && blocks.length > 1) dateline.parentNode?.removeChild(dateline);
}
