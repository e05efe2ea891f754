import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, signInOverHttp } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";

/** The fixtures with this run's stamp in every title and URL, so re-runs never meet their own duplicates. */
function stampedFixtures(run: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-e2e-import-"));
  return ["wire-stories.csv", "desk-export.json"].map((name) => {
    const text = fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8").replaceAll("{{RUN}}", run);
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

test("an admin uploads a CSV and a JSON file, follows the progress to the end and opens an imported article", async ({ page }, testInfo) => {
  const run = `${Date.now()}-${testInfo.workerIndex}`;
  const files = stampedFixtures(run);
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import articles" })).toBeVisible();

  await page.getByLabel("Files", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload and import" }).click();

  // The progress shows where the button was pressed, on screen, with focus on its heading.
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress).toBeInViewport();
  await expect(progress.getByRole("heading", { name: "Import progress" })).toBeFocused();
  const bar = progress.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByText("Import finished: 4 imported, 0 duplicates, 1 failed.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/import\?job=/);
  const counts = page.getByRole("definition");
  await expect(counts).toHaveText(["5", "4", "0", "1"]);

  const failed = page.getByRole("region", { name: "Failed items" });
  await expect(failed.getByRole("listitem")).toHaveText([/^wire-stories\.csv, row 4: .*title/i]);
  const imported = page.getByRole("region", { name: "Imported articles" });
  await expect(imported.getByRole("link")).toHaveCount(4);
  await expectNoSeriousA11yViolations(page);

  await imported.getByRole("link", { name: `Council approves 12% water rate rise (${run})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Council approves 12% water rate rise (${run})` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Article" })).toContainText("Harbor City councillors voted 7 to 4 on Tuesday night");
  await expect(page.getByText("Priya Raman")).toBeVisible();

  // Back on the import page the job is listed, and uploading the same files again only finds duplicates.
  await page.goto("/admin/import");
  await expect(page.getByRole("region", { name: "Recent imports" }).getByRole("link", { name: "2 files: wire-stories.csv, desk-export.json" }).first()).toBeVisible();
  await page.getByLabel("Files", { exact: true }).setInputFiles(files);
  await page.getByRole("button", { name: "Upload and import" }).click();
  // On the status line itself, so that a timeout says what it showed instead.
  await expect(page.getByRole("region", { name: "Import progress" }).getByRole("status")).toHaveText("Import finished: 0 imported, 4 duplicates, 1 failed.", { timeout: 30_000 });
});

test("a pasted article and a bad URL: the paste imports, the URL is refused with its reason", async ({ page }) => {
  const run = `${Date.now()}`;
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await page.getByLabel("Title", { exact: true }).fill(`Pasted wire copy ${run}`);
  await page.getByLabel("Text or HTML").fill(`<p>Pasted paragraph one, run ${run}.</p><p>Paragraph two.</p>`);
  await page.getByRole("button", { name: "Import pasted article" }).click();
  // On the status line itself, so that a timeout says what it showed instead.
  await expect(page.getByRole("region", { name: "Import progress" }).getByRole("status")).toHaveText("Import finished: 1 imported, 0 duplicates, 0 failed.", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Imported articles" }).getByRole("link", { name: `Pasted wire copy ${run}` })).toBeVisible();

  await page.getByLabel("URL", { exact: true }).fill("ftp://example.org/story");
  await page.getByRole("button", { name: "Import from URL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /http/ })).toBeVisible();
  await expect(page.getByLabel("URL", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

test("a second import shows its own progress under its form, in view, never the previous job's numbers", async ({ page }) => {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  const paste = async () => {
    await page.getByLabel("Title", { exact: true }).fill(`Progress check ${run}`);
    await page.getByLabel("Text or HTML").fill(`A story to import twice, run ${run}.`);
    await page.getByRole("button", { name: "Import pasted article" }).click();
  };
  const progress = page.getByRole("region", { name: "Import progress" });
  const status = progress.getByRole("status");

  await paste();
  await expect(progress).toBeInViewport();
  await expect(status).toHaveText("Import finished: 1 imported, 0 duplicates, 0 failed.", { timeout: 30_000 });
  await expect(page.getByTestId("count-imported")).toHaveText("1");

  // Every text the status line shows from here on, as the page changes it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatus: string[] }).seenStatus = seen;
    const record = () => {
      const t = document.querySelector('section[aria-labelledby="import-progress-heading"] [role="status"]')?.textContent ?? "";
      if (seen[seen.length - 1] !== t) seen.push(t);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await paste();
  await expect(progress).toBeInViewport();
  await expect(status).toHaveText("Import finished: 0 imported, 1 duplicate, 0 failed.", { timeout: 30_000 });
  await expect(page.getByTestId("count-imported")).toHaveText("0");
  const seen = await page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus);
  // Once the new job is queued, the old job's "1 imported" never comes back.
  const queued = seen.indexOf("Queued…");
  expect(queued, seen.join(" | ")).toBeGreaterThanOrEqual(0);
  expect(seen.slice(queued).filter((t) => t.includes("1 imported")), seen.join(" | ")).toEqual([]);
});

test("a job opened from Recent imports shows above the forms", async ({ page }) => {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await page.getByLabel("Title", { exact: true }).fill(`Recent job ${run}`);
  await page.getByLabel("Text or HTML").fill(`Recent job text, run ${run}.`);
  await page.getByRole("button", { name: "Import pasted article" }).click();
  // On the status line itself, so that a timeout says what it showed instead.
  await expect(page.getByRole("region", { name: "Import progress" }).getByRole("status")).toHaveText("Import finished: 1 imported, 0 duplicates, 0 failed.", { timeout: 30_000 });
  const url = page.url();
  await page.goto(url);
  const progress = page.getByRole("region", { name: "Import progress" });
  await expect(progress.getByRole("link", { name: `Recent job ${run}` })).toBeVisible();
  await expect(progress).toBeInViewport();
});

test("a reviewer opening the import page gets the 403 page", async ({ page }) => {
  await signInOverHttp(page, DEMO.reviewer);
  const res = await page.goto("/admin/import");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByLabel("Files", { exact: true })).toHaveCount(0);
});

test("the import page has no serious accessibility violations", async ({ page }) => {
  await signInOverHttp(page, DEMO.admin);
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import articles" })).toBeVisible();
  for (const name of ["Files", "URL", "Feed URL", "Title", "Text or HTML", "Author", "Publisher", "Source URL", "Published date", "Language"]) {
    await expect(page.getByLabel(name, { exact: true })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);
});

test("uploads past Next's 10 MB proxy buffer arrive whole through the real server; past 20 MB they get 413", async ({ page, baseURL }) => {
  await signInOverHttp(page, DEMO.admin);
  const run = `${Date.now()}`;
  // 15 MB: a padding article too long to import, then a real one after the 10 MB mark.
  const items = [{ title: `Padding ${run}`, text: "x".repeat(15 * 1024 * 1024) }, { title: `After the padding ${run}`, text: `The story past the 10 MB mark, ${run}.` }];
  const big = Buffer.from(JSON.stringify(items));
  const posted = await page.request.post("/api/imports", { headers: { Origin: baseURL! }, multipart: { files: { name: "big.json", mimeType: "application/json", buffer: big } } });
  expect(posted.status(), await posted.text()).toBe(202);
  const { jobId } = await posted.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/imports/${jobId}`)).json()).status, { timeout: 60_000 })
    .toBe("PARTIAL");
  const job = await (await page.request.get(`/api/imports/${jobId}`)).json();
  expect(job).toMatchObject({ total: 2, imported: 1, failed: 1 });
  expect(job.errors).toEqual([expect.objectContaining({ label: `big.json, item 1`, fields: { text: expect.stringMatching(/at most/) } })]);

  const tooBig = await page.request.post("/api/imports", { headers: { Origin: baseURL! }, multipart: { files: { name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(21 * 1024 * 1024, 32) } } });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toMatchObject({ code: "too_large", fields: { files: expect.any(String) } });
});

