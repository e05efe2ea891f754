import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  /** Sent as-is (not JSON-encoded) when a string. */
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

/** Calls a route handler the way Next does, with a real Request. */
export async function call(handler: Handler, opts: CallOptions = {}) {
  const method = opts.method ?? (opts.body !== undefined || opts.rawBody !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  // As a browser's request to Verity would arrive: with a Host header.
  headers.host ??= "localhost:3000";
  const req = new NextRequest(new URL(opts.path ?? "/", "http://localhost:3000"), { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  // Tests assert on arbitrary response shapes; the assertions are the type check here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, json: json as Record<string, any>, text, headers: res.headers };
}

/**
 * A next-auth session cookie for `user`, signed with the test secret: the
 * browser's way in. It carries what a real sign-in puts in the session (the
 * user's session version and the sign-in time), and comes with the Origin a
 * browser sends with a write from Verity's own pages.
 */
export async function sessionCookie(
  user: { id: string; role: string; email: string; name: string; sessionVersion?: number },
  opts: { signedInAt?: number; sessionVersion?: number } = {},
) {
  const token = await encode({
    token: { uid: user.id, role: user.role, email: user.email, name: user.name, sub: user.id, sv: opts.sessionVersion ?? user.sessionVersion ?? 0, sia: opts.signedInAt ?? Date.now() },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return { cookie: `next-auth.session-token=${token}`, origin: "http://localhost:3000" };
}
