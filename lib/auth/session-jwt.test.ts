import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "./session-jwt";

const secret = "a-test-secret-of-some-length-0123456789";
const token = { sub: "u1", uid: "u1", role: "EDITOR", name: "Rita", email: "rita@example.org", sv: 3, sia: 1_700_000_000_000 };

describe("session token with a derived key kept per secret", () => {
  it("reads next-auth's tokens and next-auth reads its tokens (same format and key)", async () => {
    const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
    const theirs = await encode({ token, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(token);
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(token);
    expect(await decodeSessionToken({ token: ours, secret })).toMatchObject({ ...token, exp: expect.any(Number), iat: expect.any(Number), jti: expect.any(String) });
  });

  it("refuses a token made with another secret, a tampered token and an expired one", async () => {
    const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token: ours, secret: `${secret}-other` })).rejects.toThrow();
    const parts = ours.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("keeps keys apart per secret and salt", async () => {
    const salted = await encodeSessionToken({ token, secret, salt: "next-auth.session-token", maxAge: 60 });
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: salted, secret, salt: "next-auth.session-token" })).toMatchObject(token);
    expect(await decode({ token: salted, secret, salt: "next-auth.session-token" })).toMatchObject(token);
  });

  describe("tokens read lately", () => {
    afterEach(() => vi.useRealTimers());

    it("a token read before is read the same, but not with another secret or salt", async () => {
      const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
      const first = await decodeSessionToken({ token: ours, secret });
      const again = await decodeSessionToken({ token: ours, secret });
      expect(again).toEqual(first);
      // A copy: a caller changing what it got does not change what the next request reads.
      (again as Record<string, unknown>).role = "ADMIN";
      expect((await decodeSessionToken({ token: ours, secret }))?.role).toBe("EDITOR");
      await expect(decodeSessionToken({ token: ours, secret: `${secret}-other` })).rejects.toThrow();
      await expect(decodeSessionToken({ token: ours, secret, salt: "another salt" })).rejects.toThrow();
    });

    it("stops reading a token once it expires, though it was read while valid", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
      const short = await encodeSessionToken({ token, secret, maxAge: 30 });
      expect(await decodeSessionToken({ token: short, secret })).toMatchObject(token);
      // Past its expiry and the 15 s of clock tolerance, within the minute a read is kept.
      vi.setSystemTime(new Date("2026-12-01T12:00:50Z"));
      await expect(decodeSessionToken({ token: short, secret })).rejects.toThrow(/exp/);
    });
  });
});
