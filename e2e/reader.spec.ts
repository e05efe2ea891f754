import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

const SEED_TITLE = "Iran says U.S. cyber attacks failed";

test("the reviewer opens the seed article and reads it", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  // Other specs add articles in parallel (newest first), so the list is searched rather than paged through.
  await page.goto("/articles");
  await page.getByLabel("Search titles").fill(SEED_TITLE);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_TITLE })).toBeVisible();
  const article = page.getByRole("region", { name: "Article" });
  await expect(article).toContainText("which targeted Iran's nuclear facilities in November 2007");
  await expect(article.locator("p")).toHaveCount(await article.locator("p").count());
  expect(await article.locator("p").count()).toBeGreaterThan(15);
  await expect(page.getByText("24 June 2019")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the articles list searches titles and filters by status", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  await page.goto("/articles");
  await page.getByLabel("Search titles").fill("cyber attacks");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
  await page.getByLabel("Search titles").fill("no such headline anywhere");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No articles match.")).toBeVisible();
  await page.goto("/articles?status=ARCHIVED");
  await expect(page.getByRole("link", { name: SEED_TITLE })).toHaveCount(0);
  await page.goto("/articles");
  await expectNoSeriousA11yViolations(page);
});

test("the dashboard has no serious accessibility violations", async ({ page }) => {
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("outsiders are refused: pages redirect to sign-in, the API answers 401", async ({ page }) => {
  for (const path of ["/", "/articles", "/articles/anything"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  }
  expect((await page.request.get("/api/articles")).status()).toBe(401);
  expect((await page.request.get("/api/health")).status()).toBe(200);
});

test("an unknown article is a friendly 404 without internals", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  const res = await page.goto("/articles/does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at \w+ \(|node_modules|Error:/);
});
