// Newsroom memory in the claim form (issue 14): "Checked before" lists earlier
// claims from other articles and imported fact-checks while a reviewer drafts;
// "Reuse sources" copies sources, "Same claim" links the two (shown on both
// claims, undoable); source memory fills a known URL's title and publisher; the
// public page says "Also checked …" for published links only.
// Every test makes its own users, articles, claims and fact-checks through the API.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, SAME_ORIGIN, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { selectWords } from "./support/select";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
type Article = { id: string; text: string; slug: string; title: string };
type Claim = { id: string; version: number; claimText: string };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function reviewer(browser: Browser, baseURL: string, admin: BrowserContext, name: string) {
  const id = stamp();
  const user = { email: `memory-${id}@example.org`, name: `${name} ${id}`, password: `quiet harbour lantern ${id}`, role: "REVIEWER" };
  await api(admin.request, "POST", "/api/users", user);
  return signedInContext(browser, baseURL, user.email, user.password);
}

async function article(admin: BrowserContext, title: string, text: string) {
  const a = await api<Article>(admin.request, "POST", "/api/articles", { title, text });
  return { ...a, title, text };
}

async function approveAndPublish(owner: BrowserContext, editor: BrowserContext, a: Article, claim: Claim) {
  const submitted = await api<Claim>(owner.request, "POST", `/api/claims/${claim.id}/submit`, { version: claim.version }, 200);
  await api(editor.request, "POST", `/api/claims/${claim.id}/reviews`, { decision: "APPROVE", version: submitted.version }, 200);
  const published = await editor.request.post(`/api/articles/${a.id}/publish`, { headers: SAME_ORIGIN, data: {} });
  expect(published.ok(), await published.text()).toBe(true);
}

const claimsPanel = (page: Page) => page.getByRole("complementary", { name: "Claims" });

