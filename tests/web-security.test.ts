// Web security at the API layer: secrets never leave the server, cookie-
// authenticated writes from another site are refused, and a production start
// without a session secret fails loudly. (Headers and cookies on the real
// production server are checked by e2e/security.spec.ts.)
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { stopImportQueue } from "@/lib/imports/queue";
import { createImportJob } from "@/lib/imports/jobs";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as commentRoute } from "@/app/api/claims/[id]/comments/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { POST as linkRoute } from "@/app/api/claims/[id]/links/route";
import { POST as assignRoute } from "@/app/api/articles/[id]/assignments/route";
import { makeArticle, makeCaller, makeUser } from "@/seeds/factories";
import { call, sessionCookie } from "./support/http";
import { claimBody } from "./support/claims";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const API_DIR = path.join(ROOT, "app", "api");
type Handler = Parameters<typeof call>[0];

/** Every app/api route file as "/api/…" with its module. */
async function apiRoutes() {
  const files = (fs.readdirSync(API_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === "route.ts").sort();
  return Promise.all(
    files.map(async (f) => ({ route: `/api/${path.dirname(f).split(path.sep).join("/")}`, module: (await import(/* @vite-ignore */ path.join(API_DIR, f))) as Record<string, Handler> })),
  );
}
const routes = await apiRoutes();

afterAll(async () => {
  await stopImportQueue();
});

describe("no secret in any API response", () => {
  it("crawls every GET route as an admin: no bcrypt hash, token hash, plain token or session secret", async () => {
    const admin = await makeCaller("ADMIN");
    const cookie = await sessionCookie(admin.user);
    // A rich dataset: users made through the API (real bcrypt hashes), tokens, claims, reviews, comments, a published page, an import job.
    const created = await call(createUserRoute, { headers: admin.headers, body: { email: `crawl-${Date.now()}@example.org`, name: "Crawled Person", role: "EDITOR", password: "crawl passphrase 2019" } });
    expect(created.status).toBe(201);
    const token = await call(createTokenRoute, { headers: admin.headers, body: { name: "crawl script" } });
    expect(token.status).toBe(201);
    const plainTokens = [token.json.token as string, admin.token];
    const article = await makeArticle({ sourceUrl: `https://crawl.example/${Date.now()}` });
    const owner = await makeCaller("REVIEWER");
    plainTokens.push(owner.token);
    const claim = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, "the sky was green in 2007") });
    await call(commentRoute, { params: { id: claim.json.id }, headers: owner.headers, body: { body: "A comment." } });
    const sub = await call(submitRoute, { params: { id: claim.json.id }, headers: owner.headers, body: { version: 1 } });
    const editor = await makeCaller("EDITOR");
    plainTokens.push(editor.token);
    expect((await call(reviewRoute, { params: { id: claim.json.id }, headers: editor.headers, body: { decision: "APPROVE", version: sub.json.version } })).status).toBe(200);
    expect((await call(publishRoute, { params: { id: article.id }, headers: editor.headers })).status).toBe(200);
    const job = await createImportJob(admin.user.id, "ITEMS", [{ type: "items", items: [{ title: "Crawl import", text: "Words." }] }]);
    // A "Same claim" link between two claims, so the memory routes answer with people and claims in them.
    const other = await makeArticle({ sourceUrl: `https://crawl.example/other-${Date.now()}` });
    const otherClaim = await call(createClaimRoute, { params: { id: other.id }, headers: editor.headers, body: claimBody(other.text, "the sky was green in 2007") });
    expect((await call(linkRoute, { params: { id: claim.json.id }, headers: owner.headers, body: { claimId: otherClaim.json.id } })).status).toBe(201);
    // An assignment and a mention of the admin, so assignments, notifications and the event stream carry people.
    expect((await call(assignRoute, { params: { id: article.id }, headers: editor.headers, body: { assigneeId: owner.user.id, claimId: claim.json.id } })).status).toBe(201);
    expect((await call(commentRoute, { params: { id: claim.json.id }, headers: owner.headers, body: { body: `@${admin.user.email.split("@")[0]} have a look.` } })).status).toBe(201);
    const { closeAllStreams, sequenceNow } = await import("@/lib/events/hub");
    await sequenceNow();

    // What each GET route needs to answer 200 with data in it.
    const fixtures: Record<string, { path?: string; params?: Record<string, string> }[]> = {
      "/api/health": [{}],
      "/api/articles": [{ path: "/api/articles?pageSize=100" }],
      "/api/articles/[id]": [{ params: { id: article.id } }],
      "/api/articles/[id]/annotations": [{ params: { id: article.id } }],
      "/api/articles/[id]/reader": [{ params: { id: article.id } }],
      "/api/articles/[id]/claims": [{ params: { id: article.id } }],
      "/api/articles/[id]/export": [{ params: { id: article.id } }],
      "/api/articles/[id]/publish": [{ params: { id: article.id } }],
      "/api/articles/[id]/publications": [{ params: { id: article.id } }],
      "/api/claims/[id]": [{ params: { id: claim.json.id } }],
      "/api/review-queue": [{}],
      "/api/fact-checks/[slug]/claimreview": [{ params: { slug: article.slug } }],
      "/api/imports/[jobId]": [{ path: `/api/imports/${job.id}?include=articles`, params: { jobId: job.id } }],
      "/api/audit": [{ path: "/api/audit?pageSize=200" }, { path: `/api/audit?entityId=${created.json.id}` }],
      "/api/users": [{}],
      "/api/claims/[id]/links": [{ params: { id: claim.json.id } }],
      "/api/claims/similar": [{ path: `/api/claims/similar?text=${encodeURIComponent("the sky was green in 2007")}&limit=20` }],
      "/api/search": [{ path: "/api/search?q=sky" }, { path: "/api/search?q=crawl&type=source" }],
      "/api/sources/lookup": [{ path: `/api/sources/lookup?url=${encodeURIComponent("https://example.org/source")}` }],
      "/api/tokens": [{}],
      "/api/articles/[id]/suggestions": [{ params: { id: article.id } }, { path: `/api/articles/${article.id}/suggestions?all=1`, params: { id: article.id } }],
      "/api/articles/[id]/assignments": [{ params: { id: article.id } }],
      "/api/assignments/assignees": [{}],
      "/api/notifications": [{}],
      // A stream: replayed from the start of the outbox, then closed (below).
      "/api/events": [{ path: `/api/events?articleId=${article.id}&topics=article,notification,import&lastEventId=0` }],
    };

    const hashes = (await prisma.apiToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash);
    const passwordHashes = (await prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash);
    const secret = process.env.NEXTAUTH_SECRET!;
    expect(hashes.length).toBeGreaterThan(3);
    let crawled = 0;
    for (const { route, module } of routes) {
      if (typeof module.GET !== "function") continue;
      // next-auth's handler needs Next's request scope (cookies()); its GET endpoints
      // (session, csrf, providers) are crawled on the production server by e2e/security.spec.ts.
      if (route === "/api/auth/[...nextauth]") continue;
      expect(fixtures[route], `a crawl fixture for GET ${route}`).toBeDefined();
      for (const f of fixtures[route]) {
        const closing = route === "/api/events" ? setTimeout(closeAllStreams, 1_500) : null;
        const res = await call(module.GET, { path: f.path ?? route, params: f.params, headers: { ...cookie } });
        expect(res.status, `GET ${f.path ?? route}: ${res.text.slice(0, 200)}`).toBe(200);
        expect(res.text.length, `GET ${f.path ?? route} said something`).toBeGreaterThan(1);
        expect(res.text, `GET ${route}`).not.toMatch(/\$2[aby]\$\d\d\$/);
        expect(res.text, `GET ${route}`).not.toMatch(/passwordHash|tokenHash/);
        for (const h of [...hashes, ...passwordHashes]) expect(res.text.includes(h), `GET ${route} leaks a stored hash`).toBe(false);
        for (const t of plainTokens) expect(res.text.includes(t), `GET ${route} leaks an API token`).toBe(false);
        expect(res.text.includes(secret), `GET ${route} leaks NEXTAUTH_SECRET`).toBe(false);
        if (closing) {
          clearTimeout(closing);
          expect(res.text, "the stream replayed the article's events and the admin's notification").toMatch(/"type":"comment\.created"[\s\S]*"type":"notification\.created"|"type":"notification\.created"[\s\S]*"type":"comment\.created"/);
        }
        crawled++;
      }
    }
    expect(crawled).toBeGreaterThanOrEqual(20);
  });
});

