import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { secureCookies } from "@/lib/auth/options";
import { handleAuth } from "@/lib/auth/next-auth-handler";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceCookieValue } from "@/lib/auth/device";
import { signInOutcome, type SignInOutcome } from "@/lib/auth/sign-in-context";
import { AppError, errorBody } from "@/lib/errors";
import { authSecret } from "@/lib/env";

type Ctx = { params: Promise<{ nextauth: string[] }> };

export async function GET(req: NextRequest, ctx: Ctx) {
  return handleAuth(req, (await ctx.params).nextauth ?? []);
}

/**
 * Sign-in runs through next-auth, whose answer for a refused attempt is always
 * a redirect to ?error=…; this turns the throttle's refusal into a real 429
 * with Retry-After and a full password queue into a 503, and gives a browser
 * that signed in its device cookie (lib/auth/device.ts).
 */
export async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth?.join("/") !== "callback/credentials") return handleAuth(req, nextauth ?? []);
  const outcome: SignInOutcome = {};
  const res = await signInOutcome.run(outcome, () => handleAuth(req, nextauth));
  const signinUrl = (error: string) => new URL(`/signin?error=${error}`, req.nextUrl.origin).toString();
  if (outcome.retryAfterSeconds !== undefined) {
    const e = new AppError("rate_limited", `Too many failed sign-in attempts. Try again in ${outcome.retryAfterSeconds} seconds.`);
    // next-auth's client reads `url` to find the error; API clients read `error`.
    return NextResponse.json({ url: signinUrl("RateLimited"), ...errorBody(e) }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
  }
  const location = res.headers.get("location") ?? "";
  const bodyUrl = location ? "" : await res.clone().json().then((b: { url?: string }) => b?.url ?? "").catch(() => "");
  if (/[?&]error=Busy\b/.test(location || bodyUrl)) {
    const e = new AppError("unavailable", "Verity is busy checking other sign-ins. Try again in a few seconds.");
    return NextResponse.json({ url: signinUrl("Busy"), ...errorBody(e) }, { status: 503, headers: { "Retry-After": "5" } });
  }
  if (!outcome.signedInEmail) return res;
  const out = new Response(res.body, res);
  const cookie = [
    `${DEVICE_COOKIE}=${deviceCookieValue(outcome.signedInEmail, authSecret() ?? "")}`,
    "Path=/api/auth",
    `Max-Age=${DEVICE_COOKIE_DAYS * 86_400}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secureCookies() ? ["Secure"] : []),
  ].join("; ");
  out.headers.append("Set-Cookie", cookie);
  return out;
}
