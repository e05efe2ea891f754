// Web security on the production server: security headers on every kind of
// response, the session cookie's flags, cross-site writes refused, and no
// secret, password hash or token hash in any page or API response.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO } from "./support/auth";
import { api, SAME_ORIGIN, selectorFor, signedInContext, signIn } from "./support/api";

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, `${what}: Content-Security-Policy`).toContain("default-src 'self'");
  expect(csp, `${what}: no eval in production`).not.toContain("unsafe-eval");
  expect(csp, `${what}: no framing`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: no plugins`).toContain("object-src 'none'");
  expect(h["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  expect(h["referrer-policy"], `${what}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], `${what}: X-Frame-Options`).toBe("DENY");
  expect(h["x-powered-by"], `${what}: no X-Powered-By`).toBeUndefined();
}

test("security headers on pages, API answers, errors, redirects and static files", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const anon = await browser.newContext({ baseURL });
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const targets: Array<[string, APIResponse]> = [];
  for (const p of ["/signin", "/", "/review", "/admin/users", "/no-such-page", "/fact-checks/no-such-slug", "/api/health", "/api/articles", "/api/auth/csrf", "/api/auth/session", "/api/fact-checks/none/claimreview"]) {
    targets.push([`anonymous GET ${p}`, await anon.request.get(p, { maxRedirects: 0 })]);
  }
  for (const p of ["/", "/articles", "/admin/users", "/admin/audit", "/api/articles", "/api/users", "/api/audit"]) {
    targets.push([`admin GET ${p}`, await admin.request.get(p, { maxRedirects: 0 })]);
  }
  targets.push(["a refused address (400 from proxy.ts)", await anon.request.get("/articles/%00")]);
  targets.push(["a refused API address (400 from the app server)", await anon.request.get("/api/articles/%ED%A0%80")]);
  targets.push(["anonymous POST /api/articles (401)", await anon.request.post("/api/articles", { data: { title: "x", text: "y" } })]);
  targets.push(["admin POST /api/articles with bad JSON (400)", await admin.request.post("/api/articles", { data: "{not json", headers: { "content-type": "application/json", ...SAME_ORIGIN } })]);
  // A cookie-authenticated write with no Origin (not what a browser sends): refused.
  const bare = await admin.request.post("/api/articles", { data: { title: "No origin", text: `No origin ${Date.now()}` } });
  expect(bare.status(), "a cookie write without Origin").toBe(403);
  targets.push(["admin POST /api/articles without Origin (403)", bare]);
  // A static asset the pages load.
  const html = await (await anon.request.get("/signin")).text();
  const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(html)?.[0];
  expect(asset, "a /_next/static asset in the sign-in page").toBeTruthy();
  targets.push([`static ${asset}`, await anon.request.get(asset!)]);

  const statuses = targets.map(([w, r]) => `${w}: ${r.status()}`);
  expect(statuses.some((s) => / 30[27]$/.test(s)), `a redirect was among the responses: ${statuses.join(", ")}`).toBe(true);
  expect(statuses.some((s) => / 404$/.test(s))).toBe(true);
  expect(statuses.some((s) => / 401$/.test(s))).toBe(true);
  expect(statuses.filter((s) => / 400$/.test(s)).length).toBeGreaterThanOrEqual(3);
  for (const [what, res] of targets) expectSecurityHeaders(res, `${what} (${res.status()})`);
  await anon.close();
  await admin.close();
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const res = await signIn(context.request, DEMO.reviewer);
  const setCookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  expect(session, setCookies.join("\n")).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  const stored = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await context.close();
});

test("a cross-site write with a valid session cookie is refused (403) and changes nothing", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const title = `Forged ${Date.now()}`;
  for (const origin of ["https://evil.example", "null"]) {
    const forged = await admin.request.post("/api/articles", { headers: { Origin: origin }, data: { title, text: `Forged text ${origin} ${Date.now()}` } });
    expect(forged.status(), origin).toBe(403);
    expect((await forged.json()).error.code).toBe("forbidden");
  }
  const users = await admin.request.get("/api/users");
  const someone = (await users.json()).items.find((u: { email: string }) => u.email === DEMO.reviewer);
  const patch = await admin.request.patch(`/api/users/${someone.id}`, { headers: { Origin: "https://evil.example" }, data: { role: "ADMIN" } });
  expect(patch.status()).toBe(403);
  const listed = await api<{ total: number }>(admin.request, "GET", `/api/articles?q=${encodeURIComponent(title)}`);
  expect(listed.total).toBe(0);
  expect((await (await admin.request.get("/api/users")).json()).items.find((u: { id: string }) => u.id === someone.id).role).toBe("REVIEWER");
  // The same request from Verity's own origin goes through.
  const own = await admin.request.post("/api/articles", { headers: { Origin: new URL(baseURL).origin }, data: { title, text: `Same-site text ${Date.now()}` } });
  expect(own.status()).toBe(201);
  await admin.close();
});

