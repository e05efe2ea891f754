// Maps DOM selection points to offsets in the article's canonical text.
// Every text run of the article is rendered in an element with data-offset (its
// start in the text); labels and buttons inside the article have none, so
// they never count.

function leafBase(node: Node): number | null {
  if (node.nodeType !== Node.TEXT_NODE) return null;
  const parent = node.parentElement;
  const v = parent?.getAttribute("data-offset");
  return v == null ? null : Number(v);
}

/** Text offset of a DOM boundary point inside `root`, or null when outside it. */
export function domPointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const direct = leafBase(node);
  if (direct !== null) return direct + Math.min(offset, (node.textContent ?? "").length);
  // An element boundary or a non-text node: find the first article text at or after the point.
  const probe = document.createRange();
  probe.setStart(node, offset);
  probe.collapse(true);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let lastBefore: Node | null = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const base = leafBase(t);
    if (base === null) continue;
    // comparePoint: -1 when the text node's start lies before the point.
    if (probe.comparePoint(t, 0) >= 0) return base;
    lastBefore = t;
  }
  return lastBefore ? leafBase(lastBefore)! + (lastBefore.textContent ?? "").length : null;
}

/** The [start, end) text offsets of a DOM range within `root`, whitespace trimmed; null when empty or outside. */
export function rangeToOffsets(root: HTMLElement, range: Range, text: string): { start: number; end: number } | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  let start = domPointToOffset(root, range.startContainer, range.startOffset);
  let end = domPointToOffset(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Selects text offsets [start, end) in the rendered article (for keyboard quote search). */
export function selectOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let startPoint: [Node, number] | null = null;
  let endPoint: [Node, number] | null = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const base = leafBase(t);
    if (base === null) continue;
    const len = (t.textContent ?? "").length;
    if (!startPoint && start >= base && start < base + len) startPoint = [t, start - base];
    if (end > base && end <= base + len) {
      endPoint = [t, end - base];
      break;
    }
  }
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(...startPoint);
  range.setEnd(...endPoint);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  return range;
}
