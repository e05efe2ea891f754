// Sign-in and its limits, through next-auth's real route handlers where the
// route matters (CSRF, the 429/503 answers, the device cookie).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES } from "@/lib/auth/passwords";
import { THRESHOLDS } from "@/lib/auth/throttle";
import { DEVICE_COOKIE } from "@/lib/auth/device";
import { authOptions } from "@/lib/auth/options";
import { makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { signInViaRoute } from "./support/sign-in";

/** A random address per call, so tests never share a throttle key. */
const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const failedAttempts = (email: string) => prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", changes: { path: ["email"], equals: email } } });

describe("sign-in", () => {
  it.each(["REVIEWER", "EDITOR", "ADMIN"] as const)("signs in a %s with the right password, and gives the browser a device cookie", async (role) => {
    const user = await makeUser({ role });
    const r = await signInViaRoute(user.email.toUpperCase(), TEST_PASSWORD, { peer: ip() });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.cookies[DEVICE_COOKIE]).toMatch(/^v1\./);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("refuses a wrong password and audits the failure with the peer address", async () => {
    const user = await makeUser();
    const peer = ip();
    const r = await signInViaRoute(user.email, "wrong password", { peer });
    expect(r.ok).toBe(false);
    expect(r.error).toBe("CredentialsSignin");
    const failed = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: "auth.sign_in_failed" } });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ip: peer, changes: { reason: "wrong_password" } });
  });

  it("refuses an unknown email and a deactivated account", async () => {
    expect(await verifyCredentials(`nobody-${Date.now()}@test.example`, TEST_PASSWORD, { ip: ip() })).toBeNull();
    const inactive = await makeUser({ active: false });
    expect(await verifyCredentials(inactive.email, TEST_PASSWORD, { ip: ip() })).toBeNull();
  });

  it("an internal failure reaches the browser as the code Unavailable, never the error's own text", async () => {
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> } };
    const user = await makeUser();
    // Headers that cannot be read: an internal error inside the sign-in check.
    const broken = { headers: new Proxy({}, { get: () => { throw new Error("internal detail: postgres://verity:secret@db/verity"); } }) };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await expect(provider.options.authorize({ email: user.email, password: TEST_PASSWORD }, broken)).rejects.toThrow(/^Unavailable$/);
    } finally {
      console.error = original;
    }
    expect(String(errors.flat())).toContain("internal detail");
    await expect(provider.options.authorize({ email: user.email, password: "wrong" }, { headers: { "x-verity-peer": ip() } })).resolves.toBeNull();
  });
});

describe("sign-in limits that hold (finding 3)", () => {
  it("rotating X-Forwarded-For does not escape the per-address limit: the socket's address counts", async () => {
    const peer = ip();
    const statuses: number[] = [];
    for (let i = 0; i < THRESHOLDS.address + 5; i++) {
      // A different "address" each time, as the attacker sent, from one socket.
      const r = await signInViaRoute(`ghost-${i}-${Date.now()}@test.example`, "x", { peer, forwardedFor: `10.66.${i}.${i}` });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, THRESHOLDS.address)).not.toContain(429);
    expect(statuses.slice(THRESHOLDS.address)).toEqual(Array(5).fill(429));
    // The audit log records the socket's address, never the forged one.
    const forged = await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: { startsWith: "10.66." } } });
    expect(forged).toBe(0);
  }, 60_000);

  it("with TRUST_PROXY=1 the proxy's entry counts and a client-forged prefix does not", async () => {
    const { reloadEnv } = await import("@/lib/env");
    process.env.TRUST_PROXY = "1";
    reloadEnv();
    try {
      const user = await makeUser();
      const client = ip();
      await signInViaRoute(user.email, "wrong", { peer: "10.0.0.2", forwardedFor: `6.6.6.6, ${client}` });
      const failed = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.sign_in_failed" } });
      expect(failed.ip).toBe(client);
    } finally {
      delete process.env.TRUST_PROXY;
      reloadEnv();
    }
  });

  it("40 concurrent wrong passwords for one account from one address: exactly the threshold is judged, the rest get 429", async () => {
    const user = await makeUser();
    const peer = ip();
    const results = await Promise.all(Array.from({ length: 40 }, () => signInViaRoute(user.email, "wrong", { peer })));
    const judged = results.filter((r) => r.status !== 429).length;
    expect(judged).toBe(THRESHOLDS.pair);
    expect(await failedAttempts(user.email)).toBe(THRESHOLDS.pair);
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBe(40 - THRESHOLDS.pair);
    expect(Number(limited[0].retryAfter)).toBeGreaterThan(0);
  }, 90_000);
});

