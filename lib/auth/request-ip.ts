/**
 * The client address for rate limiting. Next's server appends the socket
 * address to X-Forwarded-For, so the last entry is the one no client can forge
 * when Verity is served directly; behind a proxy it is the proxy's view.
 */
export function requestIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const xff = get("x-forwarded-for");
  if (xff) {
    const parts = xff.split(",").map((p) => p.trim()).filter(Boolean);
    if (parts.length) return parts[parts.length - 1].slice(0, 64);
  }
  return (get("x-real-ip") ?? "unknown").slice(0, 64);
}
