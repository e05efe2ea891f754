import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceCookieValue, deviceKnowsAccount, readCookie } from "./device";

const SECRET = "device-test-secret";
const NOW = Date.UTC(2026, 11, 2);

describe("device cookie", () => {
  const value = deviceCookieValue("Admin@Example.org", SECRET, NOW);

  it.each([
    ["the same account, any case", value, "admin@example.org", SECRET, NOW, true],
    ["another account", value, "editor@example.org", SECRET, NOW, false],
    ["signed with another secret", value, "admin@example.org", "other-secret", NOW, false],
    ["a tampered signature", `${value.slice(0, -2)}xx`, "admin@example.org", SECRET, NOW, false],
    ["a tampered account tag", value.replace(/^v1\.[^.]+/, "v1.AAAAAAAAAAAAAAAAAAAAAA"), "admin@example.org", SECRET, NOW, false],
    ["expired", value, "admin@example.org", SECRET, NOW + (DEVICE_COOKIE_DAYS + 1) * 86_400_000, false],
    ["missing", undefined, "admin@example.org", SECRET, NOW, false],
    ["garbage", "v1.a.b", "admin@example.org", SECRET, NOW, false],
    ["huge", "v1." + "a".repeat(10_000), "admin@example.org", SECRET, NOW, false],
  ])("%s → %s", (_label, v, email, secret, now, expected) => {
    expect(deviceKnowsAccount(v as string | undefined, email as string, secret as string, now as number)).toBe(expected);
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie(`a=1; ${DEVICE_COOKIE}=${value}; b=2`, DEVICE_COOKIE)).toBe(value);
    expect(readCookie("a=1", DEVICE_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, DEVICE_COOKIE)).toBeUndefined();
  });
});
