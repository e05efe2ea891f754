// Where to send a browser after sign-in: only to a path on this site. Pure.
//
// The old check (starts with "/", not "//" or "/\") let "/%09/evil.example"
// through: decoded, that is "/<tab>/evil.example", and browsers drop tabs and
// newlines from URLs, leaving "//evil.example", another site. So the value is
// parsed as a browser would parse it, against a placeholder origin; anything
// that leaves that origin, or holds a control character, goes to "/".

const PLACEHOLDER = "http://verity.invalid";
// C0 controls, DEL, and the C1 range: never part of a path we produce.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A same-site path (with query and fragment) for `value`, else "/". */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value || value.length > 2048 || CONTROL.test(value)) return "/";
  // Backslashes are slashes to a browser ("/\evil.example" is "//evil.example").
  if (value.includes("\\")) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  // Encoded controls ("%09", "%0A") are decoded by the page before use, then dropped by the browser.
  if (CONTROL.test(decoded) || decoded.includes("\\")) return "/";
  let u: URL;
  try {
    u = new URL(value, PLACEHOLDER);
  } catch {
    return "/";
  }
  if (u.origin !== PLACEHOLDER || !u.pathname.startsWith("/") || u.pathname.startsWith("//")) return "/";
  return `${u.pathname}${u.search}${u.hash}`;
}

/** For next-auth's redirect callback: absolute URLs on `baseUrl`'s origin or same-site paths only. */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const u = new URL(url);
      if (u.origin !== new URL(base).origin) return base;
      candidate = `${u.pathname}${u.search}${u.hash}`;
    } catch {
      return base;
    }
  }
  const path = safeCallbackPath(candidate);
  return `${base}${path}`;
}