test("reviewer B drafting the claim reviewer A checked sees it, reuses its sources, links the two; both claims show the link; the public pages say “Also checked in”", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const id = stamp();
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const [a, b, editor] = await Promise.all([reviewer(browser, baseURL, admin, "Astrid"), reviewer(browser, baseURL, admin, "Bruno"), signedInContext(browser, baseURL, DEMO.editor)]);
  const sentence = `the Skarvik${id} tunnel carried 41,000 vehicles a day in 2019`;
  const first = await article(admin, `Roads desk ${id}`, `Roads desk ${id}.\n\nOfficials said ${sentence}, the county roads office said on Monday.`);
  const second = await article(admin, `Budget debate ${id}`, `Budget debate ${id}.\n\nIn the debate the minister said ${sentence}, a figure the opposition disputed.`);
  await admin.close();

  const src = [
    { url: `https://roads.example.org/${id}/counts-2019`, title: `Traffic counts 2019 (${id})`, publisher: "County roads office", stance: "REFUTES" },
    { url: `https://stats.example.org/${id}/tunnels`, title: `Tunnel statistics (${id})`, publisher: "Statistics office", stance: "CONTEXT" },
  ];
  const press = [
    { url: `https://press.example.org/${id}/release`, title: `Press release (${id})`, publisher: "Roads office press desk", stance: "CONTEXT" },
    { url: `https://press.example.org/${id}/briefing`, title: `Briefing notes (${id})`, publisher: "Roads office briefing desk", stance: "CONTEXT" },
  ];
  const claimA = await api<Claim>(a.request, "POST", `/api/articles/${first.id}/claims`, {
    selector: selectorFor(first.text, sentence), claimText: `The Skarvik${id} tunnel carried 41,000 vehicles a day in 2019.`, verdict: "MOSTLY_FALSE",
    rationale: "The counts show about 36,000 a day.", sources: src,
  });
  // A second claim of A's cites the press pages: source memory knows them.
  await api(a.request, "POST", `/api/articles/${first.id}/claims`, {
    selector: selectorFor(first.text, "the county roads office said on Monday"), claimText: `The roads office spoke on Monday (${id}).`, verdict: "TRUE", rationale: "", sources: press,
  });

  // B selects the same sentence in the other article: the form opens with A's check in view.
  const page = await b.newPage();
  await page.goto(`/articles/${second.id}`);
  await expect(page.getByRole("region", { name: "Article" })).toContainText(sentence);
  await selectWords(page, sentence);
  await page.getByRole("button", { name: "New claim" }).click();
  const panel = claimsPanel(page);
  const region = panel.getByRole("region", { name: "Checked before" });
  const item = region.getByRole("listitem").filter({ hasText: claimA.claimText });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Mostly false");
  await expect(item).toContainText("Draft");
  await expect(item).toContainText(first.title);
  await expect(item).toContainText("2 sources");
  const link = item.getByRole("link", { name: new RegExp(`^${escape(claimA.claimText)}`) });
  await expect(link).toHaveAttribute("href", `/articles/${first.id}?claim=${claimA.id}`);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(item.getByRole("button", { name: "Same claim", exact: true })).toHaveAccessibleDescription(claimA.claimText);
  await expect(item.getByRole("button", { name: "Reuse sources", exact: true })).toHaveAccessibleDescription(claimA.claimText);
  await expectNoSeriousA11yViolations(page);

  // "Reuse sources" copies both sources, and announces it; a second time adds nothing.
  await item.getByRole("button", { name: "Reuse sources" }).click();
  await expect(region.getByRole("status")).toContainText("2 sources added");
  await expect(panel.getByLabel("Source URL")).toHaveCount(2);
  await expect(panel.getByLabel("Source URL").nth(0)).toHaveValue(src[0].url);
  await expect(panel.getByLabel("Source title").nth(0)).toHaveValue(src[0].title);
  await expect(panel.getByLabel("Publisher").nth(0)).toHaveValue(src[0].publisher);
  await expect(panel.getByLabel("Stance").nth(0)).toHaveValue("REFUTES");
  await expect(panel.getByLabel("Source URL").nth(1)).toHaveValue(src[1].url);
  await expect(panel.getByLabel("Stance").nth(1)).toHaveValue("CONTEXT");
  await item.getByRole("button", { name: "Reuse sources" }).click();
  await expect(region.getByRole("status")).toContainText("No sources added");
  await expect(panel.getByLabel("Source URL")).toHaveCount(2);

  // Typing the claim asks again (debounced); A's check is still the match. "Same claim" waits for the save.
  const claimTextB = `Skarvik${id} tunnel traffic reached 41,000 vehicles a day in 2019.`;
  await panel.getByLabel("Claim", { exact: true }).fill(claimTextB);
  await panel.getByLabel("Verdict").selectOption("MOSTLY_FALSE");
  await expect(item).toBeVisible();
  const same = item.getByRole("button", { name: "Same claim", exact: true });
  await expect(same).toHaveAttribute("aria-pressed", "false");
  await same.click();
  await expect(same).toHaveAttribute("aria-pressed", "true");
  await expect(item).toContainText("Linked");
  await panel.getByRole("button", { name: "Save draft" }).click();
  await expect(panel.getByText("Claim saved as a draft.")).toBeVisible();

  // B's claim shows the link…
  const linkedA = panel.getByRole("listitem").filter({ hasText: "Same claim as:" });
  await expect(linkedA).toHaveCount(1);
  await expect(linkedA).toContainText(`Same claim as: ${claimA.claimText} (Mostly false, ${first.title})`);
  await expect(linkedA.getByRole("button", { name: "Unlink" })).toBeVisible();

  // …and so does A's, on the other article.
  const pageA = await a.newPage();
  await pageA.goto(`/articles/${first.id}?claim=${claimA.id}`);
  const linkedB = claimsPanel(pageA).getByRole("listitem").filter({ hasText: "Same claim as:" });
  await expect(linkedB).toContainText(`Same claim as: ${claimTextB} (Mostly false, ${second.title})`);
  await expect(linkedB.getByRole("link", { name: new RegExp(`^${escape(claimTextB)}`) })).toHaveAttribute("href", new RegExp(`^/articles/${second.id}\\?claim=`));

  // Editing B's claim: the link shows as pressed; undo and redo go to the server at once.
  await panel.getByRole("button", { name: "Edit" }).click();
  const editItem = panel.getByRole("region", { name: "Checked before" }).getByRole("listitem").filter({ hasText: claimA.claimText });
  const editSame = editItem.getByRole("button", { name: "Same claim", exact: true });
  await expect(editSame).toHaveAttribute("aria-pressed", "true");
  await editSame.click();
  await expect(editSame).toHaveAttribute("aria-pressed", "false");
  await expect(panel.getByRole("region", { name: "Checked before" }).getByRole("status")).toContainText("No longer linked");
  expect((await api<{ items: unknown[] }>(a.request, "GET", `/api/claims/${claimA.id}/links`)).items).toEqual([]);
  await editSame.click();
  await expect(editSame).toHaveAttribute("aria-pressed", "true");

  // Source memory: a URL cited before fills an empty title and publisher, never what was typed.
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").nth(2).fill(press[0].url);
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Source title").nth(2)).toHaveValue(press[0].title);
  await expect(panel.getByLabel("Publisher").nth(2)).toHaveValue(press[0].publisher);
  await expect(panel.getByLabel("Source URL").nth(2)).toHaveAccessibleDescription(/Cited once before/);
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source title").nth(3).fill(`Our own words (${id})`);
  await panel.getByLabel("Source URL").nth(3).fill(press[1].url);
  await panel.getByLabel("Source URL").nth(3).blur();
  await expect(panel.getByLabel("Publisher").nth(3)).toHaveValue(press[1].publisher);
  await expect(panel.getByLabel("Source title").nth(3)).toHaveValue(`Our own words (${id})`);
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel.getByRole("listitem").filter({ hasText: "Same claim as:" })).toContainText(claimA.claimText);

  // Public pages: the line appears only once the other article is published with that claim in it.
  const claimB = (await api<{ items: Claim[] }>(b.request, "GET", `/api/articles/${second.id}/claims`)).items.find((c) => c.claimText === claimTextB)!;
  await approveAndPublish(b, editor, second, claimB);
  const visitor = await browser.newContext({ baseURL });
  const anon = await visitor.newPage();
  await anon.goto(`/fact-checks/${second.slug}`);
  await expect(anon.getByRole("heading", { name: claimTextB })).toBeVisible();
  await expect(anon.getByText("Also checked")).toHaveCount(0);
  await approveAndPublish(a, editor, first, claimA);
  await anon.reload();
  const also = anon.getByRole("listitem").filter({ hasText: "Also checked in" });
  await expect(also).toHaveText(`Also checked in ${first.title}`);
  await expect(also.getByRole("link", { name: first.title })).toHaveAttribute("href", `/fact-checks/${first.slug}#claim-${claimA.id}`);
  await expectNoSeriousA11yViolations(anon);
  await anon.goto(`/fact-checks/${first.slug}`);
  await expect(anon.getByRole("listitem").filter({ hasText: "Also checked in" })).toHaveText(`Also checked in ${second.title}`);
  await Promise.all([a.close(), b.close(), editor.close(), visitor.close()]);
});

