import { expect, test, type Page } from "@playwright/test";
import { api, selectorFor, signedInContext } from "./support/api";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

test("on a phone a claim opens as a sheet over the text and closing it returns to the reading position", async ({ page, baseURL }) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const filler = (i: number) => `Paragraph ${i}. The council met again to discuss the budget for the coming year, and members spoke at length about roads, schools and parks.`;
  const paragraphs = Array.from({ length: 30 }, (_, i) => (i === 18 ? `${filler(i)} The mayor said the harbour was dredged in 1987 by the city alone.` : filler(i)));
  const admin = await signedInContext(page.context().browser()!, baseURL!, DEMO.admin);
  const article = await api<{ id: string; text: string }>(admin.request, "POST", "/api/articles", { title: `Harbour story ${stamp}`, text: paragraphs.join("\n\n") });
  await admin.close();
  await signInOverHttp(page, DEMO.reviewer);
  const claimText = `The harbour was dredged in 1987 (${stamp})`;
  const claim = await api<{ id: string }>(page.request, "POST", `/api/articles/${article.id}/claims`, {
    selector: selectorFor(article.text, "the harbour was dredged in 1987"), claimText, verdict: "MOSTLY_FALSE", rationale: "The port authority paid half.", sources: [],
  });

  await page.goto(`/articles/${article.id}`);
  const text = page.getByRole("region", { name: "Article" });
  await expect(text).toContainText("Paragraph 29.");
  const mark = text.locator(`mark[data-claim-id="${claim.id}"]`).first();
  const chip = text.getByRole("button", { name: claimText });
  // Read down to the highlight, leaving it in the lower half of the screen.
  await mark.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 520));
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(1000);

  // Tapping the highlight opens the claim in a sheet over the text, not 3,000 px further down.
  await mark.tap();
  const sheet = page.getByRole("dialog", { name: "Claim", exact: true });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: claimText })).toBeVisible();
  await expect(sheet).toBeInViewport();
  const box = (await sheet.boundingBox())!;
  expect(box.y).toBeGreaterThan(844 * 0.25);
  expect(box.y + box.height).toBeLessThanOrEqual(845);
  // The claim's words stay in view above the sheet.
  const markBox = (await mark.boundingBox())!;
  expect(markBox.y).toBeGreaterThanOrEqual(0);
  expect(markBox.y + markBox.height).toBeLessThanOrEqual(box.y);
  await expect(page.getByRole("button", { name: "Close" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Close: back at the same place, focus on the highlight.
  await sheet.getByRole("button", { name: "Close" }).tap();
  await expect(sheet).toHaveCount(0);
  await expect.poll(async () => Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(3);
  await expect(chip).toBeFocused();

  // The chip opens it too, and Escape closes it the same way.
  await chip.tap();
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect.poll(async () => Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(3);
  await expect(chip).toBeFocused();
});
