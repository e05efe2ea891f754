import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { assertSignInAllowed } from "@/lib/auth/credentials";
import { requestIp } from "@/lib/auth/request-ip";
import { AppError, errorBody } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export function GET(req: NextRequest, ctx: Ctx) {
  return handler(req, ctx);
}

/**
 * Sign-in attempts are checked against the failure limits before next-auth
 * sees them, so a locked-out account or address gets a real 429.
 */
export async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth?.join("/") === "callback/credentials") {
    try {
      const form = await req.clone().formData();
      await assertSignInAllowed(String(form.get("email") ?? ""), requestIp(req.headers));
    } catch (e) {
      if (e instanceof AppError && e.code === "rate_limited") {
        // next-auth's client reads `url` to find the error; API clients read `error`.
        const url = new URL("/signin?error=RateLimited", req.nextUrl.origin).toString();
        return NextResponse.json({ url, ...errorBody(e) }, { status: 429, headers: { "Retry-After": "900" } });
      }
      if (!(e instanceof TypeError)) return toErrorResponse(e);
    }
  }
  return handler(req, ctx);
}
