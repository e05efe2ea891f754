// Sessions that really end (finding 7) and passwords that can be changed and
// reset (finding 5), through the real route handlers.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { SESSION_USER_TTL_MS } from "@/lib/auth/session-user-cache";
import { GET as listArticlesRoute } from "@/app/api/articles/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as changePasswordRoute } from "@/app/api/me/password/route";
import { POST as resetPasswordRoute } from "@/app/api/users/[id]/password/route";
import { makeCaller, makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { call, sessionCookie } from "./support/http";
import { readSession, signInViaRoute, signOutViaRoute } from "./support/sign-in";

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const HOUR = 3_600_000;
const NEW_PASSWORD = "tangerine lighthouse quarrel 42";

/** Sign in for real and return the browser's session cookie as request headers. */
async function browserSession(email: string, password = TEST_PASSWORD) {
  const r = await signInViaRoute(email, password, { peer: ip() });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const token = r.cookies["next-auth.session-token"];
  return { cookies: { "next-auth.session-token": token }, headers: { cookie: `next-auth.session-token=${token}`, origin: "http://localhost:3000" } };
}

const articles = (headers: Record<string, string>) => call(listArticlesRoute, { path: "/api/articles", headers });

describe("sessions end (finding 7)", () => {
  it("signing out ends the session on every device, and the old cookie stops working", async () => {
    const user = await makeUser();
    const laptop = await browserSession(user.email);
    const phone = await browserSession(user.email);
    expect((await articles(laptop.headers)).status).toBe(200);
    const out = await signOutViaRoute(laptop.cookies);
    expect(out.status).toBeLessThan(400);
    // The cookie a thief copied before sign-out, and the other device's: both refused.
    expect((await articles(laptop.headers)).status).toBe(401);
    expect((await articles(phone.headers)).status).toBe(401);
    expect((await readSession(laptop.cookies)).body).toEqual({});
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: "auth.sign_out" } })).toBe(1);
  });

  it("refreshing a session never extends it past SESSION_MAX_AGE from sign-in", async () => {
    const user = await makeUser();
    // Signed in 11 h ago: still valid, and /api/auth/session says when it ends (1 h from now), not 12 h from now.
    const fresh = await sessionCookie(user, { signedInAt: Date.now() - 11 * HOUR });
    expect((await articles(fresh)).status).toBe(200);
    const s = await readSession({ "next-auth.session-token": fresh.cookie.split("=")[1] });
    const ends = new Date(String(s.body.expires)).getTime();
    expect(Math.abs(ends - (Date.now() + HOUR))).toBeLessThan(60_000);
    // Signed in 13 h ago (the default lifetime is 12 h): refused, however recently refreshed.
    const stale = await sessionCookie(user, { signedInAt: Date.now() - 13 * HOUR });
    expect((await articles(stale)).status).toBe(401);
    const read = await readSession({ "next-auth.session-token": stale.cookie.split("=")[1] });
    expect(read.body).toEqual({});
    // The refresh endpoint clears the cookie instead of re-issuing it with a fresh expiry.
    expect(read.setCookies.some((c) => /^next-auth\.session-token=;/.test(c) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);
  });

  it("SESSION_MAX_AGE is a setting (hours)", async () => {
    process.env.SESSION_MAX_AGE = "1";
    reloadEnv();
    try {
      const user = await makeUser();
      expect((await articles(await sessionCookie(user, { signedInAt: Date.now() - 2 * HOUR }))).status).toBe(401);
      expect((await articles(await sessionCookie(user, { signedInAt: Date.now() - HOUR / 2 }))).status).toBe(200);
    } finally {
      delete process.env.SESSION_MAX_AGE;
      reloadEnv();
    }
  });

  it("a deactivated user's cookie gets no profile from /api/auth/session", async () => {
    const user = await makeUser();
    const session = await browserSession(user.email);
    expect((await readSession(session.cookies)).body).toMatchObject({ user: { email: user.email } });
    const admin = await makeCaller("ADMIN");
    expect((await call(patchUserRoute, { method: "PATCH", params: { id: user.id }, headers: admin.headers, body: { active: false } })).status).toBe(200);
    expect((await readSession(session.cookies)).body).toEqual({});
    // Reactivation restores sign-in, not the old sessions.
    expect((await call(patchUserRoute, { method: "PATCH", params: { id: user.id }, headers: admin.headers, body: { active: true } })).status).toBe(200);
    expect((await articles(session.headers)).status).toBe(401);
  });

  it("a role change ends the user's sessions", async () => {
    const user = await makeUser({ role: "EDITOR" });
    const session = await browserSession(user.email);
    const admin = await makeCaller("ADMIN");
    await call(patchUserRoute, { method: "PATCH", params: { id: user.id }, headers: admin.headers, body: { role: "REVIEWER" } });
    expect((await articles(session.headers)).status).toBe(401);
  });
});