describe("no lockout as denial of service (finding 4)", () => {
  it("an attacker's failures elsewhere do not keep the account's owner out", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const attacker = ip();
    for (let i = 0; i < THRESHOLDS.pair + 5; i++) await signInViaRoute(admin.email, `guess ${i}`, { peer: attacker });
    expect((await signInViaRoute(admin.email, "guess again", { peer: attacker })).status).toBe(429);
    // The owner, from another address, with the right password: in.
    const owner = await signInViaRoute(admin.email, TEST_PASSWORD, { peer: ip() });
    expect(owner.ok, JSON.stringify(owner)).toBe(true);
  }, 60_000);

  it("backs off instead of locking: once the wait is over, the next attempt is judged again", async () => {
    const user = await makeUser();
    const peer = ip();
    for (let i = 0; i < THRESHOLDS.pair; i++) await signInViaRoute(user.email, `typo ${i}`, { peer });
    const blocked = await signInViaRoute(user.email, TEST_PASSWORD, { peer });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(60);
    // Time passes: the backoff ends (moved into the past rather than waited for).
    await prisma.signInThrottle.updateMany({ where: { key: { contains: user.email } }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInViaRoute(user.email, TEST_PASSWORD, { peer })).ok).toBe(true);
    // And the success cleared this account-at-address's failures.
    expect(await prisma.signInThrottle.count({ where: { key: `signin:pair:${user.email}|${peer}` } })).toBe(0);
  }, 60_000);

  it("a spray against one account from many addresses slows strangers, not a browser that signed in before", async () => {
    const user = await makeUser();
    const first = await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip() });
    const device = { [DEVICE_COOKIE]: first.cookies[DEVICE_COOKIE] };
    // Pretend the account-wide key is already past its threshold (a spray from many addresses).
    const sprayed = { failures: THRESHOLDS.account + 3, threshold: THRESHOLDS.account, lastFailureAt: new Date(), blockedUntil: new Date(Date.now() + 600_000) };
    await prisma.signInThrottle.upsert({ where: { key: `signin:account:${user.email}` }, create: { key: `signin:account:${user.email}`, ...sprayed }, update: sprayed });
    expect((await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip() })).status).toBe(429);
    expect((await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip(), cookies: device })).ok).toBe(true);
    // A device cookie for another account does not help.
    const other = await makeUser();
    const otherDevice = (await signInViaRoute(other.email, TEST_PASSWORD, { peer: ip() })).cookies[DEVICE_COOKIE];
    expect((await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip(), cookies: { [DEVICE_COOKIE]: otherDevice } })).status).toBe(429);
  }, 60_000);

  it("the password queue is bounded: a spray gets quick 503s and nobody waits long", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => makeUser()));
    const spray = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 40;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: spray }, (_, i) => signInViaRoute(`spray-${i}-${Date.now()}@test.example`, "x", { peer: ip() })).concat(
        users.map((u) => signInViaRoute(u.email, TEST_PASSWORD, { peer: ip() })),
      ),
    );
    const busy = results.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((r) => r.retryAfter === "5")).toBe(true);
    // Nothing queued for long: about (queue + running) × 150 ms at worst, far below the 55 s seen before.
    expect(Math.max(...results.map((r) => r.elapsedMs))).toBeLessThan(15_000);
    // A refused-as-busy attempt was never judged, so it left no failure behind.
    const judged = results.filter((r) => r.status !== 503).length;
    const failures = await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", createdAt: { gte: new Date(Date.now() - (performance.now() - started) - 5000) }, changes: { path: ["email"], string_starts_with: "spray-" } } });
    expect(failures).toBeLessThanOrEqual(judged);
  }, 60_000);
});
