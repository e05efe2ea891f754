import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Runs before Next routes a page request (not API calls: see the matcher). Two jobs, neither of them authorization
// (that lives in every handler and page, CONVENTIONS.md):
//
// 1. Refuses addresses Verity cannot serve: a path whose percent-encoding is not
//    UTF-8 (Next fails decoding such a dynamic segment with a bare 500) and NUL
//    characters in the path or query (PostgreSQL refuses them in any query).
// 2. Security headers that depend on the request or on run-time settings: a
//    Content-Security-Policy with a fresh nonce per page (scripts run only with
//    that nonce: no 'unsafe-inline', so an injected <script> never runs; Next
//    reads the nonce from the request's CSP header and puts it on its own
//    scripts), and Strict-Transport-Security when Verity's public URL is https.
//    next.config.js cannot do either: its headers are fixed at build time.

const isDev = process.env.NODE_ENV !== "production";

function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonced bootstrap loads are trusted too; hosts are then ignored.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function hsts(res: NextResponse): NextResponse {
  if (env().NEXTAUTH_URL?.startsWith("https://")) res.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return res;
}

function refusal(req: NextRequest): string | null {
  const { pathname, searchParams } = req.nextUrl;
  try {
    if (decodeURIComponent(pathname).includes("\u0000")) return "The address holds a NUL character";
  } catch {
    return "The address is not valid UTF-8";
  }
  for (const [k, v] of searchParams) {
    if (k.includes("\u0000") || v.includes("\u0000")) return `The query parameter ${JSON.stringify(k.replace(/\u0000/g, ""))} holds a NUL character`;
  }
  return null;
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = pageCsp(nonce);
  const reason = refusal(req);
  if (reason) {
    // Answered here, so neither next.config's headers nor a page adds a policy: this one runs nothing.
    const headers = { "Content-Security-Policy": csp };
    if (isApi) return hsts(NextResponse.json({ error: { code: "invalid_input", message: reason } }, { status: 400, headers }));
    return hsts(new NextResponse(`Bad request: ${reason}.`, { status: 400, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } }));
  }
  // API answers are JSON: the fixed policy from next.config.js covers them.
  if (isApi) return hsts(NextResponse.next());
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  return hsts(res);
}

export const config = {
  // Not Next's own assets: they hold nothing a hostile address could reach, and
  // carry the fixed policy from next.config.js. Not the API either: its answers
  // carry that fixed policy too, and Verity's app server (scripts/app-server.mjs)
  // refuses hostile addresses before Next; a proxy in front of every API call
  // cost the claim write a quarter of its throughput.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
