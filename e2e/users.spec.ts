import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("the admin creates a user, who signs in and is signed out on their next page load once deactivated", async ({ page, browser }, testInfo) => {
  const id = stamp();
  const name = `Casey ${id}`;
  const email = `casey-${id}@example.org`;
  const password = "a fresh passphrase 2019";

  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users and API tokens" })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: "Editor" });
  await form.getByLabel("Password", { exact: true }).fill("too short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form).toContainText("must be at least 10 characters");
  await expect(form.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${email}`);
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Never");
  await expect(row.getByRole("combobox", { name: `Role for ${name}` })).toHaveValue("EDITOR");

  // The new user, in a browser of their own.
  const theirs = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const them = await theirs.newPage();
  await them.goto("/signin");
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(password);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(them.getByTestId("current-user")).toContainText(name);
  await expect(them.getByTestId("current-user")).toContainText("Editor");

  await page.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: `Deactivate ${name}?` }).getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: "Reactivate" })).toBeVisible();

  await them.goto("/articles");
  await expect(them).toHaveURL(/\/signin\?callbackUrl=%2Farticles/);
  expect((await them.request.get("/api/articles")).status()).toBe(401);
  await theirs.close();
});

test("the admin creates an API token, sees it once, and revokes it", async ({ page, request }) => {
  const name = `E2E token ${stamp()}`;
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("New API token");
  await expect(field).toHaveValue(/^vrt_/);
  await expect(field).toHaveAttribute("readonly", "");
  await expect(page.getByText("It is shown only this once")).toBeVisible();
  const token = await field.inputValue();
  const bearer = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/articles", { headers: bearer })).status()).toBe(200);

  // Shown once: after a reload only the prefix remains.
  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: `Revoke token “${name}”?` }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  expect((await request.get("/api/articles", { headers: bearer })).status()).toBe(401);
});

test("an admin cannot deactivate themselves from the page", async ({ page }) => {
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  const me = page.getByRole("row").filter({ hasText: DEMO.admin });
  await expect(me).toContainText("(you)");
  await expect(me.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await expect(me.getByRole("combobox")).toHaveCount(0);
});

test("a reviewer opening /admin/users gets the 403 page; outsiders are sent to sign in", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users and API tokens" })).toHaveCount(0);
  expect((await page.request.get("/api/users")).status()).toBe(403);

  await page.context().clearCookies();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
  expect((await page.request.get("/api/users")).status()).toBe(401);
});

test("/admin/users has no serious accessibility violations", async ({ page }) => {
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users and API tokens" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // With a one-time token on show and a field error.
  await page.getByLabel("Token name").fill(`Axe token ${stamp()}`);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("New API token")).toBeVisible();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("form", { name: "Add a user" })).toContainText("Enter a name");
  await expectNoSeriousA11yViolations(page);
});
