import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { resolveRequestUser, type CurrentUser } from "@/lib/auth/current-user";
import { mayAttempt, MIN_ROLE, type Action } from "@/lib/auth/permissions";
import { AppError, errorBody, invalidInput } from "@/lib/errors";
import { isWriteConflict } from "@/lib/db";
import { summarizeFields } from "@/lib/messages";
import { env } from "@/lib/env";
import { parseJsonBody, unstorableFields, zodFields } from "@/lib/validation";

export const MAX_JSON_BYTES = 1024 * 1024;
/** How a 400 about the address's query (filters, page) begins. */
const QUERY_LEAD = "Check the filters in the address";

type Params = Record<string, string>;

type Ctx<B, Q, U> = { req: NextRequest; user: U; body: B; query: Q; params: Params };

/**
 * Who may call a route, in the words of the permission table (lib/auth/permissions.ts)
 * that pages use too: `can: "article:publish"`, or `public: true` for open routes.
 */
export type Access = { can: Action; public?: never } | { public: true; can?: never };

type Options<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = Access & {
  body?: BS;
  /** An empty body is parsed as `{}` (for actions whose fields are all optional). */
  bodyOptional?: boolean;
  query?: QS;
  /** Open to a session that must change its password first (only the password change itself). */
  duringPasswordChange?: boolean;
};

/** What a handler made by `route` declares, for tests that walk every route. */
export type RouteHandler = ((req: NextRequest, ctx: { params: Promise<Params> }) => Promise<Response>) & { access: Access };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export function json(data: unknown, status = 200, headers?: HeadersInit): NextResponse {
  return NextResponse.json(data, { status, headers });
}

export function errorResponse(err: AppError): NextResponse {
  // A busy or unreachable database (or a full password queue) is worth retrying shortly.
  const headers: HeadersInit | undefined = err.code === "unavailable" ? { "Retry-After": "5" } : undefined;
  return NextResponse.json(errorBody(err), { status: err.status, headers });
}

function isDatabaseDown(e: unknown): boolean {
  const text = `${(e as { code?: string })?.code ?? ""} ${(e as Error)?.message ?? ""} ${(e as { cause?: { code?: string } })?.cause?.code ?? ""}`;
  // "not queryable": a pooled connection the server dropped (e.g. on shutdown) while a request held it.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P02|57P03|Connection terminated|connection timeout|timeout exceeded when trying to connect|DatabaseNotReachable|P1001|P1017|is not queryable|terminating connection due to|the database system is (?:shutting down|starting up|in recovery mode)|server closed the connection/i.test(text);
}

function isUnstorableText(e: unknown): boolean {
  const text = `${(e as Error)?.message ?? ""} ${(e as { meta?: { driverAdapterError?: { message?: string } } })?.meta?.driverAdapterError?.message ?? ""}`;
  return /\b22021\b|\b22P05\b|invalid byte sequence for encoding|unsupported Unicode escape sequence|surrogate must (?:follow|be followed by)|invalid input syntax for type json/i.test(text);
}

/** Maps anything thrown by a handler to the spec's error JSON; internals never reach the body. */
export function toErrorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) return errorResponse(e);
  // Postgres gave up a serializable transaction because of a concurrent change.
  if (isWriteConflict(e)) {
    return errorResponse(new AppError("conflict", "Someone changed this at the same moment. Reload and try again."));
  }
  // A value Postgres cannot store or compare (a NUL character, an invalid byte
  // sequence) that got past the wrapper's checks is still the client's bad input.
  if (isUnstorableText(e)) {
    return errorResponse(new AppError("invalid_input", "The request holds characters the database cannot store (NUL or invalid Unicode)"));
  }
  // An interactive transaction that could not start (or finish) in time: the database is saturated.
  if ((e as { code?: string })?.code === "P2028") {
    console.error("[verity] database busy:", (e as Error)?.message);
    return errorResponse(new AppError("unavailable", "The database is busy. Try again shortly."));
  }
  if (isDatabaseDown(e)) {
    console.error("[verity] database unavailable:", (e as Error)?.message);
    return errorResponse(new AppError("unavailable", "The database is unavailable. Try again shortly."));
  }
  console.error("[verity] unexpected error:", e);
  return errorResponse(new AppError("internal", "Something went wrong on our side. It has been logged."));
}

