import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, secureCookies } from "./options";

// next-auth's App Router handler reads the request through next/headers, which
// only works inside Next's request scope; its Pages-style handler takes the
// request as an argument. This adapter feeds it a NextRequest and turns its
// answer into a Response, so the sign-in route can also be driven by tests
// exactly as a browser drives it (CSRF token, cookies, peer address).

type Collected = { status: number; headers: Headers; body: BodyInit | null };

function responseShim(out: Collected) {
  const shim = {
    status(code: number) {
      out.status = code;
      return shim;
    },
    setHeader(name: string, value: string | string[]) {
      out.headers.delete(name);
      for (const v of Array.isArray(value) ? value : [value]) out.headers.append(name, v);
      return shim;
    },
    getHeader(name: string) {
      return name.toLowerCase() === "set-cookie" ? out.headers.getSetCookie() : out.headers.get(name) ?? undefined;
    },
    json(value: unknown) {
      out.headers.set("Content-Type", "application/json");
      out.body = JSON.stringify(value);
      return shim;
    },
    send(value: unknown) {
      if (value !== null && typeof value === "object") return shim.json(value);
      out.body = value === undefined ? null : String(value);
      if (!out.headers.has("Content-Type")) out.headers.set("Content-Type", "text/html; charset=utf-8");
      return shim;
    },
    end() {
      return shim;
    },
  };
  return shim;
}

async function formBody(req: NextRequest): Promise<Record<string, string> | undefined> {
  if (req.method !== "POST") return undefined;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await req.json().catch(() => ({}))) as Record<string, string>;
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  return undefined;
}

/** Runs next-auth for `/api/auth/<nextauth…>` on this request. */
export async function handleAuth(req: NextRequest, nextauth: string[]): Promise<Response> {
  const out: Collected = { status: 200, headers: new Headers(), body: null };
  const apiReq = {
    method: req.method,
    query: { ...Object.fromEntries(req.nextUrl.searchParams), nextauth },
    cookies: Object.fromEntries(req.cookies.getAll().map((c) => [c.name, c.value])),
    headers: Object.fromEntries(req.headers),
    body: await formBody(req),
  };
  // Read per request, like every setting: Secure, __Secure- cookies when the public URL is https.
  const options = { ...authOptions, useSecureCookies: secureCookies() };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: typeof authOptions) => Promise<unknown>)(apiReq, responseShim(out), options);
  return new Response(out.status === 204 || out.status === 304 ? null : out.body, { status: out.status, headers: out.headers });
}
