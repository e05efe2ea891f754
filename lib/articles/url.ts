// Source URLs are compared after normalising, so the same story is not imported twice. Pure.

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid)$/i;

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

/** s without its trailing "/"s; /\/+$/ retries from every slash of an inner run (quadratic). */
function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return s.slice(0, end);
}

/** Lower-cases scheme and host, drops default ports, fragments, tracking parameters and a trailing slash. */
export function normalizeSourceUrl(value: string): string {
  const u = new URL(value.trim());
  u.hash = "";
  u.hostname = u.hostname.toLowerCase();
  if ((u.protocol === "http:" && u.port === "80") || (u.protocol === "https:" && u.port === "443")) u.port = "";
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  if (u.pathname.length > 1 && u.pathname.endsWith("/")) u.pathname = withoutTrailingSlashes(u.pathname);
  return u.toString();
}

/** What a stored link may point at; anything else (javascript:, data:, tel:, a page of Verity's own) is dropped. */
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * Invisible characters (format and control): a browser keeps them in a URL,
 * but they split a scheme ("java\u200bscript:") so it reads as a relative path.
 * One character class, no quantifier: linear.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/** Whitespace, quotes and backticks around a value ("`javascript:…`"): wrapping, never part of a link. */
const isWrapping = (c: number) => c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x60 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

/**
 * A link as stored: `value` resolved against `base` (the article's URL; none
 * for pasted HTML), kept only when the result is an absolute http(s) or mailto
 * URL. Trims with a loop: /^[…]+|[…]+$/ retries from every position of a run
 * that is not at the end (quadratic).
 */
export function resolveLink(value: string, base?: string): string | undefined {
  const s = value.replace(INVISIBLE, "");
  let start = 0;
  let end = s.length;
  while (start < end && isWrapping(s.charCodeAt(start))) start++;
  while (end > start && isWrapping(s.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  let u: URL;
  try {
    u = base && isHttpUrl(base) ? new URL(s.slice(start, end), base) : new URL(s.slice(start, end));
  } catch {
    return undefined;
  }
  if (!LINK_SCHEMES.has(u.protocol) || (u.protocol !== "mailto:" && !u.hostname)) return undefined;
  return u.href;
}
