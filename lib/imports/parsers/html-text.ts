// Telling HTML from plain text in feed fields and titles, via a real HTML
// parser: anything the parser turns into elements or decodes differently is HTML.
import { parseHTML } from "linkedom";
import { htmlNestingDepth, MAX_HTML_DEPTH } from "@/lib/articles/html-depth";

/** The parsed fragment, or null when it nests tags too deep to parse in reasonable time (html-depth.ts). */
function body(fragment: string): HTMLElement | null {
  if (htmlNestingDepth(fragment, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) return null;
  return parseHTML(`<!doctype html><html><head></head><body>${fragment}</body></html>`).document.body;
}

/** Markup nested past the parsing limit is HTML too (and is refused when it is imported as HTML). */
export function looksLikeHtml(value: string): boolean {
  const b = body(value);
  return !b || b.children.length > 0 || b.textContent !== value;
}

/** The visible text of an HTML fragment, e.g. an Atom title of type="html"; none past the nesting limit. */
export function htmlToPlainText(value: string): string {
  return body(value)?.textContent ?? "";
}
