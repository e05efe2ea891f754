import { describe, expect, it } from "vitest";
import { readSessionClaims, sessionEndReason } from "./session";

const NOW = Date.UTC(2026, 11, 2, 12);
const HOUR = 3_600_000;
const claims = { uid: "u1", sv: 3, sia: NOW - HOUR };

describe("session claims", () => {
  it.each([
    [{ uid: "u1", sv: 0, sia: NOW }, true],
    [{ uid: "u1", sv: 0 }, false],
    [{ uid: "u1", sia: NOW }, false],
    [{ uid: "", sv: 0, sia: NOW }, false],
    [{ uid: "u1", sv: 1.5, sia: NOW }, false],
    [{ uid: "u1", sv: 0, sia: "yesterday" }, false],
    [null, false],
  ])("%j is a session: %s", (token, ok) => {
    expect(readSessionClaims(token as Record<string, unknown> | null) !== null).toBe(ok);
  });
});

describe("sessionEndReason", () => {
  it.each([
    ["valid", { active: true, sessionVersion: 3 }, 12 * HOUR, NOW, null],
    ["the user signed out or changed password elsewhere", { active: true, sessionVersion: 4 }, 12 * HOUR, NOW, "ended"],
    ["deactivated", { active: false, sessionVersion: 3 }, 12 * HOUR, NOW, "deactivated"],
    ["deleted", null, 12 * HOUR, NOW, "no such user"],
    ["past the absolute lifetime, however recently refreshed", { active: true, sessionVersion: 3 }, HOUR, NOW, "expired"],
    ["just inside the lifetime", { active: true, sessionVersion: 3 }, HOUR + 1, NOW, null],
    ["a sign-in time in the future", { active: true, sessionVersion: 3 }, 12 * HOUR, NOW - 2 * HOUR, "issued in the future"],
  ])("%s", (_label, user, maxAge, now, expected) => {
    expect(sessionEndReason(claims, user, maxAge as number, now as number)).toBe(expected);
  });
});
