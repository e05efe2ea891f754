import type { Page } from "@playwright/test";

/**
 * Drags the mouse across `words` inside the Article region, as a reader
 * selecting text does. The words may span several highlights (text nodes).
 */
export async function selectWords(page: Page, words: string) {
  const locate = () =>
    page.getByRole("region", { name: "Article" }).evaluate((root, needle) => {
      const nodes: Array<{ node: Text; from: number }> = [];
      let all = "";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        // Only article text (runs carry data-offset); verdict labels are not part of it.
        if (!t.parentElement?.hasAttribute("data-offset")) continue;
        nodes.push({ node: t, from: all.length });
        all += t.data;
      }
      const at = all.indexOf(needle);
      if (at < 0) return null;
      const point = (pos: number, isEnd: boolean) => {
        const hit = nodes.find((n) => (isEnd ? pos > n.from && pos <= n.from + n.node.data.length : pos >= n.from && pos < n.from + n.node.data.length))!;
        return [hit.node, pos - hit.from] as const;
      };
      const range = document.createRange();
      range.setStart(...point(at, false));
      range.setEnd(...point(at + needle.length, true));
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }, words);
  if (!(await locate())) throw new Error(`"${words}" is not in the article`);
  const b = (await locate())!; // measured again after the scroll
  await page.mouse.move(b.x1, b.y1);
  await page.mouse.down();
  await page.mouse.move((b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, { steps: 5 });
  await page.mouse.move(b.x2, b.y2, { steps: 5 });
  await page.mouse.up();
}
