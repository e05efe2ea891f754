import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/auth";
import { api, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const roles = [
  ["admin", DEMO.admin, "Admin"],
  ["editor", DEMO.editor, "Editor"],
  ["reviewer", DEMO.reviewer, "Reviewer"],
] as const;

for (const [name, email, label] of roles) {
  test(`the ${name} signs in with the form and sees their role`, async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText(label);
  });
}

test("a wrong password is refused with a message, and the user stays signed out", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.reviewer);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Farticles/);
});

test("repeated failures on one account are rate limited (429)", async ({ page }) => {
  const email = `locked-${Date.now()}@example.org`;
  await page.goto("/signin");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  }
  // From the same browser (the limit counts an account at an address): a real 429.
  const status = await page.evaluate(async (who) => {
    const { csrfToken } = await (await fetch("/api/auth/csrf")).json();
    const res = await fetch("/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, email: who, password: "again", json: "true" }) });
    return res.status;
  }, email);
  expect(status).toBe(429);
  await page.getByLabel("Password").fill("one more");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many failed sign-in attempts");
});

test("sign-in works from the keyboard alone and returns to the page asked for", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").focus();
  await page.keyboard.type(DEMO.editor);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
});

test("signing out ends the session here and on the user's other devices", async ({ page, browser }, testInfo) => {
  // A user of its own: signing out ends every session of the user, and other specs use the demo accounts.
  const admin = await signedInContext(browser, testInfo.project.use.baseURL!, DEMO.admin);
  const email = `leaver-${Date.now().toString(36)}@example.org`;
  const password = "brass kettle orbit 31";
  await api(admin.request, "POST", "/api/users", { email, name: "Lee Leaver", role: "REVIEWER", password });
  await admin.close();
  const phone = await signedInContext(browser, testInfo.project.use.baseURL!, email, password);
  expect((await phone.request.get("/api/articles")).status()).toBe(200);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/articles")).status()).toBe(401);
  // The other device's session ended too.
  expect((await phone.request.get("/api/articles")).status()).toBe(401);
  await phone.close();
});

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expectNoSeriousA11yViolations(page);
});
