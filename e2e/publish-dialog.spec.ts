// Publishing through the dialog: a preview of what goes live and what stays out,
// a confirmation, numbered updates with a note, and a public page that says so.
// The spec makes its own article and claims (other specs share the seed article).
import { expect, test } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

test("publish with a preview, then a claim approved later goes live only through “Update publication” with a note", async ({ browser, baseURL }) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedInContext(browser, baseURL!, DEMO.admin);
  const reviewer = await signedInContext(browser, baseURL!, DEMO.reviewer);
  const editorContext = await signedInContext(browser, baseURL!, DEMO.editor);

  const text = `Harbour report ${stamp}.\n\nThe port handled 12 million containers in 2023. The new crane was bought in 1987.`;
  const article = await api<{ id: string; text: string; slug: string }>(admin.request, "POST", "/api/articles", { title: `Harbour report ${stamp}`, text });
  const claim = (quote: string, claimText: string) =>
    api<{ id: string; version: number }>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, {
      selector: selectorFor(article.text, quote), claimText, verdict: "MOSTLY_FALSE", rationale: "Port statistics say otherwise.", sources: [],
    });
  const submit = (c: { id: string; version: number }) => api<{ id: string; version: number }>(reviewer.request, "POST", `/api/claims/${c.id}/submit`, { version: c.version }, 200);
  const approve = (c: { id: string; version: number }) => api(editorContext.request, "POST", `/api/claims/${c.id}/reviews`, { decision: "APPROVE", version: c.version }, 200);

  const liveText = `The port handled 12 million containers (${stamp})`;
  const laterText = `The crane was bought in 1987 (${stamp})`;
  await approve(await submit(await claim("handled 12 million containers in 2023", liveText)));
  const later = await claim("The new crane was bought in 1987", laterText);

  // The editor opens the dialog: what goes live, and the draft staying out with its reason.
  const editor = await editorContext.newPage();
  await editor.goto(`/articles/${article.id}`);
  const publishButton = editor.getByRole("button", { name: "Publish", exact: true });
  await publishButton.click();
  const dialog = editor.getByRole("dialog", { name: "Publish fact-check" });
  await expect(dialog).toBeVisible();
  const goesLive = dialog.getByRole("region", { name: /Goes live/ });
  const staysOut = dialog.getByRole("region", { name: /Stays out/ });
  await expect(goesLive).toContainText(liveText);
  await expect(staysOut).toContainText(laterText);
  await expect(staysOut).toContainText("Draft: not yet submitted for review");
  await expect(dialog.getByLabel("Note")).toBeVisible();
  await expectNoSeriousA11yViolations(editor);

  // Keyboard: Escape closes it and focus goes back to "Publish".
  await editor.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(publishButton).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(goesLive).toContainText(liveText);

  await dialog.getByLabel("Note").fill("First look at the harbour figures.");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  const viewLink = editor.getByRole("link", { name: "View the published fact-check" });
  await expect(viewLink).toBeVisible();
  const factCheckPath = (await viewLink.getAttribute("href"))!;

  // The draft is approved after publishing: it is not public until an update.
  await approve(await submit(later));
  const anon = await (await browser.newContext({ baseURL })).newPage();
  expect((await anon.goto(factCheckPath))?.status()).toBe(200);
  await expect(anon.getByRole("region", { name: liveText })).toBeVisible();
  await expect(anon.getByRole("region", { name: laterText })).toHaveCount(0);
  await expect(anon.getByRole("heading", { name: "Updates" })).toHaveCount(0);

  // "Update publication": the new claim is marked, and the note is required.
  await editor.reload();
  await editor.getByRole("button", { name: "Update publication" }).click();
  const update = editor.getByRole("dialog", { name: "Update publication" });
  await expect(update).toBeVisible();
  const updateLive = update.getByRole("region", { name: /Goes live/ });
  await expect(updateLive.getByRole("listitem").filter({ hasText: laterText })).toContainText("New");
  await update.getByRole("button", { name: "Confirm" }).click();
  await expect(update.getByRole("alert")).toContainText("Write a note for readers");
  await expect(update).toBeVisible();
  await expectNoSeriousA11yViolations(editor);
  const note = `Added the crane purchase check (${stamp}).`;
  await update.getByLabel("Note").fill(note);
  await update.getByRole("button", { name: "Confirm" }).click();
  await expect(update).toBeHidden();

  // The public page now has both claims, says it was updated and lists the update with its note.
  await anon.reload();
  await expect(anon.getByRole("region", { name: laterText })).toBeVisible();
  await expect(anon.getByText(/Updated \d{1,2} \w+ \d{4}/).first()).toBeVisible();
  const updates = anon.getByRole("region", { name: "Updates" });
  await expect(updates).toContainText("Publication 2");
  await expect(updates).toContainText(note);
  await expect(updates).toContainText("First look at the harbour figures.");
  await expectNoSeriousA11yViolations(anon);

  const { items } = await api<{ items: Array<{ number: number; note: string | null }> }>(reviewer.request, "GET", `/api/articles/${article.id}/publications`);
  expect(items.map((p) => [p.number, p.note])).toEqual([[2, note], [1, "First look at the harbour figures."]]);
});

test("publishing an article with no approved claim is explained in the dialog, and nothing is published", async ({ browser, baseURL }) => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedInContext(browser, baseURL!, DEMO.admin);
  const editorContext = await signedInContext(browser, baseURL!, DEMO.editor);
  const article = await api<{ id: string; slug: string }>(admin.request, "POST", "/api/articles", { title: `Empty desk ${stamp}`, text: `Nothing checked here yet ${stamp}.` });
  const editor = await editorContext.newPage();
  await editor.goto(`/articles/${article.id}`);
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = editor.getByRole("dialog", { name: "Publish fact-check" });
  await expect(dialog.getByRole("status").filter({ hasText: "no approved claim" })).toBeVisible();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByRole("alert")).toContainText("There is no approved claim to publish yet");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await (await browser.newContext({ baseURL })).request.get(`/fact-checks/${article.slug}`)).status()).toBe(404);
});
