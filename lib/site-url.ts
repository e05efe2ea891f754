import { env } from "./env";

/**
 * Verity's public base URL, without a trailing slash: NEXTAUTH_URL when set
 * (the address behind a proxy), else the origin the request came to.
 */
export function siteUrl(requestOrigin: string): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) {
    const u = new URL(configured);
    return `${u.origin}${u.pathname}`.replace(/\/+$/, "");
  }
  return requestOrigin.replace(/\/+$/, "");
}

/** The origin of the current request from its headers (for server components). */
export function originFromHeaders(h: Headers): string {
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