test("imported fact-checks show in “Checked before” (an unmapped rating in the publisher's words); a saved claim links one at once; the public page says “Also checked by”", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const id = stamp();
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const claimReviewed = `The Vellmar${id} dam holds 40 million cubic metres of water`;
  const review = (n: number, publisher: string, alternateName: string) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://factcheck${n}.example.org/${id}/vellmar-dam`,
    claimReviewed,
    datePublished: "2026-03-0" + n,
    author: { "@type": "Organization", name: publisher },
    reviewRating: { "@type": "Rating", alternateName },
  });
  const posted = await admin.request.post("/api/imports", { headers: SAME_ORIGIN, data: { items: [review(1, `Full Check ${id}`, "False"), review(2, `Other Desk ${id}`, `Spicy take ${id}`)] } });
  expect(posted.status(), await posted.text()).toBe(202);
  const { jobId } = await posted.json();
  await expect.poll(async () => (await (await admin.request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 60_000 }).toBe("SUCCEEDED");
  const sentence = `the Vellmar${id} dam holds 40 million cubic metres of water`;
  const story = await article(admin, `Water story ${id}`, `Water story ${id}.\n\nThe utility said ${sentence}, enough for a year.`);
  const other = await article(admin, `Unpublished desk ${id}`, `Unpublished desk ${id}.\n\nSomeone said ${sentence} too.`);
  await admin.close();
  const [b, editor] = await Promise.all([signedInContext(browser, baseURL, DEMO.reviewer), signedInContext(browser, baseURL, DEMO.editor)]);
  const claim = await api<Claim>(b.request, "POST", `/api/articles/${story.id}/claims`, {
    selector: selectorFor(story.text, sentence), claimText: `The Vellmar${id} dam holds 40 million m³.`, verdict: "FALSE", rationale: "", sources: [],
  });
  // A link to a draft on an unpublished article must never reach the public page.
  const hidden = await api<Claim>(b.request, "POST", `/api/articles/${other.id}/claims`, {
    selector: selectorFor(other.text, sentence), claimText: `Vellmar${id} holds 40 million (draft).`, verdict: "FALSE", rationale: "", sources: [],
  });
  await api(b.request, "POST", `/api/claims/${claim.id}/links`, { claimId: hidden.id });

  const page = await b.newPage();
  await page.goto(`/articles/${story.id}?claim=${claim.id}`);
  const panel = claimsPanel(page);
  await panel.getByRole("button", { name: "Edit" }).click();
  const region = panel.getByRole("region", { name: "Checked before" });
  const full = region.getByRole("listitem").filter({ hasText: `Full Check ${id}` });
  const unmapped = region.getByRole("listitem").filter({ hasText: `Other Desk ${id}` });
  await expect(full).toContainText(claimReviewed);
  await expect(full).toContainText("False");
  await expect(full).toContainText("1 March 2026");
  await expect(unmapped).toContainText(`Spicy take ${id}`);
  await expect(unmapped).toContainText("unmapped");
  const fcLink = full.getByRole("link", { name: new RegExp(`^${escape(claimReviewed)}`) });
  await expect(fcLink).toHaveAttribute("href", `https://factcheck1.example.org/${id}/vellmar-dam`);
  await expect(fcLink).toHaveAttribute("target", "_blank");
  await expect(fcLink).toHaveAttribute("rel", "noopener noreferrer");
  await expect(full.getByRole("button", { name: "Reuse sources" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const same = full.getByRole("button", { name: "Same claim", exact: true });
  await same.click();
  await expect(same).toHaveAttribute("aria-pressed", "true");
  await expect(region.getByRole("status")).toContainText("Linked");
  await panel.getByRole("button", { name: "Cancel" }).click();
  const linked = panel.getByRole("listitem").filter({ hasText: "Same claim as:" });
  await expect(linked).toHaveCount(2);
  await expect(linked.filter({ hasText: `Full Check ${id}` })).toContainText(`Same claim as: ${claimReviewed} (False, Full Check ${id})`);

  await approveAndPublish(b, editor, story, claim);
  const visitor = await browser.newContext({ baseURL });
  const anon = await visitor.newPage();
  await anon.goto(`/fact-checks/${story.slug}`);
  const also = anon.getByRole("listitem").filter({ hasText: "Also checked" });
  await expect(also).toHaveCount(1);
  await expect(also).toHaveText(`Also checked by Full Check ${id}: False (their fact-check)`);
  await expect(also.getByRole("link", { name: "their fact-check" })).toHaveAttribute("href", `https://factcheck1.example.org/${id}/vellmar-dam`);
  await expect(anon.locator("body")).not.toContainText(hidden.claimText);
  await expect(anon.locator("body")).not.toContainText(other.title);
  await expectNoSeriousA11yViolations(anon);
  await Promise.all([b.close(), editor.close(), visitor.close()]);
});
