// An article's details: given when pasting on the import page, corrected by an
// admin on "Edit article details", invisible (and refused) to reviewers and editors.
import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { api, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a pasted article keeps its details, and an admin corrects them without a new revision", async ({ page }) => {
  const run = stamp();
  const title = `Harbour dredging report ${run}`;
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Text or HTML").fill(`The port authority said dredging will finish in 2027, run ${run}.\n\nCritics disagree.`);
  const details = page.getByRole("group", { name: "Article details (optional)" });
  await details.getByLabel("Author", { exact: true }).fill("Dana Whitlock");
  await details.getByLabel("Publisher", { exact: true }).fill("Harbor City Ledger");
  await details.getByLabel("Source URL", { exact: true }).fill(`https://ledger.example.org/dredging-${run}`);
  await details.getByLabel("Published date", { exact: true }).fill("2024-03-05");
  await details.getByLabel("Language", { exact: true }).fill("en");
  await page.getByRole("button", { name: "Import pasted article" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress).toBeInViewport();
  await expect(progress.getByRole("status")).toHaveText("Import finished: 1 imported, 0 duplicates, 0 failed.", { timeout: 30_000 });

  await progress.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(header).toContainText("Dana Whitlock");
  await expect(header).toContainText("Harbor City Ledger");
  await expect(header).toContainText("5 March 2024");
  await expect(header).toContainText("Revision1");
  await expect(header.getByRole("link", { name: "Original article" })).toHaveAttribute("href", `https://ledger.example.org/dredging-${run}`);
  const articleUrl = page.url();

  // The admin's way in, from the article page.
  await page.getByRole("link", { name: "Edit details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit article details" })).toBeVisible();
  const form = page.getByRole("form", { name: "Article details" });
  await expect(form.getByLabel("Author", { exact: true })).toHaveValue("Dana Whitlock");
  await expect(form.getByLabel("Published date", { exact: true })).toHaveValue("2024-03-05");
  await expectNoSeriousA11yViolations(page);

  // A wrong source URL and language are refused in plain words, focus on the first.
  await form.getByLabel("Source URL", { exact: true }).fill("ledger.example.org/no-scheme");
  await form.getByLabel("Language", { exact: true }).fill("English please");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByRole("alert")).toHaveText("Some details need fixing before they can be saved.");
  await expect(form.getByLabel("Source URL", { exact: true })).toBeFocused();
  await expect(form.getByLabel("Source URL", { exact: true })).toHaveAccessibleDescription(/starting with http:\/\/ or https:\/\//);
  await expect(form.getByLabel("Language", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);

  // Corrected with the keyboard alone: byline changed, publisher cleared, date moved.
  await form.getByLabel("Source URL", { exact: true }).fill(`https://ledger.example.org/dredging-${run}-corrected`);
  await form.getByLabel("Language", { exact: true }).fill("en-GB");
  await form.getByLabel("Author", { exact: true }).fill("Dana Whitlock and Sam Oyelaran");
  await form.getByLabel("Publisher", { exact: true }).fill("");
  await form.getByLabel("Published date", { exact: true }).fill("2024-03-06");
  await form.getByRole("button", { name: "Save details" }).press("Enter");
  await expect(form.getByRole("status")).toHaveText("Saved. The article's details are updated; its text and claims are unchanged.");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Language", { exact: true })).toHaveValue("en-GB");

  await page.getByRole("link", { name: "← Back to the article" }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(header).toContainText("Dana Whitlock and Sam Oyelaran");
  await expect(header).not.toContainText("Harbor City Ledger");
  await expect(header).toContainText("6 March 2024");
  await expect(header).toContainText("en-GB");
  // A details edit is not a text revision, and the text is still there.
  await expect(header).toContainText("Revision1");
  await expect(page.getByRole("region", { name: "Article" })).toContainText(`dredging will finish in 2027, run ${run}`);
});

test("reviewers and editors see no edit control, and the edit page refuses them", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const run = stamp();
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const article = await api<{ id: string }>(admin.request, "POST", "/api/articles", { title: `Details rights ${run}`, text: `Who may edit details, run ${run}.`, author: "Original byline" });
  await admin.close();

  for (const who of [DEMO.reviewer, DEMO.editor]) {
    const ctx = await signedInContext(browser, baseURL, who);
    const page = await ctx.newPage();
    await page.goto(`/articles/${article.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Details rights ${run}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit details" })).toHaveCount(0);
    const res = await page.goto(`/articles/${article.id}/edit`);
    expect(res?.status(), who).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByLabel("Author", { exact: true })).toHaveCount(0);
    // The API says no as well, and nothing changes.
    const patch = await ctx.request.patch(`/api/articles/${article.id}`, { headers: { Origin: new URL(baseURL).origin }, data: { author: "Hijacked" } });
    expect(patch.status(), who).toBe(403);
    await ctx.close();
  }
  const check = await signedInContext(browser, baseURL, DEMO.admin);
  expect((await api<{ author: string }>(check.request, "GET", `/api/articles/${article.id}`)).author).toBe("Original byline");
  await check.close();
});
