import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/** A fact-checker's archive export: a DataFeed of ClaimReview records, one unmapped, one without its claim. */
function archive(run: string): string {
  const review = (n: number, rating: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    "@type": "ClaimReview",
    url: `https://archive-checks.example/${run}/${n}`,
    claimReviewed: `The ferry to Harbor Island runs every ${n * 10} minutes (${run})`,
    author: { "@type": "Organization", name: "Harbor Checks" },
    datePublished: "2023-11-0" + n,
    reviewRating: { "@type": "Rating", ...rating },
    ...extra,
  });
  const feed = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    dataFeedElement: [
      { "@type": "DataFeedItem", item: review(1, { alternateName: "Pants on Fire!" }) },
      { "@type": "DataFeedItem", item: review(2, { alternateName: "Spicy take" }) },
      { "@type": "DataFeedItem", item: review(3, { alternateName: "True" }, { claimReviewed: undefined }) },
    ],
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verity-e2e-factchecks-")), "harbor-checks.json");
  fs.writeFileSync(file, JSON.stringify(feed, null, 2));
  return file;
}

test("an admin uploads a ClaimReview archive and sees each record as a fact-check, with the counts", async ({ page }, testInfo) => {
  const run = `${Date.now()}-${testInfo.workerIndex}`;
  const file = archive(run);
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import articles" })).toBeVisible();

  await page.getByLabel("Files", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and import" }).click();
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByRole("status")).toHaveText(
    "Import finished: 2 imported, 0 duplicates, 1 failed. Of these, 2 fact-checks imported and 0 fact-checks already in Verity.",
    { timeout: 30_000 },
  );
  await expect(progress.getByRole("definition")).toHaveText(["3", "2", "0", "1"]);

  const imported = progress.getByRole("region", { name: "Imported fact-checks" });
  await expect(imported.getByRole("listitem")).toHaveText([
    new RegExp(`every 10 minutes \\(${run}\\) — fact-check imported · rating “Pants on Fire!” → False$`),
    new RegExp(`every 20 minutes \\(${run}\\) — fact-check imported · rating “Spicy take” → Unmapped$`),
  ]);
  await expect(imported.getByRole("link", { name: `The ferry to Harbor Island runs every 10 minutes (${run})` })).toHaveAttribute("href", `https://archive-checks.example/${run}/1`);
  await expect(progress.getByRole("region", { name: "Failed items" }).getByRole("listitem")).toHaveText(["harbor-checks.json, record 3: claimReviewed: is required: the claim the record reviews"]);
  await expect(progress.getByRole("region", { name: "Imported articles" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The same archive again: both are known.
  await page.getByLabel("Files", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(progress.getByRole("status")).toHaveText(
    "Import finished: 0 imported, 2 duplicates, 1 failed. Of these, 0 fact-checks imported and 2 fact-checks already in Verity.",
    { timeout: 30_000 },
  );
  const known = progress.getByRole("region", { name: "Fact-checks already in Verity (not imported again)" });
  await expect(known.getByRole("listitem")).toHaveCount(2);
  await expect(known.getByRole("listitem").first()).toContainText("duplicate of an earlier fact-check");
});
