// Trust under attack, in a real browser against the production build: redirects
// stay on the site, passwords can be changed and reset, demo accounts are
// called out, four eyes on approvals, and pages run only scripts with the nonce.
import { expect, test, type Browser } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, SAME_ORIGIN, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A user of the test's own (via the admin API): these tests change passwords and sessions. */
async function newUser(browser: Browser, baseURL: string, role: "REVIEWER" | "EDITOR" = "REVIEWER") {
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const id = stamp();
  const user = { email: `trust-${id}@example.org`, name: `Tess ${id}`, password: `amber quay lantern ${id}` };
  const made = await api<{ id: string }>(admin.request, "POST", "/api/users", { ...user, role });
  await admin.close();
  return { ...user, id: made.id };
}

test("after sign-in, a callback that would leave the site goes to / instead (form and already signed in)", async ({ page, browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const user = await newUser(browser, baseURL);
  await page.goto("/signin?callbackUrl=%2F%2509%2Fevil.example%2Fphish");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
  // Already signed in: the server's redirect (307) stays on the site, for each trick.
  for (const trick of ["/%09/evil.example/x", "/%0A/evil.example", "/%0D%0ASet-Cookie:%20x=1", "//evil.example", "/\\evil.example", "https://evil.example/"]) {
    const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(trick)}`, { maxRedirects: 0 });
    expect(res.status(), trick).toBe(307);
    expect(res.headers()["location"], trick).toBe("/");
  }
  // A safe path is kept.
  const ok = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/articles?q=iran")}`, { maxRedirects: 0 });
  expect(ok.headers()["location"]).toBe("/articles?q=iran");
});

test("a user changes their password on the Account page with the keyboard; the old one stops working", async ({ page, browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const user = await newUser(browser, baseURL);
  const other = await signedInContext(browser, baseURL, user.email, user.password);
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A weak choice is refused with a message naming the field.
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("form", { name: "Change your password" }).getByRole("alert")).toContainText("New password is too easy to guess");
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");

  const fresh = `ember willow causeway ${stamp()}`;
  await page.getByLabel("New password").fill(fresh);
  await page.getByLabel("New password").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  // Still signed in here; the other browser was signed out.
  await page.goto("/articles");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  expect((await other.request.get("/api/articles")).status()).toBe(401);
  await other.close();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const old = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: user.email, password: user.password, json: "true" } });
  expect(new URL((await old.json()).url).searchParams.get("error")).toBe("CredentialsSignin");
});

test("an admin resets a password on the Users page; the user must choose a new one before anything else", async ({ page, browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const user = await newUser(browser, baseURL);
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const adminPage = await admin.newPage();
  await adminPage.goto("/admin/users");
  await adminPage.getByRole("button", { name: `Reset password for ${user.name}` }).click();
  const form = adminPage.getByRole("form", { name: `Reset password for ${user.name}` });
  const temporary = `cobalt ferry whistle ${stamp()}`;
  await form.getByLabel("Temporary password").fill(temporary);
  await form.getByRole("button", { name: "Set temporary password" }).click();
  await expect(adminPage.getByText(`${user.name}'s password is reset`)).toBeVisible();
  await expect(adminPage.getByRole("row").filter({ hasText: user.email })).toContainText("Must change password");
  await expectNoSeriousA11yViolations(adminPage);
  await admin.close();

  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(temporary);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("An admin reset your password")).toBeVisible();
  // Other pages send them back here.
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/account$/);
  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password").fill(`saffron gravel meadow ${stamp()}`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("admins are told while demo accounts with the published password are active", async ({ browser }, testInfo) => {
  const admin = await signedInContext(browser, testInfo.project.use.baseURL!, DEMO.admin);
  const p = await admin.newPage();
  await p.goto("/");
  const banner = p.getByRole("region", { name: "Demo accounts" });
  await expect(banner).toContainText("Demo accounts are active");
  await expect(banner).toContainText("reviewer@example.org");
  // The admin's own account is one of them: the banner links to changing it; the button is there for the others.
  await expect(banner.getByRole("link", { name: "Change your password" })).toBeVisible();
  await expect(banner.getByRole("button", { name: "Disable demo accounts" })).toBeVisible();
  await expectNoSeriousA11yViolations(p);
  // (Clicking it would sign the other specs' demo users out; tests/first-run.test.ts covers what it does.)
  await admin.close();
});

test("an editor cannot approve a claim they wrote: Approve is disabled and says why", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const editor = await newUser(browser, baseURL, "EDITOR");
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const text = `The harbour wall was built in 1852, officials said. Repairs start in May ${stamp()}.`;
  const article = await api<{ id: string }>(admin.request, "POST", "/api/articles", { title: `Four eyes ${stamp()}`, text });
  await admin.close();
  const ctx = await signedInContext(browser, baseURL, editor.email, editor.password);
  const claim = await api<{ id: string; version: number }>(ctx.request, "POST", `/api/articles/${article.id}/claims`, {
    selector: selectorFor(text, "built in 1852"), claimText: "The wall dates from 1852.", verdict: "TRUE", rationale: "", sources: [],
  });
  await api(ctx.request, "POST", `/api/claims/${claim.id}/submit`, { version: claim.version }, 200);
  const p = await ctx.newPage();
  await p.goto(`/review/${claim.id}`);
  await expect(p.getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(p.getByText("You wrote this claim, so another editor must approve it")).toBeVisible();
  await expect(p.getByRole("button", { name: "Request changes" })).toBeEnabled();
  await expectNoSeriousA11yViolations(p);
  // The API says the same.
  const direct = await ctx.request.post(`/api/claims/${claim.id}/reviews`, { headers: SAME_ORIGIN, data: { decision: "APPROVE", version: claim.version + 1 } });
  expect(direct.status()).toBe(403);
  await ctx.close();
});

test("pages carry a nonce-based CSP and run with no CSP violations; an injected inline script would not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/signin");
  const csp = res!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  const html = await res!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  // The page hydrated (its form works), so Next's scripts ran with the nonce.
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not a password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  // Injected markup, as stored XSS would arrive: its inline handler is refused by the browser.
  expect(violations).toEqual([]);
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = '<img src="/no-such-image.png" alt="" onerror="window.__injected = true">';
    document.body.appendChild(box);
  });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  expect(violations.some((v) => /inline event handler|script-src/i.test(v))).toBe(true);
  // Another request, another nonce.
  const again = await page.request.get("/signin");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"])?.[1]).not.toBe(nonce);
});

test("the setup page of an install that has accounts says so", async ({ page }) => {
  await page.goto("/setup?token=anything");
  await expect(page.getByRole("heading", { name: "Set up Verity" })).toBeVisible();
  await expect(page.getByText("Verity is already set up")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