describe("cross-site requests", () => {
  it("refuses every cookie-authenticated write from another site (403) and changes nothing", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const cookie = await sessionCookie(admin);
    const article = await makeArticle({ sourceUrl: `https://csrf.example/${Date.now()}` });
    const before = await prisma.auditEvent.count({ where: { actorId: admin.id } });
    let checked = 0;
    for (const { route, module } of routes) {
      if (route === "/api/auth/[...nextauth]") continue; // next-auth checks its own CSRF token on sign-in
      for (const method of ["POST", "PATCH", "DELETE", "PUT"] as const) {
        if (typeof module[method] !== "function") continue;
        // Public routes act for nobody (POST /api/setup proves itself with its one-time token), so no cookie rides on them.
        if ((module[method] as unknown as { access?: { public?: boolean } }).access?.public) continue;
        for (const origin of ["https://evil.example", "null", "http://localhost:3000.evil.example", "http://localhost:4000"]) {
          const res = await call(module[method], {
            method,
            path: route.replace(/\[[^\]]+\]/g, article.id),
            params: { id: article.id, jobId: article.id, slug: article.slug },
            headers: { ...cookie, origin, host: "localhost:3000" },
            body: { title: "Forged" },
          });
          expect(res.status, `${method} ${route} from ${origin}: ${res.text.slice(0, 200)}`).toBe(403);
          expect(res.json.error.code).toBe("forbidden");
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4 * 14);
    expect(await prisma.auditEvent.count({ where: { actorId: admin.id } })).toBe(before);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(article.title);
  });

  it("refuses a cookie-authenticated write that carries neither Origin nor Sec-Fetch-Site: same-origin (it used to pass)", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const { cookie } = await sessionCookie(admin);
    const article = await makeArticle();
    const { PATCH } = routes.find((r) => r.route === "/api/articles/[id]")!.module;
    const bare = await call(PATCH, { method: "PATCH", params: { id: article.id }, headers: { cookie }, body: { title: "No origin" } });
    expect(bare.status).toBe(403);
    expect(bare.json.error.message).toMatch(/Origin/);
    const crossSite = await call(PATCH, { method: "PATCH", params: { id: article.id }, headers: { cookie, "sec-fetch-site": "cross-site" }, body: { title: "Cross site" } });
    expect(crossSite.status).toBe(403);
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(article.title);
    const sameOrigin = await call(PATCH, { method: "PATCH", params: { id: article.id }, headers: { cookie, "sec-fetch-site": "same-origin" }, body: { title: "Same origin" } });
    expect(sameOrigin.status).toBe(200);
  });

  it("lets the same site through, and API tokens (not ambient credentials) from anywhere", async () => {
    const admin = await makeCaller("ADMIN");
    const cookie = await sessionCookie(admin.user);
    const article = await makeArticle();
    const { PATCH } = routes.find((r) => r.route === "/api/articles/[id]")!.module;
    const same = await call(PATCH, { method: "PATCH", params: { id: article.id }, headers: { ...cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body: { title: "Same site" } });
    expect(same.status).toBe(200);
    const viaToken = await call(PATCH, { method: "PATCH", params: { id: article.id }, headers: { ...admin.headers, origin: "https://elsewhere.example", host: "localhost:3000" }, body: { title: "By script" } });
    expect(viaToken.status).toBe(200);
  });

  it("has no server actions that could bypass the route wrapper's Origin check", () => {
    // Next.js refuses a server action whose Origin differs from Host on its own;
    // that protection only holds while next.config does not widen allowedOrigins.
    const config = fs.readFileSync(path.join(ROOT, "next.config.js"), "utf8");
    expect(config).not.toMatch(/allowedOrigins/);
    const withActions: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== "generated") walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && /^\s*["']use server["']/m.test(fs.readFileSync(p, "utf8"))) withActions.push(path.relative(ROOT, p));
      }
    };
    for (const d of ["app", "components", "lib"]) walk(path.join(ROOT, d));
    // Today there are none; any added later must live in an actions.ts (CONVENTIONS.md) and authorize itself.
    for (const f of withActions) expect(path.basename(f), `${f} declares server actions`).toBe("actions.ts");
  });
});

