import type { Page } from "@playwright/test";

/** Drags the mouse across `words` inside the Article region, as a reader selecting text does. */
export async function selectWords(page: Page, words: string) {
  const box = await page.getByRole("region", { name: "Article" }).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? "").indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + needle.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      (t.parentElement as HTMLElement).scrollIntoView({ block: "center" });
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in the article`);
  // Coordinates after the scroll above.
  const again = await page.getByRole("region", { name: "Article" }).evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = (t.textContent ?? "").indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + needle.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  const b = again ?? box;
  await page.mouse.move(b.x1, b.y1);
  await page.mouse.down();
  await page.mouse.move((b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, { steps: 5 });
  await page.mouse.move(b.x2, b.y2, { steps: 5 });
  await page.mouse.up();
}
