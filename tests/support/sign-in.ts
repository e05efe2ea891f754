// Signing in through next-auth's real route handlers (CSRF token and all), as
// a browser does, with the request headers a test chooses (peer address,
// X-Forwarded-For, cookies).
import { NextRequest } from "next/server";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { PEER_HEADER } from "@/lib/auth/request-ip";

const BASE = "http://localhost:3000";
const ctx = (...parts: string[]) => ({ params: Promise.resolve({ nextauth: parts }) });

/** Cookie name=value pairs from a response's Set-Cookie headers. */
export function cookiesFrom(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await authGet(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { host: "localhost:3000" } }), ctx("csrf"));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookieHeader(cookiesFrom(res)) };
}

export type SignInResult = { status: number; ok: boolean; error: string | null; cookies: Record<string, string>; setCookies: string[]; retryAfter: string | null; elapsedMs: number };

/** POST /api/auth/callback/credentials, as next-auth's signIn(…, {redirect: false}) does. */
export async function signInViaRoute(email: string, password: string, opts: { peer?: string; forwardedFor?: string; cookies?: Record<string, string> } = {}): Promise<SignInResult> {
  const { token, cookie } = await csrf();
  const headers: Record<string, string> = {
    host: "localhost:3000",
    "content-type": "application/x-www-form-urlencoded",
    cookie: [cookie, opts.cookies ? cookieHeader(opts.cookies) : ""].filter(Boolean).join("; "),
  };
  if (opts.peer) headers[PEER_HEADER] = opts.peer;
  if (opts.forwardedFor) headers["x-forwarded-for"] = opts.forwardedFor;
  const started = performance.now();
  const res = await authPost(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ email, password, csrfToken: token, callbackUrl: `${BASE}/`, json: "true" }).toString(),
    }),
    ctx("callback", "credentials"),
  );
  const elapsedMs = performance.now() - started;
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get("error") : null;
  const cookies = cookiesFrom(res);
  const signedIn = !!(cookies["next-auth.session-token"] ?? cookies["__Secure-next-auth.session-token"]);
  return { status: res.status, ok: res.ok && !error && signedIn, error, cookies, setCookies: res.headers.getSetCookie(), retryAfter: res.headers.get("retry-after"), elapsedMs };
}

/** GET /api/auth/session with these cookies: next-auth's answer and any cookie it sets. */
export async function readSession(cookies: Record<string, string>) {
  const res = await authGet(new NextRequest(`${BASE}/api/auth/session`, { headers: { host: "localhost:3000", cookie: cookieHeader(cookies) } }), ctx("session"));
  return { body: (await res.json()) as Record<string, unknown>, cookies: cookiesFrom(res), setCookies: res.headers.getSetCookie() };
}

/** POST /api/auth/signout with these cookies, as the Sign out button does. */
export async function signOutViaRoute(cookies: Record<string, string>) {
  const { token, cookie } = await csrf();
  return authPost(
    new NextRequest(`${BASE}/api/auth/signout`, {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${cookieHeader(cookies)}` },
      body: new URLSearchParams({ csrfToken: token, callbackUrl: `${BASE}/signin`, json: "true" }).toString(),
    }),
    ctx("signout"),
  );
}
