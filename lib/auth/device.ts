import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// A device cookie (OWASP's answer to lockout as denial of service): a browser
// that has signed in to an account gets a signed note saying so. Attempts from
// such a browser are not charged to the account-wide throttle, so a spray from
// many addresses against an account slows strangers down but not its owner.
// It proves nothing by itself: the password is still checked, and the attempts
// still count per address and per account-at-address.

export const DEVICE_COOKIE = "verity-device";
export const DEVICE_COOKIE_DAYS = 180;

const emailTag = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
const sign = (secret: string, body: string) => createHmac("sha256", secret).update(`verity-device:${body}`).digest("base64url");

/** The cookie's value for a browser that just signed in as `email`. */
export function deviceCookieValue(email: string, secret: string, now = Date.now()): string {
  const body = `v1.${emailTag(email)}.${now.toString(36)}`;
  return `${body}.${sign(secret, body)}`;
}

/** Whether `value` is a valid, unexpired device cookie for `email`. */
export function deviceKnowsAccount(value: string | undefined, email: string, secret: string, now = Date.now()): boolean {
  if (!value || value.length > 200) return false;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== "v1") return false;
  const body = parts.slice(0, 3).join(".");
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const issued = parseInt(parts[2], 36);
  if (!Number.isFinite(issued) || issued > now + 60_000 || now - issued > DEVICE_COOKIE_DAYS * 86_400_000) return false;
  return parts[1] === emailTag(email);
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
