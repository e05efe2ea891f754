import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { api, selectorFor, signedInContext } from "./support/api";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { selectWords } from "./support/select";

// Plain-language form errors, confirmations with undo, the editor's note kept
// in view while a claim is revised, and the rationale's Markdown preview.
// Each test makes its own article, users and tokens through the API.

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const claimsPanel = (page: Page) => page.getByRole("complementary", { name: "Claims" });

/** What must never reach a person: enum names, JSON paths, zod's wording, bare fragments. */
async function expectNoDeveloperWords(where: Locator) {
  // The words as written: a badge's CSS capitals ("FALSE" for the label "False") are styling, not an enum name.
  const text = await where.evaluate((root) => {
    const styled = [root, ...Array.from(root.querySelectorAll("*"))].filter((el): el is HTMLElement => el instanceof HTMLElement && getComputedStyle(el).textTransform !== "none");
    for (const el of styled) el.style.textTransform = "none";
    const words = (root as HTMLElement).innerText;
    for (const el of styled) el.style.textTransform = "";
    return words;
  });
  expect(text).not.toMatch(/\b(MOSTLY_TRUE|MOSTLY_FALSE|UNVERIFIABLE|TRUE|FALSE|MIXED|OUTDATED|MISLEADING|REVIEWER|EDITOR|ADMIN)\b/);
  expect(text).not.toMatch(/claimText|sources\.\d|\bverdict (is|must)\b|Invalid input|expected string|must be one of/);
  expect(text).not.toMatch(/(^|\n)\s*is required/);
}

async function newArticle(browser: Browser, baseURL: string, body: string) {
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const article = await api<{ id: string; text: string }>(admin.request, "POST", "/api/articles", { title: `Forms spec ${stamp()}`, text: body });
  await admin.close();
  return article;
}

test("an empty claim form says what to enter, in plain words, and the rationale previews its Markdown", async ({ page, browser }, testInfo) => {
  const run = stamp();
  const article = await newArticle(browser, testInfo.project.use.baseURL!, `The harbour bridge opened in 1932 after eight years of work (${run}).\n\nIt carries eight lanes of traffic.`);
  await signInOverHttp(page, DEMO.reviewer);
  await page.goto(`/articles/${article.id}`);
  await selectWords(page, "opened in 1932");
  await page.getByRole("button", { name: "New claim" }).click();
  const panel = claimsPanel(page);
  await expect(panel.getByRole("heading", { name: "New claim" })).toBeVisible();

  await panel.getByRole("button", { name: "Save draft" }).click();
  const summary = panel.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the claim");
  await expect(summary).toContainText("Choose a verdict: True, Mostly true, Mixed, Mostly false, False, Misleading, Outdated or Unverifiable");
  await expect(panel.getByLabel("Claim", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByLabel("Verdict")).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByLabel("Claim", { exact: true })).toHaveAccessibleDescription(/Enter the claim/);
  await expectNoDeveloperWords(panel.getByRole("form", { name: "Claim form" }));
  // The summary links to the field.
  await summary.getByRole("link", { name: "Enter the claim" }).click();
  await expect(panel.getByLabel("Claim", { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // A bad source is named by its number and the field as the form shows it.
  await panel.getByLabel("Claim", { exact: true }).fill(`The bridge opened in 1932 (${run})`);
  await panel.getByLabel("Verdict").selectOption({ label: "True — Accurate, with nothing significant missing." });
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").fill("javascript:alert(1)");
  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByRole("alert")).toContainText("Source 1: the URL must start with http:// or https://");
  await expect(panel.getByRole("alert")).toContainText("Source 1: enter the source title");
  await expectNoDeveloperWords(panel.getByRole("form", { name: "Claim form" }));
  await panel.getByRole("button", { name: "Remove source 1" }).click();

  // Write, then Preview: the rationale as readers will see it. Arrow keys move between the tabs.
  await panel.getByLabel("Rationale").fill("The bridge opened on **19 March 1932**, see [the archive](https://example.org/archive).\n\n- eight lanes");
  const write = panel.getByRole("tab", { name: "Write" });
  const preview = panel.getByRole("tab", { name: "Preview" });
  await expect(write).toHaveAttribute("aria-selected", "true");
  await write.focus();
  await page.keyboard.press("ArrowRight");
  await expect(preview).toBeFocused();
  await expect(preview).toHaveAttribute("aria-selected", "true");
  const shown = panel.getByRole("tabpanel", { name: "Preview" });
  await expect(shown.locator("strong")).toHaveText("19 March 1932");
  await expect(shown.getByRole("link", { name: "the archive" })).toHaveAttribute("href", "https://example.org/archive");
  await expect(shown.getByRole("listitem")).toHaveText(["eight lanes"]);
  await expect(panel.getByLabel("Rationale")).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("ArrowLeft");
  await expect(write).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByLabel("Rationale")).toHaveValue(/19 March 1932/);

  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByText("Claim saved as a draft.")).toBeVisible();
});

