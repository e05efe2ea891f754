// The review page keeps its context (issue 13, item 4 and friends): the history
// shows a reviewer's edit word by word with revisions numbered in order, an
// editor comments from the page, the conflict flag links to the other claim,
// and the queue and the page say when the article is already public.
// Each test makes its own article and claims through the API.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, SAME_ORIGIN, selectorFor, signedInContext } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
type Claim = { id: string; version: number };
type Article = { id: string; text: string; slug: string };

async function desk(browser: Browser, baseURL: string, text: string) {
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const article = await api<Article>(admin.request, "POST", "/api/articles", { title: `Review context ${stamp()}`, text });
  await admin.close();
  return {
    article,
    reviewer: await signedInContext(browser, baseURL, DEMO.reviewer),
    editor: await signedInContext(browser, baseURL, DEMO.editor),
  };
}

async function submittedClaim(reviewer: BrowserContext, article: Article, quote: string, body: { claimText: string; verdict: string; rationale?: string }) {
  const c = await api<Claim>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, { selector: selectorFor(article.text, quote), rationale: "", sources: [], ...body });
  return api<Claim>(reviewer.request, "POST", `/api/claims/${c.id}/submit`, { version: c.version }, 200);
}

test("after a reviewer's edit, the editor sees the changed words marked, revisions in order, and comments from the review page", async ({ browser }, testInfo) => {
  const id = stamp();
  const { article, reviewer, editor } = await desk(browser, testInfo.project.use.baseURL!, `Harbour story ${id}.\n\nThe harbour wall was built in 1852, officials said.`);
  const claimText = `The harbour wall dates from 1852 (${id}).`;
  const first = await submittedClaim(reviewer, article, "built in 1852", { claimText, verdict: "TRUE", rationale: "The town records show the wall was finished in 1852." });
  const sentBack = await api<Claim>(editor.request, "POST", `/api/claims/${first.id}/reviews`, { decision: "REQUEST_CHANGES", comment: "Which records? Name the archive.", version: first.version }, 200);
  const edited = await api<Claim>(reviewer.request, "PATCH", `/api/claims/${first.id}`, { version: sentBack.version, rationale: "The county archive records show the wall was finished in 1853." }, 200);
  await api(reviewer.request, "POST", `/api/claims/${first.id}/submit`, { version: edited.version }, 200);

  const page = await editor.newPage();
  await page.goto(`/review/${first.id}`);
  await expect(page.getByRole("heading", { level: 1, name: claimText })).toBeVisible();
  // Two edits of content: revision 2, though the version counter has moved five times.
  await expect(page.getByText(/^by .+ · revision 2$/)).toBeVisible();
  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText("Revision 1");
  await expect(history).toContainText("Revision 2");
  await expect(history).not.toContainText("Revision 3");
  await expect(history).toContainText("submitted it for review (on revision 2)");
  await expect(history).toContainText("Which records? Name the archive.");
  // The edit, word by word: what came in is underlined (<ins>), what went out struck through (<del>), each said in words too.
  const added = history.locator("ins");
  const removed = history.locator("del");
  await expect(added).toHaveText([/county archive/, /1853/]);
  await expect(removed).toHaveText([/town/, /1852/]);
  await expect(added.first()).toContainText("added:");
  await expect(removed.first()).toContainText("removed:");
  expect(await added.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain("underline");
  expect(await removed.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain("line-through");
  await expect(history).not.toContainText("version");

  // Commenting is not deciding: the decision's "Comment" field keeps its name, alone.
  await expect(page.getByLabel("Comment")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
  const discussion = page.getByRole("region", { name: "Discussion" });
  await discussion.getByRole("button", { name: "Post comment" }).click();
  await expect(discussion.getByRole("alert")).toContainText("Write your comment");
  await expect(discussion.getByLabel("Add to the discussion")).toBeFocused();
  const note = `Archive reference checked, thanks (${id}).`;
  await page.keyboard.type(note);
  await page.keyboard.press("Tab");
  await expect(discussion.getByRole("button", { name: "Post comment" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(discussion.getByRole("status")).toHaveText("Comment posted.");
  await expect(discussion.getByRole("listitem").filter({ hasText: note })).toBeVisible();
  await expect(discussion.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(discussion.getByLabel("Add to the discussion")).toHaveValue("");
  await expectNoSeriousA11yViolations(page);
  // It reached the claim for everyone: the API has it.
  const claim = await api<{ comments: Array<{ body: string }> }>(reviewer.request, "GET", `/api/claims/${first.id}`);
  expect(claim.comments.map((c) => c.body)).toContain(note);
  await Promise.all([reviewer.close(), editor.close()]);
});

test("the conflict flag links to the claim it conflicts with, naming it and its verdict, from the queue and the review page", async ({ browser }, testInfo) => {
  const id = stamp();
  const { article, reviewer, editor } = await desk(browser, testInfo.project.use.baseURL!, `Bridge story ${id}.\n\nThe mayor said the bridge opened in 1999, which records contradict.`);
  const mine = await submittedClaim(reviewer, article, "the bridge opened in 1999", { claimText: `The bridge opened in 1999 (${id}).`, verdict: "FALSE" });
  const theirs = await submittedClaim(reviewer, article, "bridge opened", { claimText: `The bridge has opened (${id}).`, verdict: "TRUE" });

  const page = await editor.newPage();
  await page.goto(`/review?articleId=${article.id}`);
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `The bridge opened in 1999 (${id}).`, exact: true }) });
  await expect(row).toContainText("Conflicting verdicts");
  await expect(row.getByRole("link", { name: `“The bridge has opened (${id}).” (verdict: True)` })).toHaveAttribute("href", `/review/${theirs.id}`);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/review/${mine.id}`);
  const link = page.getByRole("link", { name: `“The bridge has opened (${id}).” (verdict: True)` });
  await expect(link).toBeVisible();
  // This article is not published: no notice says it is.
  await expect(page.getByText("This article is published")).toHaveCount(0);
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/review/${theirs.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `The bridge has opened (${id}).` })).toBeVisible();
  // And back: the other claim's page names this one.
  await expect(page.getByRole("link", { name: `“The bridge opened in 1999 (${id}).” (verdict: False)` })).toHaveAttribute("href", `/review/${mine.id}`);
  await expectNoSeriousA11yViolations(page);
  await Promise.all([reviewer.close(), editor.close()]);
});

test("the queue and the review page say when the article is already published", async ({ browser }, testInfo) => {
  const id = stamp();
  const { article, reviewer, editor } = await desk(browser, testInfo.project.use.baseURL!, `Dam story ${id}.\n\nThe dam holds 40 million cubic metres, the utility said. It was finished in 1974.`);
  const first = await submittedClaim(reviewer, article, "40 million cubic metres", { claimText: `The dam holds 40 million m³ (${id}).`, verdict: "MOSTLY_TRUE" });
  await api(editor.request, "POST", `/api/claims/${first.id}/reviews`, { decision: "APPROVE", version: first.version }, 200);
  const published = await editor.request.post(`/api/articles/${article.id}/publish`, { headers: SAME_ORIGIN, data: {} });
  expect(published.ok(), await published.text()).toBe(true);
  const later = await submittedClaim(reviewer, article, "finished in 1974", { claimText: `The dam was finished in 1974 (${id}).`, verdict: "TRUE" });

  const page = await editor.newPage();
  await page.goto(`/review?articleId=${article.id}`);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `The dam was finished in 1974 (${id}).` }) });
  await expect(row).toContainText("Article published");
  await expect(row).toContainText("approving this claim does not change the public page until an editor updates the publication");

  await row.getByRole("link", { name: `The dam was finished in 1974 (${id}).` }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${later.id}$`));
  await expect(page.getByText("This article is published")).toBeVisible();
  await expect(page.getByText("Approving this claim does not change the public page until an editor updates the publication.")).toBeVisible();
  await expect(page.getByRole("link", { name: "View the public page" })).toHaveAttribute("href", `/fact-checks/${article.slug}`);
  await expectNoSeriousA11yViolations(page);

  // A claim already decided says what reaches the public page.
  await page.goto(`/review/${first.id}`);
  await expect(page.getByText("This article is published")).toBeVisible();
  await expect(page.getByText("Changes to this claim reach the public page only when an editor updates the publication.")).toBeVisible();
  await Promise.all([reviewer.close(), editor.close()]);
});
