import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth";

/** A browser context signed in as `email` (over HTTP); its pages and its `request` share the session cookie. */
export async function signedInContext(browser: Browser, baseURL: string, email: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await signIn(context.request, email, password);
  return context;
}

export async function signIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true", callbackUrl: "/" } });
  expect(res.ok(), `sign-in as ${email}`).toBe(true);
  return res;
}

/** A JSON API call that must succeed with `status`; returns the body. */
/** What a browser sends with a write from Verity's own pages (Playwright's API requests send no Origin of their own). */
export const SAME_ORIGIN = { Origin: `http://localhost:${process.env.E2E_PORT || 3100}` };

export async function api<T = Record<string, unknown>>(request: APIRequestContext, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown, status = method === "POST" ? 201 : 200): Promise<T> {
  const res = await request.fetch(path, { method, data: data === undefined ? undefined : (data as Record<string, unknown>), headers: method === "GET" ? undefined : SAME_ORIGIN });
  expect(res.status(), `${method} ${path}: ${(await res.text()).slice(0, 300)}`).toBe(status);
  return (await res.json()) as T;
}

/** The selector body for `quote` in `text` (first occurrence); prefix and suffix are recomputed by the server. */
export function selectorFor(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return { exact: quote, prefix: "", suffix: "", start, end: start + quote.length };
}