describe("passwords can be changed and reset (finding 5)", () => {
  it("changing your password ends your other sessions and keeps this one", async () => {
    const user = await makeUser();
    const here = await browserSession(user.email);
    const elsewhere = await browserSession(user.email);
    const res = await call(changePasswordRoute, { headers: here.headers, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(res.status, res.text).toBe(204);
    // This browser got its session re-issued under the new version.
    const reissued = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))!;
    expect(reissued).toMatch(/HttpOnly/);
    const token = reissued.split(";")[0].split("=")[1];
    expect((await articles({ cookie: `next-auth.session-token=${token}` })).status).toBe(200);
    expect((await articles(here.headers)).status).toBe(401);
    expect((await articles(elsewhere.headers)).status).toBe(401);
    expect((await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip() })).ok).toBe(false);
    expect((await signInViaRoute(user.email, NEW_PASSWORD, { peer: ip() })).ok).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.password_change" } });
    expect(JSON.stringify(event.changes)).not.toContain(NEW_PASSWORD);
  });

  it.each([
    ["a wrong current password", { currentPassword: "not it", newPassword: NEW_PASSWORD }, "currentPassword", /is not your current password/],
    ["a weak new password", { currentPassword: TEST_PASSWORD, newPassword: "password123" }, "newPassword", /too easy to guess/],
    ["the published demo password", { currentPassword: TEST_PASSWORD, newPassword: "verity-demo" }, "newPassword", /at least|demo password/],
    ["the same password", { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, "newPassword", /must be different/],
    ["no new password", { currentPassword: TEST_PASSWORD }, "newPassword", /is required/],
  ])("refuses %s, naming the field, and changes nothing", async (_label, body, field, message) => {
    const user = await makeUser();
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const res = await call(changePasswordRoute, { headers: await sessionCookie(user), body });
    expect(res.status).toBe(400);
    expect(res.json.error.fields[field]).toMatch(message);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  it("an admin reset ends the user's sessions and makes them choose a new password before anything else", async () => {
    const user = await makeUser();
    const session = await browserSession(user.email);
    const admin = await makeCaller("ADMIN");
    const temporary = "violet harbour stapler 77";
    const reset = await call(resetPasswordRoute, { params: { id: user.id }, headers: admin.headers, body: { password: temporary } });
    expect(reset.status, reset.text).toBe(204);
    expect((await articles(session.headers)).status).toBe(401);
    // Signs in with the temporary password: everything but the password change is refused.
    const fresh = await browserSession(user.email, temporary);
    const blocked = await articles(fresh.headers);
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.message).toMatch(/choose a new one/);
    const changed = await call(changePasswordRoute, { headers: fresh.headers, body: { currentPassword: temporary, newPassword: NEW_PASSWORD } });
    expect(changed.status, changed.text).toBe(204);
    const token = changed.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))!.split(";")[0];
    expect((await articles({ cookie: token })).status).toBe(200);
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id, action: { in: ["user.password_reset", "user.password_change"] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["user.password_reset", admin.user.id], ["user.password_change", user.id]]);
  });

  it("only admins reset passwords, and not their own (that is the account page)", async () => {
    const target = await makeUser();
    const editor = await makeCaller("EDITOR");
    expect((await call(resetPasswordRoute, { params: { id: target.id }, headers: editor.headers, body: { password: "violet harbour stapler 77" } })).status).toBe(403);
    const admin = await makeCaller("ADMIN");
    expect((await call(resetPasswordRoute, { params: { id: admin.user.id }, headers: admin.headers, body: { password: "violet harbour stapler 77" } })).status).toBe(409);
    expect((await call(resetPasswordRoute, { params: { id: target.id }, headers: admin.headers, body: { password: "letmein123" } })).json.error.fields.password).toMatch(/too easy/);
  });

  it("wrong current passwords are throttled like sign-ins", async () => {
    const user = await makeUser();
    const headers = await sessionCookie(user);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(changePasswordRoute, { headers, body: { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD } })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

});

