// Suggestions in the reader (issue 16): the import ranks what is worth checking; the
// reader lists it in region "Suggestions" with score and reasons. "Create claim" opens
// the claim form on exactly that span (with "Checked before"), "Dismiss" hides one for
// everyone. Each test makes its own users and article through the API.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
type Suggestion = { id: string; selector: { exact: string; start: number; end: number }; score: number; scope: string; status: string };

async function reviewer(browser: Browser, baseURL: string, admin: BrowserContext) {
  const id = stamp();
  const user = { email: `suggest-${id}@example.org`, name: `Sana ${id}`, password: `amber lighthouse kettle ${id}`, role: "REVIEWER" };
  await api(admin.request, "POST", "/api/users", user);
  return signedInContext(browser, baseURL, user.email, user.password);
}

test("a reviewer turns one suggestion into a claim and dismisses another, which stays gone after reload", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const id = stamp();
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const statistic = `Unemployment in Varnholm${id} rose by 12% last year, the highest rate since 1990, according to the ministry.`;
  const dated = `Stuxnet targeted Iran's nuclear facilities in November 2007, researchers say.`;
  const calm = `The weather in Varnholm${id} was pleasant on Sunday.`;
  const article = await api<{ id: string; text: string }>(admin.request, "POST", "/api/articles", {
    title: `Varnholm desk ${id}`,
    text: `${calm}\n\n${statistic}\n\n${dated}`,
    publishedAt: "2019-06-24T00:00:00.000Z",
    language: "en",
  });
  const context = await reviewer(browser, baseURL, admin);
  await admin.close();
  const { items } = await api<{ items: Suggestion[] }>(context.request, "GET", `/api/articles/${article.id}/suggestions`);
  expect(items.map((s) => s.selector.exact)).toEqual(expect.arrayContaining([statistic, dated, "in November 2007"]));

  const page = await context.newPage();
  await page.goto(`/articles/${article.id}`);
  const region = page.getByRole("region", { name: "Suggestions" });
  await expect(region).toBeVisible();
  const statItem = region.getByRole("listitem").filter({ hasText: `Varnholm${id} rose by 12%` });
  await expect(statItem).toContainText(/\d+%/);
  await expect(statItem.getByRole("list", { name: "Reasons" })).toContainText("statistic");
  await expect(statItem.getByRole("list", { name: "Reasons" })).toContainText("12%");
  const phraseItem = region.getByRole("listitem").filter({ hasText: "Phrase:" }).filter({ hasText: "in November 2007" });
  await expect(phraseItem.getByRole("list", { name: "Reasons" })).toContainText("dated reference");
  // The quiet marks: a CSS highlight over the suggested spans (no markup in the text), off with the toggle.
  const marks = () => page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get("verity-suggestion")?.size ?? 0);
  await expect.poll(marks).toBe(items.length);
  await page.screenshot({ path: testInfo.outputPath("suggestions.png"), fullPage: true });
  await region.getByLabel("Show suggestions").uncheck();
  await expect.poll(marks).toBe(0);
  await region.getByLabel("Show suggestions").check();
  await expect.poll(marks).toBe(items.length);
  await expectNoSeriousA11yViolations(page);

  // Keyboard: "Create claim" is reachable and opens the claim form on exactly the sentence.
  const create = statItem.getByRole("button", { name: "Create claim", exact: true });
  await create.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Claim form" });
  await expect(form).toBeVisible();
  await expect(form.locator("blockquote")).toHaveText(`“${statistic}”`);
  await expect(form.getByRole("region", { name: "Checked before" })).toBeVisible();
  await form.getByLabel("Claim", { exact: true }).fill(`Unemployment in Varnholm${id} rose by 12% last year.`);
  await form.getByLabel("Verdict").selectOption("MOSTLY_TRUE");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("complementary", { name: "Claims" })).toContainText("Claim saved as a draft.");
  const claims = await api<{ items: Array<{ selector: { exact: string; start: number; end: number } }> }>(context.request, "GET", `/api/articles/${article.id}/claims`);
  expect(claims.items.map((c) => c.selector)).toEqual([expect.objectContaining({ exact: statistic, start: article.text.indexOf(statistic), end: article.text.indexOf(statistic) + statistic.length })]);

  // Back to the list: the claimed sentence is no longer suggested; dismiss the phrase.
  await page.getByRole("button", { name: "← All claims" }).click();
  await expect(region.getByRole("listitem").filter({ hasText: `Varnholm${id} rose by 12%` })).toHaveCount(0);
  await phraseItem.getByRole("button", { name: "Dismiss", exact: true }).click();
  await expect(phraseItem).toHaveCount(0);
  await expect.poll(async () => (await api<{ items: Suggestion[] }>(context.request, "GET", `/api/articles/${article.id}/suggestions?all=1`)).items.find((s) => s.selector.exact === "in November 2007")?.status).toBe("DISMISSED");

  await page.reload();
  await expect(region.getByRole("listitem").filter({ hasText: dated }).first()).toBeVisible();
  await expect(region.getByRole("listitem").filter({ hasText: "Phrase:" }).filter({ hasText: "in November 2007" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test("signed out, the suggestions API refuses", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const context = await browser.newContext({ baseURL });
  const res = await context.request.get(`/api/articles/no-such-article/suggestions`);
  expect(res.status()).toBe(401);
  await context.close();
});