async function readJson(req: NextRequest, optional = false): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new AppError("too_large", `The request body is larger than ${MAX_JSON_BYTES} bytes`);
  let text: string;
  try {
    text = await req.text();
  } catch {
    // The client went away mid-body (Node reports it as ECONNRESET "aborted"): its fault, not the database's.
    throw new AppError("invalid_input", "The request body could not be read: the connection closed before it ended");
  }
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("too_large", `The request body is larger than ${MAX_JSON_BYTES} bytes`);
  if (!text.trim() && optional) return {};
  if (!text.trim()) throw new AppError("invalid_input", "The request body must be a JSON object", { fields: { body: "is required" } });
  return parseJsonBody(text);
}

/** The hosts Verity answers as: the public URL's, the Host header's, and a trusted proxy's forwarded host. */
function ownHosts(req: NextRequest): string[] {
  const hosts: string[] = [];
  const configured = env().NEXTAUTH_URL;
  if (configured) hosts.push(new URL(configured).host);
  const host = req.headers.get("host");
  if (host) hosts.push(host);
  // X-Forwarded-Host is only the client's word unless a proxy we trust set it.
  const forwarded = env().TRUST_PROXY > 0 ? req.headers.get("x-forwarded-host") : null;
  if (forwarded) hosts.push(forwarded.split(",")[0].trim());
  return hosts;
}

/**
 * Cookie-authenticated writes must come from Verity's own pages (CSRF). A
 * browser names the page's origin in Origin, or says Sec-Fetch-Site:
 * same-origin; a write with neither is refused too (it used to pass), since
 * any browser Verity supports sends one of them. API tokens are not cookies:
 * nothing rides on them implicitly, so they need neither.
 */
function assertSameOrigin(req: NextRequest, user: CurrentUser | null) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || user?.via !== "session") return;
  const origin = req.headers.get("origin");
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* "null" or garbage: treat as foreign */
    }
    if (originHost && ownHosts(req).includes(originHost)) return;
    throw new AppError("forbidden", "Cross-site request refused");
  }
  if (req.headers.get("sec-fetch-site") === "same-origin") return;
  throw new AppError("forbidden", "Cross-site request refused: a signed-in browser's write must carry an Origin header");
}

/** The one route-handler wrapper: auth, role, parsing and error mapping. */
export function route<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  opts: Options<BS, QS>,
  handler: (ctx: Ctx<Out<BS>, Out<QS>, CurrentUser>) => Promise<Response | unknown>,
): RouteHandler {
  // Public routes may see a null user; the handler type says CurrentUser for the common case.
  const run = handler as unknown as (ctx: Ctx<unknown, unknown, CurrentUser | null>) => Promise<Response | unknown>;
  const access: Access = opts.public ? { public: true } : { can: opts.can! };
  const wrapped = async (req: NextRequest, ctx: { params: Promise<Params> }): Promise<Response> => {
    try {
      // Public routes act for nobody: no cookie or token is read for them.
      const user = access.can ? await resolveRequestUser(req) : null;
      if (access.can) {
        if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint");
        if (!mayAttempt(user, access.can)) throw new AppError("forbidden", `This needs the ${MIN_ROLE[access.can]} role or higher`);
        if (user.via === "session" && user.mustChangePassword && !opts.duringPasswordChange) {
          throw new AppError("forbidden", "An admin reset your password: choose a new one first (POST /api/me/password, or the Account page)");
        }
      }
      assertSameOrigin(req, user);
      const params = (await ctx.params) ?? {};
      // No record id holds a NUL; Postgres would refuse to even compare one.
      if (Object.keys(unstorableFields(params)).length) throw new AppError("not_found", "Record not found");
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      const badQuery = unstorableFields(rawQuery);
      if (Object.keys(badQuery).length) throw invalidInput(badQuery, summarizeFields(badQuery, QUERY_LEAD));
      let query: unknown;
      if (opts.query) {
        const parsed = opts.query.safeParse(rawQuery);
        if (!parsed.success) {
          const fields = zodFields(parsed.error);
          throw invalidInput(fields, summarizeFields(fields, QUERY_LEAD));
        }
        query = parsed.data;
      }
      let body: unknown;
      if (opts.body) {
        const parsed = opts.body.safeParse(await readJson(req, opts.bodyOptional));
        if (!parsed.success) throw invalidInput(zodFields(parsed.error));
        body = parsed.data;
      }
      const result = await run({ req, user, body, query, params });
      return result instanceof Response ? result : json(result);
    } catch (e) {
      return toErrorResponse(e);
    }
  };
  return Object.assign(wrapped, { access });
}
