// Telling HTML from plain text in feed fields and titles, via a real HTML
// parser: anything the parser turns into elements or decodes differently is HTML.
import { parseHTML } from "linkedom";

function body(fragment: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head></head><body>${fragment}</body></html>`).document.body;
}

export function looksLikeHtml(value: string): boolean {
  const b = body(value);
  return b.children.length > 0 || b.textContent !== value;
}

/** The visible text of an HTML fragment, e.g. an Atom title of type="html". */
export function htmlToPlainText(value: string): string {
  return body(value).textContent ?? "";
}
