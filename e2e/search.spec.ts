import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { api, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const SEED_TITLE = "Iran says U.S. cyber attacks failed";

test("a reviewer presses /, searches from the header, and opens an article at the marked words", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const field = page.getByRole("searchbox", { name: "Search", exact: true });
  // The shortcut works only once the header's script runs: press until the field has focus.
  await expect(async () => {
    await page.locator("body").press("/");
    await expect(field).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("Stuxnet");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Stuxnet$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  const results = page.getByRole("list", { name: "Results" });
  const seed = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: SEED_TITLE }) });
  await expect(seed.locator("mark").first()).toHaveText(/stuxnet/i);
  await expect(page.getByRole("link", { name: /^Articles \(\d+\)$/ })).toBeVisible();
  // The link names the first marked words, for the reader to scroll to (?find=) and as a text fragment.
  await expect(seed.getByRole("link", { name: SEED_TITLE })).toHaveAttribute("href", /\?find=Stuxnet#:~:text=Stuxnet$/);
  await seed.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(/\/articles\/[^/?#]+/);
  await expect(page.getByRole("heading", { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole("region", { name: "Article" })).toContainText("Stuxnet");
  // ?find= scrolls the reader to the marked words.
  await expect(page.getByRole("region", { name: "Article" }).getByText("Stuxnet").first()).toBeInViewport();
});

test("a claim found by its words opens in its article; / typed in a field stays text", async ({ browser, page }, testInfo) => {
  const stamp = `zeb${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/\d/g, "q");
  const admin = await signedInContext(browser, testInfo.project.use.baseURL!, DEMO.admin);
  const text = `Harbour story ${stamp}.\n\nThe harbour master said the pier was rebuilt in 1987, which records contradict.`;
  const article = await api<{ id: string; text: string }>(admin.request, "POST", "/api/articles", { title: `Harbour ${stamp}`, text });
  const claim = await api<{ id: string }>(admin.request, "POST", `/api/articles/${article.id}/claims`, {
    selector: selectorFor(article.text, "the pier was rebuilt in 1987"),
    claimText: `The ${stamp} pier was rebuilt in 1987.`,
    verdict: "FALSE",
    rationale: "Rebuilt in 1991.",
    sources: [],
  });
  await admin.close();

  await signInOverHttp(page, DEMO.reviewer);
  await page.goto(`/search?q=${stamp}&type=claim`);
  await expect(page.getByRole("link", { name: "Claims (1)" })).toHaveAttribute("aria-current", "page");
  const hit = page.getByRole("list", { name: "Results" }).getByRole("listitem");
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark")).toHaveText(stamp);
  await expectNoSeriousA11yViolations(page);

  // "/" in a text field is a character, not the shortcut.
  const own = page.getByLabel("Search for", { exact: true });
  await own.fill("");
  await own.pressSequentially("a/b");
  await expect(own).toHaveValue("a/b");
  await expect(own).toBeFocused();

  await hit.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${claim.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Harbour ${stamp}` })).toBeVisible();
});

test("the search page without words, and with nothing found, is accessible", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByText("Type words to search")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Search for", { exact: true }).fill("qqqzzznothing");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No results.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("outsiders are refused the search page and API", async ({ page }) => {
  await page.goto("/search?q=Stuxnet");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  expect((await page.request.get("/api/search?q=Stuxnet")).status()).toBe(401);
});
