import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/auth";
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
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "again", json: "true" } });
  expect(res.status()).toBe(429);
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

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const res = await page.request.get("/api/articles");
  expect(res.status()).toBe(401);
});

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expectNoSeriousA11yViolations(page);
});