describe("cookies over https", () => {
  it("are Secure and __Secure- prefixed when NEXTAUTH_URL is https, and such a session works", async () => {
    const before = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://verity.example.org";
    reloadEnv();
    try {
      const user = await makeUser();
      const r = await signInViaRoute(user.email, TEST_PASSWORD, { peer: ip() });
      const session = r.cookies["__Secure-next-auth.session-token"];
      expect(session, JSON.stringify(r.cookies)).toBeTruthy();
      expect(r.cookies["next-auth.session-token"]).toBeUndefined();
      for (const name of ["__Secure-next-auth.session-token", "verity-device"]) {
        expect(r.setCookies.find((c) => c.startsWith(`${name}=`)), name).toMatch(/;\s*Secure/i);
      }
      const res = await articles({ cookie: `__Secure-next-auth.session-token=${session}` });
      expect(res.status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
      reloadEnv();
    }
  });
});

describe("npm run user:reset-password (the way back in)", () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/reset-password.ts", ...args], { cwd: process.cwd(), env: { ...process.env }, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });

  it("prints a temporary password that signs in and must be changed; the old sessions end; audited", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const session = await browserSession(admin.email);
    const r = await run([admin.email.toUpperCase()]);
    expect(r.code, r.out).toBe(0);
    const temporary = /temporary password: (\S+)/.exec(r.out)?.[1];
    expect(temporary).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect((await articles(session.headers)).status).toBe(401);
    const fresh = await browserSession(admin.email, temporary);
    expect((await articles(fresh.headers)).status).toBe(403);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: admin.id, action: "user.password_reset" } });
    expect(event).toMatchObject({ actorId: null, changes: { via: "command line" } });
    expect(JSON.stringify(event)).not.toContain(temporary);
  }, 90_000);

  it("names an unknown email and exits 1", async () => {
    const r = await run(["nobody-here@example.org"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/User nobody-here@example\.org not found/);
  }, 90_000);
});

describe("the session user's row, kept for a second (issue 12)", () => {
  it("a change made through Verity applies at once; one made behind its back (another instance) within SESSION_USER_TTL_MS", async () => {
    const admin = await makeCaller("ADMIN");
    const a = await makeUser();
    const b = await makeUser();
    const sa = await browserSession(a.email);
    const sb = await browserSession(b.email);
    expect((await articles(sa.headers)).status).toBe(200);
    expect((await articles(sb.headers)).status).toBe(200);
    // Through this instance's own code: the cached row is forgotten with the commit.
    expect((await call(patchUserRoute, { method: "PATCH", params: { id: a.id }, headers: admin.headers, body: { active: false } })).status).toBe(200);
    expect((await articles(sa.headers)).status).toBe(401);
    // Straight in the database, as another instance would: seen here once the kept row is older than the TTL.
    await prisma.user.update({ where: { id: b.id }, data: { active: false } });
    const changedAt = Date.now();
    const soon = (await articles(sb.headers)).status;
    if (Date.now() - changedAt < SESSION_USER_TTL_MS) expect(soon).toBe(200);
    await new Promise((r) => setTimeout(r, SESSION_USER_TTL_MS + 50));
    expect((await articles(sb.headers)).status).toBe(401);
  });

  it("a refusal is never taken from the kept row: a session re-issued under a new version works at once", async () => {
    const user = await makeUser();
    const s = await browserSession(user.email);
    expect((await articles(s.headers)).status).toBe(200);
    const changed = await call(changePasswordRoute, { method: "POST", headers: s.headers, body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(204);
    const cookie = changed.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0];
    expect(cookie, "the change re-issues this browser's session").toBeTruthy();
    expect((await articles({ ...s.headers, cookie: cookie! })).status).toBe(200);
    expect((await articles(s.headers)).status).toBe(401);
  });
});
