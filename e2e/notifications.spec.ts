// Assignments, @mentions and the header bell (issue 15): two browser contexts,
// one person's action raises the other's bell live, without a reload.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, SAME_ORIGIN, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
type Article = { id: string; text: string; title: string };
const QUOTE = "the harbour was rebuilt in 1998";
const PASSWORD = "lantern quarry violet 4821";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
async function unread(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) unread/.exec(label)?.[1] ?? NaN);
}

/**
 * An article and a reviewer of this test's own: other specs running meanwhile
 * notify the demo reviewer (review decisions), which would move the counts.
 */
async function desk(browser: Browser, baseURL: string) {
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const tag = stamp();
  const article = await api<Article>(admin.request, "POST", "/api/articles", { title: `Harbour story ${tag}`, text: `The mayor said ${QUOTE}.\nCritics disagree (${tag}).` });
  const person = { handle: `rosa-${tag}`, name: `Rosa Reviewer ${tag}` };
  await api(admin.request, "POST", "/api/users", { email: `${person.handle}@example.org`, name: person.name, role: "REVIEWER", password: PASSWORD }, 201);
  await admin.close();
  return {
    article,
    person,
    reviewer: await signedInContext(browser, baseURL, `${person.handle}@example.org`, PASSWORD),
    editor: await signedInContext(browser, baseURL, DEMO.editor),
  };
}

test("a mention raises the other's bell: the reviewer sees it live, opens the list and follows the link", async ({ browser, baseURL }) => {
  const { article, person, reviewer, editor } = await desk(browser, baseURL!);
  const claimText = `The harbour was rebuilt in 1998 (${stamp()})`;
  const claim = await api<{ id: string }>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, { selector: selectorFor(article.text, QUOTE), claimText, verdict: "FALSE", rationale: "", sources: [] });

  const page = await reviewer.newPage();
  await page.goto(`/articles/${article.id}`);
  await expect(bell(page)).toBeVisible();
  const before = await unread(page);

  // The editor comments on the reviewer's claim from another browser.
  const res = await editor.request.post(`/api/claims/${claim.id}/comments`, { data: { body: `@${person.handle} please look at the date` }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);

  // No reload: the live stream carries the new count.
  await expect(page.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible({ timeout: 15_000 });

  await bell(page).click();
  const list = page.getByRole("dialog", { name: "Notifications" });
  await expect(list).toBeVisible();
  const item = list.getByRole("link", { name: new RegExp(`Eddie Editor mentioned you on “${claimText.replace(/[()]/g, "\\$&")}”`) });
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Escape closes it and gives focus back to the bell; the keyboard opens it again.
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(bell(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(list).toBeVisible();

  await list.getByRole("link", { name: /mentioned you on/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${claim.id}$`));
  // Following it marks it read.
  await expect(page.getByRole("button", { name: `Notifications, ${before} unread` })).toBeVisible();

  await reviewer.close();
  await editor.close();
});

test("an editor assigns an article from its page: the assignee's bell and dashboard update live; unassign removes it", async ({ browser, baseURL }) => {
  const { article, person, reviewer, editor } = await desk(browser, baseURL!);

  const dashboard = await reviewer.newPage();
  await dashboard.goto("/");
  const assigned = dashboard.getByRole("region", { name: /Assigned to you/ });
  await expect(assigned).toBeVisible();
  const before = await unread(dashboard);

  const page = await editor.newPage();
  await page.goto(`/articles/${article.id}`);
  const section = page.getByRole("region", { name: "Assignments" });
  await expect(section.getByText("Nobody is assigned yet.")).toBeVisible();
  // A submit without an assignee names the field.
  await section.getByRole("button", { name: "Assign" }).click();
  await expect(section.getByText(/Assignee/).last()).toBeVisible();
  await expect(section.getByLabel("Assignee")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Assignee").selectOption({ label: person.name });
  await expect(section.getByLabel("Claim")).toHaveValue("");
  await section.getByLabel("Note (optional)").fill("Check the harbour dates");
  await section.getByRole("button", { name: "Assign" }).click();
  await expect(section.getByRole("listitem").filter({ hasText: `${person.name} — whole article` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The reviewer's bell and "Assigned to you" catch up without a reload.
  await expect(dashboard.getByRole("button", { name: `Notifications, ${before + 1} unread` })).toBeVisible({ timeout: 15_000 });
  await expect(assigned.getByRole("link", { name: article.title })).toBeVisible({ timeout: 15_000 });
  await bell(dashboard).click();
  await expect(dashboard.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: `Eddie Editor assigned you “${article.title}”` }).first()).toBeVisible();
  await dashboard.getByRole("button", { name: "Mark all read" }).click();
  await expect(dashboard.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();

  await section.getByRole("button", { name: "Unassign" }).click();
  await expect(section.getByText("Nobody is assigned yet.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Assignments" }).getByText("Nobody is assigned yet.")).toBeVisible();

  await reviewer.close();
  await editor.close();
});

test("reviewers see assignments but get no Assign form", async ({ browser, baseURL }) => {
  const { article, reviewer, editor } = await desk(browser, baseURL!);
  await editor.close();
  const page = await reviewer.newPage();
  await page.goto(`/articles/${article.id}`);
  const section = page.getByRole("region", { name: "Assignments" });
  await expect(section.getByText("Nobody is assigned yet.")).toBeVisible();
  await expect(section.getByRole("button", { name: "Assign" })).toHaveCount(0);
  await reviewer.close();
});