test("no password hash, token hash, API token or session secret in any page or API response", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const reviewer = await signedInContext(browser, baseURL, DEMO.reviewer);
  const editor = await signedInContext(browser, baseURL, DEMO.editor);
  const stamp = Date.now().toString(36);
  // Data worth leaking: a user with a password, an API token, a published fact-check with a claim.
  await api(admin.request, "POST", "/api/users", { email: `leak-${stamp}@example.org`, name: `Leak ${stamp}`, role: "EDITOR", password: "do not leak this passphrase" });
  const { token } = await api<{ token: string }>(admin.request, "POST", "/api/tokens", { name: `leak check ${stamp}` });
  const tokenHash = createHash("sha256").update(token).digest("hex");
  const article = await api<{ id: string; text: string; slug: string }>(admin.request, "POST", "/api/articles", { title: `Leak check ${stamp}`, text: `Leak story ${stamp}.\n\nThe dam was finished in 1931, the report says.` });
  const claim = await api<{ id: string; version: number }>(reviewer.request, "POST", `/api/articles/${article.id}/claims`, { selector: selectorFor(article.text, "The dam was finished in 1931"), claimText: "The dam was finished in 1931.", verdict: "FALSE", rationale: "1936.", sources: [] });
  const sub = await api<{ version: number }>(reviewer.request, "POST", `/api/claims/${claim.id}/submit`, {}, 200);
  await api(editor.request, "POST", `/api/claims/${claim.id}/reviews`, { decision: "APPROVE", version: sub.version }, 200);
  await api(editor.request, "POST", `/api/articles/${article.id}/publish`, undefined, 200);

  // Session secrets of the e2e servers on this machine (npm start keeps a generated one in DATA_DIR).
  const secrets = fs
    .readdirSync(os.tmpdir())
    .filter((d) => d.startsWith("verity-e2e-"))
    .map((d) => path.join(os.tmpdir(), d, "auth-secret"))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, "utf8").trim())
    .filter((s) => s.length >= 16);
  if (process.env.NEXTAUTH_SECRET) secrets.push(process.env.NEXTAUTH_SECRET);
  expect(secrets.length, "found the server's session secret").toBeGreaterThan(0);

  const paths = ["/", "/articles", `/articles/${article.id}`, "/review", `/review/${claim.id}`, "/admin/import", "/admin/users", "/admin/audit", `/admin/audit?entityId=${claim.id}`, `/fact-checks/${article.slug}`,
    "/api/articles", `/api/articles/${article.id}`, `/api/articles/${article.id}/claims`, `/api/articles/${article.id}/annotations`, `/api/articles/${article.id}/export`, `/api/claims/${claim.id}`, "/api/review-queue", `/api/fact-checks/${article.slug}/claimreview`, "/api/audit?pageSize=200", "/api/users", "/api/tokens", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/health"];
  let checked = 0;
  for (const p of paths) {
    const res = await admin.request.get(p);
    expect(res.status(), p).toBe(200);
    const body = await res.text();
    expect(body, p).not.toMatch(/\$2[aby]\$\d\d\$/);
    expect(body, p).not.toMatch(/passwordHash|tokenHash/);
    expect(body.includes(tokenHash), `${p} shows a token hash`).toBe(false);
    expect(body.includes(token), `${p} shows an API token after its creation`).toBe(false);
    expect(body.includes("do not leak this passphrase"), `${p} shows a password`).toBe(false);
    for (const s of secrets) expect(body.includes(s), `${p} shows the session secret`).toBe(false);
    checked++;
  }
  expect(checked).toBe(paths.length);
  for (const c of [admin, reviewer, editor]) await c.close();
});

test("hostile URLs (NUL, lone surrogates, huge ids) never make a page or API route fail with a 5xx", async ({ browser }, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInContext(browser, baseURL, DEMO.admin);
  const anon = await browser.newContext({ baseURL });
  const ids = ["%00", "a%00b", "%ED%A0%80", "%F0%9F%98%80", "x".repeat(3000), "%27%20OR%20%271%27%3D%271"];
  const urls = [
    ...ids.flatMap((id) => [`/articles/${id}`, `/review/${id}`, `/fact-checks/${id}`, `/api/articles/${id}`, `/api/claims/${id}`, `/api/fact-checks/${id}/claimreview`, `/api/imports/${id}`]),
    ...["q=%00", "status=%00", "page=%00", "page=-1", "q=%ED%A0%80"].flatMap((q) => [`/articles?${q}`, `/api/articles?${q}`]),
    ...["entityId=%00", "actorId=%00", "action=%00", "page=1e400"].flatMap((q) => [`/admin/audit?${q}`, `/api/audit?${q}`]),
    ...["articleId=%00", "reviewerId=%00", "verdict=%00"].flatMap((q) => [`/review?${q}`, `/api/review-queue?${q}`]),
    "/signin?callbackUrl=%00", "/signin?error=%00",
  ];
  const failures: string[] = [];
  for (const u of urls) {
    for (const [who, ctx] of [["admin", admin], ["anonymous", anon]] as const) {
      const res = await ctx.request.get(u, { maxRedirects: 0 });
      if (res.status() >= 500) failures.push(`${who} GET ${u.slice(0, 80)} → ${res.status()}`);
    }
  }
  expect(failures, `${urls.length * 2} requests`).toEqual([]);
  await admin.close();
  await anon.close();
});
