import { expect, test, type Page } from "@playwright/test";
import { api, selectorFor, signedInContext } from "./support/api";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Each test makes its own article (other specs run in parallel against the same database).
async function overlappingClaims(page: Page, baseURL: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedInContext(page.context().browser()!, baseURL, DEMO.admin);
  const article = await api<{ id: string; text: string }>(admin.request, "POST", "/api/articles", {
    title: `Overlap story ${stamp}`,
    text: `Overlap story ${stamp}.\n\nThe minister said that unemployment fell to 3 percent in 2023 while wages rose sharply, according to Iran’s statistics office.\n\nOfficials added that exports doubled over the decade.`,
  });
  await admin.close();
  await signInOverHttp(page, DEMO.reviewer);
  const make = (quote: string, claimText: string, verdict: string) =>
    api<{ id: string }>(page.request, "POST", `/api/articles/${article.id}/claims`, { selector: selectorFor(article.text, quote), claimText, verdict, rationale: "Checked.", sources: [] });
  const jobless = `Jobless rate claim ${stamp}`;
  const pay = `Pay growth claim ${stamp}`;
  // Made in reverse text order: numbers follow the text, not creation.
  const b = await make("3 percent in 2023 while wages rose", pay, "MISLEADING");
  const a = await make("unemployment fell to 3 percent in 2023", jobless, "FALSE");
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole("region", { name: "Article" })).toContainText("exports doubled");
  return { a: { ...a, text: jobless }, b: { ...b, text: pay } };
}

const claimsPanel = (page: Page) => page.getByRole("complementary", { name: "Claims" });

test("overlapping claims get numbered chips and a “Claims here” list", async ({ page, baseURL }) => {
  const { a, b } = await overlappingClaims(page, baseURL!);
  const article = page.getByRole("region", { name: "Article" });

  // Numbered, verdict-labelled chips, still named by their claims.
  await expect(article.getByRole("button", { name: a.text })).toHaveText("1 · False");
  await expect(article.getByRole("button", { name: b.text })).toHaveText("2 · Misleading");

  // Clicking the overlapped words lists both claims.
  const overlap = article.locator("mark[data-here]");
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toHaveText("3 percent in 2023");
  await overlap.click();
  const here = page.getByRole("dialog", { name: "Claims here" });
  await expect(here).toBeVisible();
  const items = here.getByRole("button");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("1 · False");
  await expect(items.nth(0)).toContainText(a.text);
  await expect(items.nth(1)).toContainText("2 · Misleading");
  await expect(items.nth(1)).toContainText(b.text);
  await expect(items.nth(0)).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // Escape closes it and gives focus back to the overlapped words.
  await page.keyboard.press("Escape");
  await expect(here).toHaveCount(0);
  await expect(overlap).toBeFocused();

  // The keyboard opens it too; choosing a claim opens it in the side panel.
  await page.keyboard.press("Enter");
  await expect(here).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(here).toHaveCount(0);
  await expect(claimsPanel(page).getByRole("heading", { name: b.text })).toBeVisible();

  // A highlight without overlap still opens its claim directly.
  await article.locator(`mark[data-claim-id="${a.id}"]`).first().click();
  await expect(claimsPanel(page).getByRole("heading", { name: a.text })).toBeVisible();
  await expect(here).toHaveCount(0);
});

test("the quote finder ignores quote style, spacing and case", async ({ page, baseURL }) => {
  await overlappingClaims(page, baseURL!);
  const finder = page.getByLabel("Find a quote to select");
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? "");

  await finder.fill("IRAN'S   statistics");
  await finder.press("Enter");
  await expect(page.getByRole("button", { name: "New claim" })).toBeFocused();
  expect(await selected()).toBe("Iran’s statistics");

  await finder.fill("no such words anywhere");
  await finder.press("Enter");
  await expect(page.getByText("is not in the article.")).toBeVisible();

  // Across a highlight's end and its chips: the quote is the article's own words.
  await finder.fill("wages  rose SHARPLY");
  await finder.press("Enter");
  await expect(page.getByRole("button", { name: "New claim" })).toBeFocused();
  await page.keyboard.press("Enter");
  const panel = claimsPanel(page);
  await expect(panel.getByRole("heading", { name: "New claim" })).toBeVisible();
  await expect(panel.locator("blockquote").first()).toHaveText("“wages rose sharply”");
});

test("Shift+arrow keys select words in the article and offer “New claim”", async ({ page, baseURL }) => {
  await overlappingClaims(page, baseURL!);
  const article = page.getByRole("region", { name: "Article" });
  await page.getByRole("button", { name: "Find", exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(article).toBeFocused();
  await expect(page.getByRole("button", { name: "New claim" })).toHaveCount(0);

  for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByRole("button", { name: "New claim" })).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Overlap ");
  await page.keyboard.press("Shift+ArrowLeft");
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Overlap");
  // Shift+Down extends by a line: into the next paragraph.
  await page.keyboard.press("Shift+ArrowDown");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? "")).toMatch(/^Overlap story .*\n+The /s);
  await page.keyboard.press("Shift+ArrowUp");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("Overlap");

  // A found quote can be widened from the "New claim" button too.
  const finder = page.getByLabel("Find a quote to select");
  await finder.fill("exports doubled");
  await finder.press("Enter");
  await expect(page.getByRole("button", { name: "New claim" })).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("exports doubled over");

  await page.keyboard.press("Enter");
  const panel = claimsPanel(page);
  await expect(panel.getByRole("heading", { name: "New claim" })).toBeVisible();
  await expect(panel.locator("blockquote").first()).toHaveText("“exports doubled over”");
});
