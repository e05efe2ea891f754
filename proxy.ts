import { NextResponse, type NextRequest } from "next/server";

// Refuses addresses Verity cannot serve, before Next routes them: a path whose
// percent-encoding is not UTF-8 (Next fails decoding such a dynamic segment with a
// bare 500) and NUL characters in the path or query (PostgreSQL refuses them in any
// query, so a page reading one failed with a 500). The API's route wrapper checks
// the same for its own params and query; this covers the pages too. It is input
// hygiene only: authorization never lives here (CONVENTIONS.md).
export function proxy(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  let reason: string | null = null;
  try {
    if (decodeURIComponent(pathname).includes("\u0000")) reason = "The address holds a NUL character";
  } catch {
    reason = "The address is not valid UTF-8";
  }
  if (!reason) {
    for (const [k, v] of searchParams) {
      if (k.includes("\u0000") || v.includes("\u0000")) {
        reason = `The query parameter ${JSON.stringify(k.replace(/\u0000/g, ""))} holds a NUL character`;
        break;
      }
    }
  }
  if (!reason) return NextResponse.next();
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "invalid_input", message: reason } }, { status: 400 });
  return new NextResponse(`Bad request: ${reason}.`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  // Not Next's own assets: they hold nothing a hostile address could reach.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
