"use client";
// The reader's quiet marks for suggestions: a dotted underline drawn with the CSS
// Custom Highlight API over DOM ranges of the rendered article. No element is
// added to the text, so the claims' marks, their keyboard behaviour and the
// selection-to-offset mapping (dom-offsets.ts) are exactly as without them.
// Browsers without the API (older Firefox) show no marks; the "Suggestions"
// list is the accessible, complete form either way.
import { useEffect } from "react";

const NAME = "verity-suggestion";
export const SUGGESTION_MARK_CSS = `::highlight(${NAME}){text-decoration-line:underline;text-decoration-style:dotted;text-decoration-color:#64748b;text-decoration-thickness:2px;text-underline-offset:4px}`;

type Span = { start: number; end: number };
type HighlightRegistry = { set: (name: string, h: unknown) => void; delete: (name: string) => void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const highlights = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return highlights && Highlight ? { highlights, Highlight } : null;
}

/** The text runs of the article (elements with data-offset), in order, with their start offsets. */
function runs(root: HTMLElement): Array<{ node: Text; base: number; len: number }> {
  const out: Array<{ node: Text; base: number; len: number }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    const v = t.parentElement?.getAttribute("data-offset");
    if (v != null) out.push({ node: t, base: Number(v), len: t.data.length });
  }
  return out;
}

/** DOM ranges for text offsets: one pass over the runs for all spans (sorted by start). */
export function rangesFor(root: HTMLElement, spans: readonly Span[]): Range[] {
  const list = runs(root);
  const out: Range[] = [];
  let i = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    while (i < list.length && list[i].base + list[i].len <= s.start) i++;
    const from = list[i];
    if (!from || from.base > s.start) continue;
    let j = i;
    while (j < list.length && list[j].base + list[j].len < s.end) j++;
    const to = list[j];
    if (!to || to.base > s.end) continue;
    const r = document.createRange();
    r.setStart(from.node, s.start - from.base);
    r.setEnd(to.node, s.end - to.base);
    out.push(r);
  }
  return out;
}

/**
 * Keeps the marks on `spans` in the article region while `enabled`. The ranges are
 * rebuilt when the article's DOM changes (claims added, filters changed), since React
 * may replace the text nodes they point into.
 */
export function useSuggestionMarks(spans: readonly Span[], enabled: boolean) {
  useEffect(() => {
    const reg = registry();
    const root = document.querySelector<HTMLElement>('section[aria-label="Article"]');
    if (!reg || !root) return;
    if (!enabled || spans.length === 0) {
      reg.highlights.delete(NAME);
      return;
    }
    let frame = 0;
    const paint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => reg.highlights.set(NAME, new reg.Highlight(...rangesFor(root, spans))));
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      reg.highlights.delete(NAME);
    };
  }, [spans, enabled]);
}
