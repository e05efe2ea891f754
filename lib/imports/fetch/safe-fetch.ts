// Fetching a page or feed someone pasted, without letting the URL reach into
// our own network: every hop's scheme and host is checked, every DNS answer is
// checked at connect time (guarded-lookup), redirects are followed by hand,
// and size and time are capped. Server-only (undici), but no Next or Prisma.
import { Agent, fetch } from "undici";
import { AppError, invalidInput } from "@/lib/errors";
import { env } from "@/lib/env";
import { decodeBody } from "./decode";
import { RefusedAddressError, article, createGuardedLookup } from "./guarded-lookup";
import { classifyAddress } from "./ip-ranges";
import { readCapped } from "../read-capped";

export type FetchKind = "html" | "feed";

export type SafeFetchOptions = {
  accept: FetchKind;
  /** Default 5 MB. */
  maxBytes?: number;
  /** For the whole fetch, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Default: IMPORT_ALLOW_PRIVATE_HOSTS === "1" (local development and tests). */
  allowPrivate?: boolean;
  /** The input field errors are reported against. Default "url". */
  field?: string;
};

export type SafeFetchResult = { url: string; contentType: string; body: string };

export const DEFAULT_MAX_BYTES = 5_000_000;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;

const CONTENT_TYPES: Record<FetchKind, string[]> = {
  html: ["text/html", "application/xhtml+xml"],
  feed: ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml"],
};

const ACCEPT_HEADER: Record<FetchKind, string> = {
  html: "text/html,application/xhtml+xml;q=0.9",
  feed: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8",
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const CONNECT_ERRORS: Record<string, string> = {
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (DNS lookup failed)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed unexpectedly",
};

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * The check every hop passes before it is requested: a parseable http(s) URL
 * whose host, if written as an IP address, is public (names are checked when
 * they resolve). Returns the parsed URL.
 */
export function checkHop(url: string, opts: { allowPrivate: boolean; field?: string }): URL {
  const field = opts.field ?? "url";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidInput({ [field]: "is not a valid URL" });
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw invalidInput({ [field]: `refused: only http and https URLs can be fetched (got ${u.protocol})` });
  }
  if (!u.hostname) throw invalidInput({ [field]: "is not a valid URL" });
  // A host name classifies as "invalid" here; its addresses are checked when it resolves.
  const kind = classifyAddress(u.hostname);
  if (!opts.allowPrivate && kind !== "public" && kind !== "invalid") {
    throw invalidInput({ [field]: `refused: ${u.hostname} is ${article(kind)} ${kind} address` });
  }
  return u;
}

function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

function findCause<T>(err: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof type) return e;
  }
  return undefined;
}

/** undici wraps the socket error ("fetch failed" → cause); the innermost code or message says what happened. */
function connectReason(err: unknown): string {
  let message = err instanceof Error ? err.message : String(err);
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && CONNECT_ERRORS[code]) return CONNECT_ERRORS[code];
    if (code && (code.startsWith("ERR_TLS") || code.includes("CERT"))) return `TLS certificate problem (${code})`;
    message = e.message;
  }
  return message;
}

/**
 * GETs an http(s) page or feed for import. Errors are AppError invalid_input
 * with `fields[field]` set to a message fit to show the person who typed the URL.
 */
export async function safeFetch(url: string, opts: SafeFetchOptions): Promise<SafeFetchResult> {
  const field = opts.field ?? "url";
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowPrivate = opts.allowPrivate ?? env().IMPORT_ALLOW_PRIVATE_HOSTS;
  const fail = (message: string) => invalidInput({ [field]: message });
  const tooLarge = () => fail(`too large: over ${formatBytes(maxBytes)}`);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  // One agent per fetch: its lookup carries this call's policy, and no pooled
  // connection outlives it.
  const agent = new Agent({ connect: { lookup: createGuardedLookup({ allowPrivate }) } });
  try {
    let current = checkHop(url, { allowPrivate, field });
    for (let redirects = 0; ; redirects++) {
      const res = await fetch(current, {
        dispatcher: agent,
        redirect: "manual",
        signal: controller.signal,
        headers: { accept: ACCEPT_HEADER[opts.accept], "user-agent": "Verity-Import/1.0" },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get("location");
        if (!location) throw fail(`the server answered ${res.status} without saying where to`);
        if (redirects >= maxRedirects) throw fail(`too many redirects (more than ${maxRedirects})`);
        let next: string;
        try {
          next = new URL(location, current).toString();
        } catch {
          throw fail("the server redirected to an invalid URL");
        }
        current = checkHop(next, { allowPrivate, field });
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw fail(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
      }
      const contentType = mediaType(res.headers.get("content-type"));
      if (!CONTENT_TYPES[opts.accept].includes(contentType)) {
        await res.body?.cancel().catch(() => {});
        const what = opts.accept === "html" ? "an HTML page" : "an RSS or Atom feed";
        throw fail(`not ${what} (content type ${contentType || "missing"})`);
      }
      const declared = Number(res.headers.get("content-length") ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const bytes = await readCapped(res.body as ReadableStream<Uint8Array> | null, maxBytes, tooLarge);
      return { url: current.toString(), contentType, body: decodeBody(bytes, res.headers.get("content-type"), opts.accept) };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (controller.signal.aborted) throw fail(`timed out after ${timeoutMs / 1000} s`);
    const refused = findCause(err, RefusedAddressError);
    if (refused) throw fail(refused.message);
    throw fail(`could not connect: ${connectReason(err)}`);
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => {});
  }
}
