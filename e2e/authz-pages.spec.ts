// Every page × every kind of visitor, on the production server: protected pages
// send anonymous (and deactivated) visitors to sign in, refuse the wrong role
// with a 403 page, and serve the right role; an unpublished fact-check is a 404
// for everyone, a published one is public.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, selectorFor, signedInContext, signIn } from "./support/api";

type Visitor = "anonymous" | "reviewer" | "editor" | "admin" | "deactivated";
type Outcome = "signin" | 200 | 403 | 404;
const VISITORS: Visitor[] = ["anonymous", "reviewer", "editor", "admin", "deactivated"];

const signedInOnly: Record<Visitor, Outcome> = { anonymous: "signin", deactivated: "signin", reviewer: 200, editor: 200, admin: 200 };
const editorsOnly: Record<Visitor, Outcome> = { ...signedInOnly, reviewer: 403 };
const adminsOnly: Record<Visitor, Outcome> = { ...signedInOnly, reviewer: 403, editor: 403 };
const everyone = (o: Outcome): Record<Visitor, Outcome> => ({ anonymous: o, deactivated: o, reviewer: o, editor: o, admin: o });

type Fixtures = { articleId: string; claimId: string; publishedSlug: string; unpublishedSlug: string };
const PAGES: Array<{ name: string; path: (f: Fixtures) => string; expect: Record<Visitor, Outcome> }> = [
  { name: "/", path: () => "/", expect: signedInOnly },
  { name: "/articles", path: () => "/articles", expect: signedInOnly },
  { name: "/articles/:id", path: (f) => `/articles/${f.articleId}`, expect: signedInOnly },
  { name: "/articles/:id/edit", path: (f) => `/articles/${f.articleId}/edit`, expect: adminsOnly },
  { name: "/review", path: () => "/review", expect: editorsOnly },
  { name: "/review/:claimId", path: (f) => `/review/${f.claimId}`, expect: editorsOnly },
  { name: "/admin/import", path: () => "/admin/import", expect: adminsOnly },
  { name: "/admin/users", path: () => "/admin/users", expect: adminsOnly },
  { name: "/admin/audit", path: () => "/admin/audit", expect: adminsOnly },
  { name: "/account", path: () => "/account", expect: signedInOnly },
  { name: "/search", path: () => "/search?q=matrix", expect: signedInOnly },
  // Public: it shows its form only with a valid one-time link on an install without accounts.
  { name: "/setup", path: () => "/setup?token=x", expect: everyone(200) },
  { name: "/fact-checks/:slug (published)", path: (f) => `/fact-checks/${f.publishedSlug}`, expect: everyone(200) },
  { name: "/fact-checks/:slug (unpublished)", path: (f) => `/fact-checks/${f.unpublishedSlug}`, expect: everyone(404) },
];

// The fixtures and the visitors' sessions are made once per worker (beforeAll), each with
// names of its own, so the tests spread over the workers like every other spec.
let fixtures: Fixtures;
const contexts = new Map<Visitor, BrowserContext>();

async function setUp(browser: Browser, baseURL: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const editor = await signedInContext(browser, baseURL, DEMO.editor);
  const reviewer = await signedInContext(browser, baseURL, DEMO.reviewer);
  const text = `Page matrix story ${stamp}.\n\nThe mayor said the bridge opened in 1999, which records contradict.`;
  const quote = "the bridge opened in 1999";
  const claimOn = async (articleId: string, articleText: string) => {
    const c = await api<{ id: string; version: number }>(reviewer.request, "POST", `/api/articles/${articleId}/claims`, { selector: selectorFor(articleText, quote), claimText: `The bridge opened in 1999 (${stamp}).`, verdict: "FALSE", rationale: "Opened in 2001.", sources: [] });
    const s = await api<{ id: string; version: number }>(reviewer.request, "POST", `/api/claims/${c.id}/submit`, { version: c.version }, 200);
    return s;
  };
  const published = await api<{ id: string; text: string; slug: string }>(admin.request, "POST", "/api/articles", { title: `Published matrix ${stamp}`, text });
  const c1 = await claimOn(published.id, published.text);
  await api(editor.request, "POST", `/api/claims/${c1.id}/reviews`, { decision: "APPROVE", version: c1.version }, 200);
  await api(editor.request, "POST", `/api/articles/${published.id}/publish`, undefined, 200);
  const open = await api<{ id: string; text: string; slug: string }>(admin.request, "POST", "/api/articles", { title: `Unpublished matrix ${stamp}`, text: `${text}\n\nA second version.` });
  const c2 = await claimOn(open.id, open.text);
  fixtures = { articleId: open.id, claimId: c2.id, publishedSlug: published.slug, unpublishedSlug: open.slug };

  // A reviewer whose account an admin deactivates while their browser is still signed in.
  const email = `deactivated-${stamp}@example.org`;
  const made = await api<{ id: string }>(admin.request, "POST", "/api/users", { email, name: `Gone ${stamp}`, role: "REVIEWER", password: "a passphrase long enough" });
  const deactivated = await browser.newContext({ baseURL });
  await signIn(deactivated.request, email, "a passphrase long enough");
  await api(admin.request, "PATCH", `/api/users/${made.id}`, { active: false }, 200);

  contexts.set("anonymous", await browser.newContext({ baseURL }));
  contexts.set("reviewer", reviewer);
  contexts.set("editor", editor);
  contexts.set("admin", admin);
  contexts.set("deactivated", deactivated);
}

test.beforeAll(async ({ browser }, testInfo) => {
  await setUp(browser, testInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.close();
});

for (const p of PAGES) {
  for (const who of VISITORS) {
    const outcome = p.expect[who];
    test(`${p.name} as ${who} → ${outcome === "signin" ? "redirect to /signin" : outcome}`, async () => {
      const page = await contexts.get(who)!.newPage();
      try {
        const path = p.path(fixtures);
        const res = await page.goto(path);
        if (outcome === "signin") {
          await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
          await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
          return;
        }
        expect(res?.status(), `${path} as ${who}`).toBe(outcome);
        expect(page.url()).not.toContain("/signin");
        const refused = page.getByRole("heading", { name: "You do not have access to this page" });
        if (outcome === 403) await expect(refused).toBeVisible();
        else await expect(refused).toHaveCount(0);
        if (outcome === 404) await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
        if (outcome === 200) await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      } finally {
        await page.close();
      }
    });
  }
}
