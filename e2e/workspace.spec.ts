import { expect, test, type Page } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { selectWords } from "./support/select";

const SEED_TITLE = "Iran says U.S. cyber attacks failed";

async function openSeedArticle(page: Page) {
  await page.goto("/articles?q=cyber+attacks+failed");
  await page.getByRole("link", { name: SEED_TITLE }).click();
  await expect(page.getByRole("region", { name: "Article" })).toContainText("November 2007");
}

const claimsPanel = (page: Page) => page.getByRole("complementary", { name: "Claims" });

test("a reviewer highlights “in November 2007”, records an OUTDATED verdict with two sources, edits and submits it", async ({ page }) => {
  const claimText = `Stuxnet hit Iran's nuclear facilities in November 2007 (${Date.now()})`;
  await signInOverHttp(page, DEMO.reviewer);
  await openSeedArticle(page);

  await selectWords(page, "in November 2007");
  await page.getByRole("button", { name: "New claim" }).click();
  const panel = claimsPanel(page);
  await expect(panel.getByRole("heading", { name: "New claim" })).toBeVisible();
  await expect(panel.locator("blockquote").first()).toHaveText("“in November 2007”");

  await panel.getByLabel("Claim", { exact: true }).fill(claimText);
  await panel.getByLabel("Verdict").selectOption("OUTDATED");
  await panel.getByLabel("Rationale").fill("The earliest known Stuxnet version dates from 2007, but it was **discovered in 2010**; the attack on Natanz was not in November 2007.");
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").nth(0).fill("https://www.symantec.com/connect/blogs/stuxnet-0-5");
  await panel.getByLabel("Source title").nth(0).fill("Stuxnet 0.5: The Missing Link");
  await panel.getByLabel("Stance").nth(0).selectOption("REFUTES");
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").nth(1).fill("https://en.wikipedia.org/wiki/Stuxnet");
  await panel.getByLabel("Source title").nth(1).fill("Stuxnet");
  await panel.getByLabel("Stance").nth(1).selectOption("CONTEXT");
  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByText("Claim saved as a draft.")).toBeVisible();

  await page.reload();
  const article = page.getByRole("region", { name: "Article" });
  const mark = article.locator("mark", { hasText: "in November 2007" });
  await expect(mark).toHaveCount(1);
  await expect(article.getByRole("button", { name: claimText })).toBeVisible();
  const item = claimsPanel(page).getByRole("button", { name: new RegExp(claimText.replace(/[()]/g, "\\$&")) });
  await expect(item).toContainText("Outdated");
  await expect(item).toContainText("2 sources");

  // Clicking the highlight opens the claim in the panel.
  await mark.click();
  const detail = claimsPanel(page);
  await expect(detail.getByRole("heading", { name: claimText })).toBeVisible();
  await expect(detail.getByRole("link", { name: "Stuxnet 0.5: The Missing Link" })).toBeVisible();
  await expect(detail.locator("strong", { hasText: "discovered in 2010" })).toBeVisible();

  await detail.getByRole("button", { name: "Edit" }).click();
  await detail.getByLabel("Rationale").fill("Stuxnet was **discovered in 2010**; its earliest version dates from 2007.");
  await detail.getByRole("button", { name: "Submit for review" }).click();
  await expect(detail.getByText("Changes saved and submitted for review.")).toBeVisible();
  await expect(detail.getByText("Submitted", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the same flow works with the keyboard alone", async ({ page }) => {
  const claimText = `Keyboard claim ${Date.now()}`;
  await signInOverHttp(page, DEMO.reviewer);
  await openSeedArticle(page);

  await page.getByLabel("Find a quote to select").focus();
  await page.keyboard.type("neighboring 15 other nations");
  await page.keyboard.press("Enter");
  const newClaim = page.getByRole("button", { name: "New claim" });
  await expect(newClaim).toBeFocused();
  await page.keyboard.press("Enter");

  const panel = claimsPanel(page);
  await expect(panel.getByRole("heading", { name: "New claim" })).toBeVisible();
  await panel.getByLabel("Claim", { exact: true }).focus();
  await page.keyboard.type(claimText);
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Verdict")).toBeFocused();
  await page.keyboard.press("ArrowDown"); // Choose a verdict… → True
  await page.keyboard.press("ArrowDown"); // → Mostly true
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Rationale")).toBeFocused();
  await page.keyboard.type("Iran borders 15 countries by land and sea.");
  await page.keyboard.press("Tab");
  // The rationale's Write/Preview tabs: one tab stop (arrows move between them).
  await expect(panel.getByRole("tab", { name: "Write" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Add source" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  await page.keyboard.type("https://www.cia.gov/the-world-factbook/countries/iran/");
  await page.keyboard.press("Tab");
  await page.keyboard.type("The World Factbook: Iran");
  await panel.getByRole("button", { name: "Save draft" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Claim saved as a draft.")).toBeVisible();

  // The highlight's label is a focusable button named by its claim.
  const chip = page.getByRole("region", { name: "Article" }).getByRole("button", { name: claimText });
  await chip.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { name: claimText })).toBeVisible();
  await panel.getByRole("button", { name: "Submit for review" }).focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByText("Claim submitted for review.")).toBeVisible();
});

test("the form refuses a javascript: source URL before saving, naming the field", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  await openSeedArticle(page);
  await selectWords(page, "Last year we neutralized 33 million attacks");
  await page.getByRole("button", { name: "New claim" }).click();
  const panel = claimsPanel(page);
  await panel.getByLabel("Claim", { exact: true }).fill("33 million attacks were stopped");
  await panel.getByLabel("Verdict").selectOption("UNVERIFIABLE");
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").fill("javascript:alert(1)");
  await panel.getByLabel("Source title").fill("Bad link");
  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByRole("alert")).toContainText("Source 1: the URL must start with http:// or https://");
  await expect(panel.getByLabel("Source URL")).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");
});

test("Escape dismisses the New claim button", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  await openSeedArticle(page);
  await selectWords(page, "cyber terrorist attacks");
  await expect(page.getByRole("button", { name: "New claim" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "New claim" })).toHaveCount(0);
});
