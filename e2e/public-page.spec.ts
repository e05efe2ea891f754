// The public fact-check page: every highlight in the article text carries its
// verdict in words (a tag naming the verdict, a link named "<Verdict>: <claim>"),
// so no verdict differs by colour alone, and the key lists the same words.
import { expect, test } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

test("each highlight is named by its verdict and claim, with a visible verdict tag and a matching key", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const reviewer = await signedInContext(browser, baseURL, DEMO.reviewer);
  const editor = await signedInContext(browser, baseURL, DEMO.editor);

  const text = [
    `Budget week ${run}`,
    "The minister said unemployment fell by 40 percent last year. Officials added that the new bridge cost 2 million dollars.",
    "Inflation is now the lowest in Europe, the report claims.",
  ].join("\n\n");
  const article = await api<{ id: string; slug: string; text: string }>(admin.request, "POST", "/api/articles", { title: `Public highlights ${run}`, text, author: "Desk", publishedAt: "2025-01-10" });

  // Two apart, and two nested (the shorter inside the longer), each with its own verdict.
  const claims = [
    { quote: "unemployment fell by 40 percent", claimText: `Unemployment fell by 40 percent last year (${run}).`, verdict: "FALSE", label: "False" },
    { quote: "the new bridge cost 2 million dollars", claimText: `The new bridge cost 2 million dollars (${run}).`, verdict: "MOSTLY_TRUE", label: "Mostly true" },
    { quote: "Inflation is now the lowest in Europe", claimText: `Inflation is the lowest in Europe (${run}).`, verdict: "MIXED", label: "Mixed" },
    { quote: "the lowest in Europe", claimText: `No EU country has lower inflation (${run}).`, verdict: "MISLEADING", label: "Misleading" },
  ];
  const made: Array<(typeof claims)[number] & { id: string }> = [];
  for (const c of claims) {
    const draft = await api<{ id: string; version: number }>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, {
      selector: selectorFor(article.text, c.quote), claimText: c.claimText, verdict: c.verdict, rationale: "Checked against the statistics office.", sources: [],
    });
    const submitted = await api<{ version: number }>(reviewer.request, "POST", `/api/claims/${draft.id}/submit`, { version: draft.version }, 200);
    await api(editor.request, "POST", `/api/claims/${draft.id}/reviews`, { decision: "APPROVE", version: submitted.version }, 200);
    made.push({ ...c, id: draft.id });
  }
  await api(editor.request, "POST", `/api/articles/${article.id}/publish`, { note: "First publication." }, 200);
  await Promise.all([admin.close(), reviewer.close(), editor.close()]);

  // Read as the public does: signed out.
  const visitor = await browser.newContext({ baseURL });
  const page = await visitor.newPage();
  await page.goto(`/fact-checks/${article.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Public highlights ${run}` })).toBeVisible();

  const body = page.locator(".article-body");
  for (const c of made) {
    // The highlighted words are the quote, and the tag after them names the verdict, visibly and for screen readers.
    await expect(body.locator(`mark[data-claim-id="${c.id}"]`).first()).toContainText(c.quote === "Inflation is now the lowest in Europe" ? "Inflation is now" : c.quote);
    const tag = body.getByRole("link", { name: `${c.label}: ${c.claimText}`, exact: true });
    await expect(tag).toHaveCount(1);
    await expect(tag).toBeVisible();
    await expect(tag).toHaveAttribute("href", `#claim-${c.id}`);
    expect((await tag.innerText()).trim()).toBe(c.label);
  }
  // Nothing else in the text is a link: one tag per claim.
  await expect(body.getByRole("link")).toHaveCount(made.length);

  // The key lists the same verdict words, in the scale's order, and only those used.
  const key = page.getByRole("list", { name: "Key to the highlights" });
  await expect(key.getByRole("listitem")).toHaveText([/Mostly true/, /Mixed/, /False/, /Misleading/]);
  for (const c of made) {
    const item = key.locator(`li[data-verdict="${c.verdict}"]`);
    expect((await item.locator("span").nth(1).innerText()).trim()).toBe(c.label);
  }

  // From the text to the fact-check with the keyboard.
  const first = body.getByRole("link", { name: `${made[0].label}: ${made[0].claimText}`, exact: true });
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#claim-${made[0].id}$`));
  await expect(page.locator(`#claim-${made[0].id}`)).toBeInViewport();

  await expectNoSeriousA11yViolations(page);
  await visitor.close();
});