test("the editor's request for changes stays pinned above the form while the reviewer edits, until it is submitted again", async ({ page, browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const run = stamp();
  const quote = `the tunnel was finished in 1988 (${run})`;
  const article = await newArticle(browser, baseURL, `Officials said ${quote}.\n\n${"A paragraph of padding so the form has room to scroll. ".repeat(30)}`);
  const reviewer = await signedInContext(browser, baseURL, DEMO.reviewer);
  const editor = await signedInContext(browser, baseURL, DEMO.editor);
  const claimText = `The tunnel was finished in 1988 (${run})`;
  const claim = await api<{ id: string; version: number }>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, {
    selector: selectorFor(article.text, quote), claimText, verdict: "MIXED", rationale: "Records differ.", sources: [],
  });
  const submitted = await api<{ version: number }>(reviewer.request, "POST", `/api/claims/${claim.id}/submit`, { version: claim.version }, 200);
  const comment = `Cite the 1988 opening ceremony report (${run}).`;
  await api(editor.request, "POST", `/api/claims/${claim.id}/reviews`, { decision: "REQUEST_CHANGES", comment, version: submitted.version }, 200);
  await reviewer.close();
  await editor.close();

  await signInOverHttp(page, DEMO.reviewer);
  await page.goto(`/articles/${article.id}?claim=${claim.id}`);
  const panel = claimsPanel(page);
  await expect(panel.getByRole("note", { name: /Changes requested by/ })).toContainText(comment);
  await panel.getByRole("button", { name: "Edit" }).click();

  const note = panel.getByRole("note", { name: /Changes requested by/ });
  await expect(note).toContainText(comment);
  await expect(note).toContainText(/Changes requested by .+/);
  await expect(note.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await panel.getByLabel("Claim", { exact: true }).fill(`${claimText}, per the opening report`);
  await panel.getByLabel("Rationale").fill("The opening ceremony report dates it to 1988.");
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").fill("https://example.org/opening-1988");
  await panel.getByLabel("Source title").fill("Opening ceremony report");
  await panel.getByLabel("Excerpt").fill("The tunnel opened to traffic in 1988.");
  // Still there, and in view, with the form scrolled to its end.
  await panel.getByRole("button", { name: "Save draft" }).scrollIntoViewIfNeeded();
  await expect(note).toBeInViewport();
  await expect(note).toContainText(comment);
  await expectNoSeriousA11yViolations(page);

  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByRole("note", { name: /Changes requested by/ })).toContainText(comment);
  await panel.getByRole("button", { name: "Edit" }).click();
  await expect(note).toContainText(comment);
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(panel.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(panel.getByRole("note", { name: /Changes requested by/ })).toHaveCount(0);
});

test("the user and token forms submitted empty say what to enter", async ({ page }) => {
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  const userForm = page.getByRole("form", { name: "Add a user" });
  await userForm.getByRole("button", { name: "Create user" }).click();
  const summary = userForm.getByRole("alert");
  await expect(summary).toBeFocused();
  for (const message of ["Enter a name", "Enter an email address", "Choose a role: Reviewer, Editor or Admin", "Enter a password"]) await expect(summary).toContainText(message);
  await expect(userForm.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(userForm.getByLabel("Role", { exact: true })).toHaveAccessibleDescription("Choose a role: Reviewer, Editor or Admin");
  await expectNoDeveloperWords(userForm);
  await userForm.getByLabel("Email", { exact: true }).fill("not an address");
  await userForm.getByRole("button", { name: "Create user" }).click();
  await expect(summary).toContainText("Enter an email address like name@example.org");

  const tokenForm = page.getByRole("form", { name: "Create an API token" });
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  await expect(tokenForm.getByRole("alert")).toContainText("Enter a name for the token");
  await expect(tokenForm.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
  await expectNoDeveloperWords(tokenForm);
  await expectNoSeriousA11yViolations(page);
});

test("revoking a token asks first, stating the consequence, then revokes it", async ({ page, browser, request }, testInfo) => {
  const name = `Forms token ${stamp()}`;
  const admin = await signedInContext(browser, testInfo.project.use.baseURL!, DEMO.admin);
  const created = await api<{ token: string }>(admin.request, "POST", "/api/tokens", { name });
  await admin.close();
  const bearer = { authorization: `Bearer ${created.token}` };

  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke token “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Tools using it stop working at once. This cannot be undone");
  await expectNoSeriousA11yViolations(page);
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Revoke" })).toBeFocused();
  expect((await request.get("/api/articles", { headers: bearer })).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  await expect(page.getByRole("status").filter({ hasText: `Token “${name}” is revoked.` })).toBeVisible();
  expect((await request.get("/api/articles", { headers: bearer })).status()).toBe(401);
});

test("deactivating a user asks first; “Undo: reactivate” brings them back", async ({ page, browser }, testInfo) => {
  const id = stamp();
  const name = `Dana ${id}`;
  const email = `dana-${id}@example.org`;
  const admin = await signedInContext(browser, testInfo.project.use.baseURL!, DEMO.admin);
  await api(admin.request, "POST", "/api/users", { email, name, role: "REVIEWER", password: `quiet harbour lantern ${id}` });

  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${name}?` });
  await expect(dialog).toContainText(`${name} is signed out everywhere and cannot sign in until reactivated`);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Deactivated");

  const undo = page.getByRole("status").getByRole("button", { name: "Undo: reactivate" });
  await expect(undo).toBeFocused();
  const activeNow = async () => (await api<{ items: Array<{ email: string; active: boolean }> }>(admin.request, "GET", "/api/users")).items.find((u) => u.email === email)?.active;
  expect(await activeNow()).toBe(false);
  await page.keyboard.press("Enter");
  await expect(row).not.toContainText("Deactivated");
  await expect(row).toContainText("Active");
  await expect(page.getByRole("status").filter({ hasText: `${name} is active again` })).toBeVisible();
  expect(await activeNow()).toBe(true);
  await admin.close();
});
