import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, verifyCredentials } from "@/lib/auth/credentials";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as listArticlesRoute } from "@/app/api/articles/route";
import { authOptions } from "@/lib/auth/options";
import { makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { call, sessionCookie } from "./support/http";
import { NextRequest } from "next/server";

const ip = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("sign-in", () => {
  it.each(["REVIEWER", "EDITOR", "ADMIN"] as const)("signs in a %s with the right password", async (role) => {
    const user = await makeUser({ role });
    const signedIn = await verifyCredentials(user.email.toUpperCase(), TEST_PASSWORD, ip());
    expect(signedIn).toMatchObject({ id: user.id, role });
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: "auth.sign_in" } });
    expect(events).toHaveLength(1);
  });

  it("refuses a wrong password and audits the failure", async () => {
    const user = await makeUser();
    expect(await verifyCredentials(user.email, "wrong password", ip())).toBeNull();
    const failed = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: "auth.sign_in_failed" } });
    expect(failed).toHaveLength(1);
    expect(failed[0].changes).toMatchObject({ reason: "wrong_password" });
  });

  it("refuses an unknown email and a deactivated account", async () => {
    expect(await verifyCredentials(`nobody-${Date.now()}@test.example`, TEST_PASSWORD, ip())).toBeNull();
    const inactive = await makeUser({ active: false });
    expect(await verifyCredentials(inactive.email, TEST_PASSWORD, ip())).toBeNull();
  });

  it("locks an account after repeated failures, even with the right password", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await verifyCredentials(user.email, `nope ${i}`, ip())).toBeNull();
    await expect(verifyCredentials(user.email, TEST_PASSWORD, ip())).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("limits one address across accounts", async () => {
    const addr = ip();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await verifyCredentials(`ghost-${i}-${Date.now()}@test.example`, "x", addr);
    const user = await makeUser();
    await expect(verifyCredentials(user.email, TEST_PASSWORD, addr)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("answers 429 on the sign-in endpoint once the account is locked", async () => {
    const user = await makeUser();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await verifyCredentials(user.email, "bad", ip());
    const req = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, csrfToken: "x", json: "true" }).toString(),
    });
    const res = await authPost(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(429);
    const body = await res.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.url).toContain("error=RateLimited");
  });
});

describe("sign-in errors", () => {
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
    // A plain wrong password is still a quiet null (next-auth's CredentialsSignin).
    await expect(provider.options.authorize({ email: user.email, password: "wrong" }, { headers: {} })).resolves.toBeNull();
  });
});

describe("sessions follow the user record", () => {
  it("a deactivated user is refused on the next request", async () => {
    const user = await makeUser();
    const headers = await sessionCookie(user);
    expect((await call(listArticlesRoute, { path: "/api/articles", headers })).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await call(listArticlesRoute, { path: "/api/articles", headers })).status).toBe(401);
  });

  it("a changed role takes effect on the next request", async () => {
    const user = await makeUser({ role: "ADMIN" });
    const headers = await sessionCookie(user);
    const { POST } = await import("@/app/api/articles/route");
    const make = () => call(POST, { path: "/api/articles", headers, body: { title: `Role ${Math.random()}`, text: `Body ${Math.random()}` } });
    expect((await make()).status).toBe(201);
    await prisma.user.update({ where: { id: user.id }, data: { role: "REVIEWER" } });
    expect((await make()).status).toBe(403);
  });

  it("a forged cookie is not a session", async () => {
    const res = await call(listArticlesRoute, { path: "/api/articles", headers: { cookie: "next-auth.session-token=forged" } });
    expect(res.status).toBe(401);
  });
});