describe("production settings", () => {
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(process.execPath, args, { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });

  it("npm start with DATABASE_URL and no NEXTAUTH_SECRET exits 1 with a clear message", async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: "postgresql://x@127.0.0.1:1/x", PORT: "3999" };
    const r = await run(["--import", "tsx", "scripts/start.ts"], env);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain("NEXTAUTH_SECRET (or AUTH_SECRET) must be set when DATABASE_URL is set");
  }, 60_000);

  it("the fixed CSP (API answers, static files) allows no inline script, no eval and no framing; nosniff and a referrer policy are on every path", async () => {
    const r = await run(["-e", "require('./next.config.js').headers().then((h) => console.log(JSON.stringify(h)))"], { PATH: process.env.PATH, NODE_ENV: "production" } as NodeJS.ProcessEnv);
    const rules = JSON.parse(r.out) as Array<{ source: string; headers: Array<{ key: string; value: string }> }>;
    const all = Object.fromEntries(rules.find((x) => x.source === "/:path*")!.headers.map((x) => [x.key.toLowerCase(), x.value]));
    expect(all["x-content-type-options"]).toBe("nosniff");
    expect(all["referrer-policy"]).toBeTruthy();
    // Pages get theirs from proxy.ts (below), so the catch-all carries none that could be enforced alongside.
    expect(all["content-security-policy"]).toBeUndefined();
    for (const source of ["/api/:path*", "/_next/:path*"]) {
      const csp = rules.find((x) => x.source === source)!.headers.find((x) => x.key === "Content-Security-Policy")!.value;
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
    }
  });

  it("pages get a nonce-based CSP from proxy.ts: a fresh nonce per request, no 'unsafe-inline' for scripts, and a client cannot choose the nonce", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const page = (headers: Record<string, string> = {}) => proxy(new NextRequest("http://localhost:3000/articles", { headers }));
    const a = page().headers.get("content-security-policy")!;
    const b = page({ "content-security-policy": "script-src 'nonce-chosen-by-attacker'" }).headers.get("content-security-policy")!;
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce(a)).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(nonce(b)).not.toBe(nonce(a));
    expect(nonce(b)).not.toBe("chosen-by-attacker");
    const scriptSrc = a.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(a).toContain("frame-ancestors 'none'");
    // Next reads the nonce from the request's CSP header, which the proxy rewrites.
    expect(page().headers.get("x-middleware-request-content-security-policy")).toMatch(/'nonce-/);
  });

  it("HSTS only when the public URL is https", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const { reloadEnv } = await import("@/lib/env");
    const before = process.env.NEXTAUTH_URL;
    try {
      delete process.env.NEXTAUTH_URL;
      reloadEnv();
      expect(proxy(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toBeNull();
      process.env.NEXTAUTH_URL = "https://verity.example.org";
      reloadEnv();
      expect(proxy(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
      expect(proxy(new NextRequest("http://localhost:3000/api/health")).headers.get("strict-transport-security")).toMatch(/max-age=/);
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
      reloadEnv();
    }
  });

  it("npm start refuses a DATA_DIR that others could replace, before reading any secret", async () => {
    const os = await import("node:os");
    const open = fs.mkdtempSync(path.join(os.tmpdir(), "verity-open-"));
    fs.chmodSync(open, 0o777); // world-writable, not sticky: anyone could swap DATA_DIR inside
    try {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: path.join(open, "data"), PORT: "3998" } as unknown as NodeJS.ProcessEnv;
      const r = await run(["--import", "tsx", "scripts/start.ts"], env);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain("can be written by every user");
      expect(fs.existsSync(path.join(open, "data", "auth-secret"))).toBe(false);
    } finally {
      fs.rmSync(open, { recursive: true, force: true });
    }
  }, 60_000);

  it("npm start refuses a setting it cannot read, naming it", async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TRUST_PROXY: "yes", IMPORT_ALLOW_PRIVATE_HOSTS: "maybe", DATABASE_POOL_SIZE: "0", PORT: "3997" } as unknown as NodeJS.ProcessEnv;
    const r = await run(["--import", "tsx", "scripts/start.ts"], env);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/TRUST_PROXY: must be a number of proxy hops/);
    expect(r.out).toMatch(/IMPORT_ALLOW_PRIVATE_HOSTS: must be 1 or 0/);
    expect(r.out).toMatch(/DATABASE_POOL_SIZE: must be .*1/);
  }, 60_000);
});
