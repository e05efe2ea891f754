import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { selectWords } from "./support/select";
import { SAME_ORIGIN } from "./support/api";

const SEED_TITLE = "Iran says U.S. cyber attacks failed";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInOverHttp(page, email);
  return page;
}

test("reviewer submits → editor requests changes → reviewer fixes and resubmits → editor approves and publishes → the public sees the fact-check", async ({ browser }) => {
  const stamp = Date.now();
  const claimText = `Stuxnet attacked Iran's nuclear facilities in November 2007 (${stamp})`;
  const reviewer = await as(browser, DEMO.reviewer);
  const editor = await as(browser, DEMO.editor);

  // Reviewer: highlight and submit.
  await reviewer.goto("/articles?q=cyber+attacks+failed");
  await reviewer.getByRole("link", { name: SEED_TITLE }).click();
  await selectWords(reviewer, "which targeted Iran's nuclear facilities in November 2007");
  await reviewer.getByRole("button", { name: "New claim" }).click();
  const panel = reviewer.getByRole("complementary", { name: "Claims" });
  await panel.getByLabel("Claim", { exact: true }).fill(claimText);
  await panel.getByLabel("Verdict").selectOption("OUTDATED");
  await panel.getByLabel("Rationale").fill("Stuxnet's earliest version dates from 2007 but it was discovered in 2010.");
  await panel.getByRole("button", { name: "Add source" }).click();
  await panel.getByLabel("Source URL").fill("https://www.symantec.com/connect/blogs/stuxnet-0-5");
  await panel.getByLabel("Source title").fill("Stuxnet 0.5: The Missing Link");
  await panel.getByLabel("Stance").selectOption("REFUTES");
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(panel.getByText("Claim submitted for review.")).toBeVisible();
  const articleUrl = reviewer.url();

  // Editor: the queue, then request changes.
  await editor.goto("/review");
  await expect(editor.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await editor.getByRole("link", { name: claimText }).click();
  await expect(editor.getByRole("region", { name: "Context" })).toContainText("in November 2007");
  await expect(editor.getByRole("list", { name: "History" })).toContainText("submitted it for review");
  await expectNoSeriousA11yViolations(editor);
  await editor.getByRole("button", { name: "Request changes" }).click();
  await expect(editor.getByRole("complementary", { name: "Review" }).getByRole("alert")).toContainText("comment");
  await editor.getByLabel("Comment").fill("Name the 2010 discovery in the claim itself.");
  await editor.getByRole("button", { name: "Request changes" }).click();
  await expect(editor).toHaveURL(/\/review\?done=1/);

  // Reviewer: sees the request on the dashboard, fixes, resubmits.
  await reviewer.goto("/");
  const requested = reviewer.getByRole("region", { name: /Changes requested/ });
  await expect(requested).toContainText("Name the 2010 discovery in the claim itself.");
  await requested.getByRole("link", { name: claimText }).click();
  await expect(panel.getByText("Changes requested by")).toBeVisible();
  await panel.getByRole("button", { name: "Edit" }).click();
  const fixed = `${claimText}; it was discovered in 2010`;
  await panel.getByLabel("Claim", { exact: true }).fill(fixed);
  await panel.getByRole("button", { name: "Submit for review" }).click();
  await expect(panel.getByText("Changes saved and submitted for review.")).toBeVisible();

  // Editor: settle everything else pending on the seed article (other specs' claims), approve ours, publish.
  const { items } = await (await editor.request.get("/api/review-queue")).json();
  for (const c of items as Array<{ id: string; claimText: string; version: number; article: { title: string } }>) {
    if (c.article.title !== SEED_TITLE || c.claimText === fixed) continue;
    const r = await editor.request.post(`/api/claims/${c.id}/reviews`, { headers: SAME_ORIGIN, data: { decision: "REJECT", comment: "Clearing the desk for publication.", version: c.version } });
    expect(r.status()).toBe(200);
  }
  await editor.goto("/review");
  await editor.getByRole("link", { name: fixed }).click();
  await editor.getByRole("button", { name: "Approve" }).click();
  await expect(editor).toHaveURL(/\/review\?done=1/);
  await editor.goto(articleUrl);
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = editor.getByRole("dialog", { name: "Publish fact-check" });
  await expect(dialog.getByRole("region", { name: /Goes live/ })).toContainText(fixed);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  const viewLink = editor.getByRole("link", { name: "View the published fact-check" });
  await expect(viewLink).toBeVisible();
  const factCheckPath = await viewLink.getAttribute("href");

  // The public: no session.
  const anon = await (await browser.newContext()).newPage();
  const res = await anon.goto(factCheckPath!);
  expect(res?.status()).toBe(200);
  await expect(anon.getByRole("heading", { level: 1, name: SEED_TITLE })).toBeVisible();
  const section = anon.getByRole("region", { name: fixed });
  await expect(section).toContainText("Outdated");
  await expect(section).toContainText("discovered in 2010");
  await expect(section.getByRole("link", { name: "Stuxnet 0.5: The Missing Link" })).toBeVisible();
  await expect(anon.getByRole("region", { name: "Verdict summary" })).toContainText("Outdated");
  const ld = (await anon.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t));
  const ours = ld.find((r) => r.claimReviewed === fixed);
  expect(ours).toMatchObject({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    reviewRating: { "@type": "Rating", alternateName: "Outdated" },
    author: { "@type": "Organization" },
    itemReviewed: { "@type": "Claim", datePublished: "2019-06-24", appearance: { "@type": "CreativeWork" } },
  });
  expect(ours.url).toMatch(/\/fact-checks\/.+#claim-/);
  expect(ours.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(ld.every((r) => r.claimReviewed !== claimText)).toBe(true);
  await expect(anon.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${factCheckPath}$`));
  await expect(anon.locator('meta[property="og:title"]')).toHaveAttribute("content", `Fact-check: ${SEED_TITLE}`);
  await expectNoSeriousA11yViolations(anon);

  // Unpublish: the page is gone, the data stays.
  await editor.reload();
  await editor.getByRole("button", { name: "Unpublish" }).click();
  const unpublish = editor.getByRole("dialog", { name: "Unpublish fact-check" });
  await expect(unpublish).toContainText("The claims and every publication are kept");
  await unpublish.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  expect((await anon.goto(factCheckPath!))?.status()).toBe(404);
});

test("outsiders are refused the review queue and the audit log", async ({ browser }) => {
  const reviewer = await as(browser, DEMO.reviewer);
  for (const path of ["/review", "/admin/audit"]) {
    const res = await reviewer.goto(path);
    expect(res?.status()).toBe(403);
    await expect(reviewer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
  const anon = await (await browser.newContext()).newPage();
  await anon.goto("/review");
  await expect(anon).toHaveURL(/\/signin\?callbackUrl=%2Freview/);
  const admin = await as(browser, DEMO.admin);
  await admin.goto("/admin/audit");
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.goto("/");
  await expect(admin.getByRole("img", { name: /Claims by verdict/ })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});
