import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/users/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/tokens/route";
import { DELETE as deleteTokenRoute } from "@/app/api/tokens/[id]/route";
import { GET as listArticles, POST as createArticle } from "@/app/api/articles/route";
import { verifyCredentials } from "@/lib/auth/credentials";
import { makeCaller, makeUser } from "@/seeds/factories";
import { call, sessionCookie } from "./support/http";

const uid = () => randomUUID().slice(0, 8);
const PASSWORD = "a long enough passphrase";

const newUser = (overrides: Record<string, unknown> = {}) => ({ email: `New.Person-${uid()}@Example.org`, name: "New Person", role: "REVIEWER", password: PASSWORD, ...overrides });
const patchUser = (id: string, headers: Record<string, string>, body: unknown) => call(patchUserRoute, { method: "PATCH", params: { id }, headers, body });
const revoke = (id: string, headers: Record<string, string>) => call(deleteTokenRoute, { method: "DELETE", params: { id }, headers });
const auditOf = (entityId: string) => prisma.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

describe("users API", () => {
  it("creates (201), lists and updates users; the password hash never leaves the server", async () => {
    const admin = await makeCaller("ADMIN");
    const body = newUser();
    const created = await call(createUserRoute, { headers: admin.headers, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: body.email.toLowerCase(), name: "New Person", role: "REVIEWER", active: true, lastLoginAt: null });
    expect(created.text).not.toMatch(/passwordHash|\$2[aby]\$/);
    expect(created.text).not.toContain(PASSWORD);
    // The new account signs in with the password it was given.
    expect(await verifyCredentials(body.email, PASSWORD, { ip: `10.0.${uid()}` })).toMatchObject({ id: created.json.id });

    const listed = await call(listUsersRoute, { headers: admin.headers });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.json.id, email: body.email.toLowerCase() })]));
    expect(listed.json.items.find((u: { id: string }) => u.id === created.json.id).lastLoginAt).not.toBeNull();
    expect(listed.text).not.toMatch(/passwordHash|\$2[aby]\$/);

    const updated = await patchUser(created.json.id, admin.headers, { role: "EDITOR", name: "Renamed Person" });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ role: "EDITOR", name: "Renamed Person", active: true });
    expect(updated.text).not.toMatch(/passwordHash|\$2[aby]\$/);

    const events = await auditOf(created.json.id);
    const mine = events.filter((e) => e.actorId === admin.user.id);
    expect(mine.map((e) => e.action)).toEqual(["user.create", "user.update"]);
    expect(mine[0].changes).toEqual({ email: body.email.toLowerCase(), name: "New Person", role: "REVIEWER" });
    // A role change ends the user's sessions (they sign in again under the new role), and the audit says so.
    expect(mine[1].changes).toEqual({ role: { from: "REVIEWER", to: "EDITOR" }, name: { from: "New Person", to: "Renamed Person" }, sessionsEnded: true });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);

    // A change that changes nothing is not audited.
    expect((await patchUser(created.json.id, admin.headers, { role: "EDITOR" })).status).toBe(200);
    expect((await auditOf(created.json.id)).filter((e) => e.action === "user.update")).toHaveLength(1);
  });

  it("refuses a duplicate email with 409 naming email", async () => {
    const admin = await makeCaller("ADMIN");
    const existing = await makeUser();
    const res = await call(createUserRoute, { headers: admin.headers, body: newUser({ email: `  ${existing.email.toUpperCase()} ` }) });
    expect(res.status).toBe(409);
    expect(res.json.error.fields).toHaveProperty("email");
    expect(await prisma.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it.each([
    ["a short password", { password: "too short" }, "password"],
    ["a missing password", { password: undefined }, "password"],
    ["a bad email", { email: "not-an-email" }, "email"],
    ["an empty name", { name: "  " }, "name"],
    ["an unknown role", { role: "OWNER" }, "role"],
    ["an unknown field", { isAdmin: true }, "isAdmin"],
    ["a smuggled hash", { passwordHash: "$2a$11$abc" }, "passwordHash"],
  ])("refuses %s with 400 naming the field", async (_name, overrides, field) => {
    const admin = await makeCaller("ADMIN");
    const body = newUser(overrides);
    const res = await call(createUserRoute, { headers: admin.headers, body });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
    expect(res.json.error.message).toMatch(/^Check the highlighted fields: [A-Z"]/);
    expect(res.json.error.message).not.toMatch(/REVIEWER|EDITOR|ADMIN|Invalid input|must be one of/);
    expect(await prisma.user.count({ where: { email: String(body.email).toLowerCase() } })).toBe(0);
  });

  it("an empty new user is asked for each field in plain words", async () => {
    const admin = await makeCaller("ADMIN");
    const res = await call(createUserRoute, { headers: admin.headers, body: { email: "", name: "", role: "", password: "" } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toEqual({ email: "Enter an email address", name: "Enter a name", role: "Choose a role: Reviewer, Editor or Admin", password: "Enter a password" });
    expect(res.json.error.message).toBe("Check the highlighted fields: Enter an email address; Enter a name; Choose a role: Reviewer, Editor or Admin; Enter a password.");
  });

  it.each([
    ["an empty patch", {}, "body"],
    ["a bad role", { role: "root" }, "role"],
    ["active as a string", { active: "no" }, "active"],
    ["an email change", { email: "x@example.org" }, "email"],
    ["a password", { password: "x".repeat(12) }, "password"],
  ])("refuses a PATCH with %s (400 naming the field)", async (_name, body, field) => {
    const admin = await makeCaller("ADMIN");
    const target = await makeUser();
    const res = await patchUser(target.id, admin.headers, body);
    expect(res.status).toBe(400);
    expect(res.json.error.fields).toHaveProperty(field);
  });

  it("answers 404 for an unknown user", async () => {
    const admin = await makeCaller("ADMIN");
    const res = await patchUser("no-such-user", admin.headers, { active: false });
    expect(res.status).toBe(404);
  });

  it("is for admins only", async () => {
    const target = await makeUser();
    for (const role of ["REVIEWER", "EDITOR"] as const) {
      const { headers } = await makeCaller(role);
      expect((await call(listUsersRoute, { headers })).status).toBe(403);
      expect((await call(createUserRoute, { headers, body: newUser() })).status).toBe(403);
      expect((await patchUser(target.id, headers, { role: "ADMIN" })).status).toBe(403);
      expect((await call(listTokensRoute, { headers })).status).toBe(403);
      expect((await call(createTokenRoute, { headers, body: { name: "sneaky" } })).status).toBe(403);
    }
    expect((await call(listUsersRoute, {})).status).toBe(401);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("REVIEWER");
  });

  it("refuses a cookie-authenticated change from another site", async () => {
    const { user } = await makeCaller("ADMIN");
    const target = await makeUser();
    const cookie = await sessionCookie(user);
    const res = await patchUser(target.id, { ...cookie, origin: "https://evil.example", host: "localhost:3000" }, { role: "ADMIN" });
    expect(res.status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("REVIEWER");
  });
});

describe("deactivation and role changes take effect on the next request", () => {
  it("refuses a deactivated user's session and API token; reactivated, they sign in again: old sessions and tokens stay dead", async () => {
    const admin = await makeCaller("ADMIN");
    const victim = await makeCaller("REVIEWER");
    const cookie = await sessionCookie(victim.user);
    expect((await call(listArticles, { headers: cookie })).status).toBe(200);
    expect((await call(listArticles, { headers: victim.headers })).status).toBe(200);

    const off = await patchUser(victim.user.id, admin.headers, { active: false });
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    expect((await call(listArticles, { headers: cookie })).status).toBe(401);
    expect((await call(listArticles, { headers: victim.headers })).status).toBe(401);

    expect((await patchUser(victim.user.id, admin.headers, { active: true })).status).toBe(200);
    // A cookie from before the deactivation does not come back to life; a new sign-in works.
    expect((await call(listArticles, { headers: cookie })).status).toBe(401);
    const now = await prisma.user.findUniqueOrThrow({ where: { id: victim.user.id } });
    expect((await call(listArticles, { headers: await sessionCookie(now) })).status).toBe(200);
    expect((await call(listArticles, { headers: victim.headers })).status).toBe(401);
    const events = (await auditOf(victim.user.id)).filter((e) => e.action === "user.update");
    expect(events.map((e) => e.changes)).toEqual([{ active: { from: true, to: false }, sessionsEnded: true }, { active: { from: false, to: true } }]);
    const tokens = await prisma.apiToken.findMany({ where: { userId: victim.user.id } });
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
    const revocations = await prisma.auditEvent.findMany({ where: { action: "token.revoke", entityId: { in: tokens.map((t) => t.id) } } });
    expect(revocations.map((e) => [e.entityId, e.actorId, e.changes])).toEqual(tokens.map((t) => [t.id, admin.user.id, { reason: "user deactivated", userId: victim.user.id }]));
  });

  it("a role change ends the user's sessions on their next request; signed in again, the new role applies", async () => {
    const admin = await makeCaller("ADMIN");
    const user = await makeUser({ role: "REVIEWER" });
    const signIn = async () => sessionCookie(await prisma.user.findUniqueOrThrow({ where: { id: user.id } }));
    const cookie = await signIn();
    const body = { title: `Role change ${uid()}`, text: `Body ${uid()}` };
    expect((await call(createArticle, { headers: cookie, body })).status).toBe(403);
    expect((await patchUser(user.id, admin.headers, { role: "ADMIN" })).status).toBe(200);
    expect((await call(createArticle, { headers: cookie, body })).status).toBe(401);
    expect((await call(createArticle, { headers: await signIn(), body })).status).toBe(201);
    expect((await patchUser(user.id, admin.headers, { role: "EDITOR" })).status).toBe(200);
    expect((await call(createArticle, { headers: await signIn(), body: { ...body, text: `Other ${uid()}` } })).status).toBe(403);
  });
});

describe("admin protection", () => {
  it("an admin cannot deactivate or demote themselves (409 naming the field)", async () => {
    const admin = await makeCaller("ADMIN");
    const off = await patchUser(admin.user.id, admin.headers, { active: false });
    expect(off.status).toBe(409);
    expect(off.json.error.fields).toHaveProperty("active");
    expect(off.json.error.message).toMatch(/your own account/);
    const down = await patchUser(admin.user.id, admin.headers, { role: "EDITOR" });
    expect(down.status).toBe(409);
    expect(down.json.error.fields).toHaveProperty("role");
    const me = await prisma.user.findUniqueOrThrow({ where: { id: admin.user.id } });
    expect(me).toMatchObject({ role: "ADMIN", active: true });
    // Renaming oneself is fine.
    expect((await patchUser(admin.user.id, admin.headers, { name: "Still Admin" })).status).toBe(200);
    expect((await auditOf(admin.user.id)).filter((e) => e.action === "user.update")).toHaveLength(1);
  });

  it("two admins demoting each other at once cannot both succeed", async () => {
    const a = await makeCaller("ADMIN");
    const b = await makeCaller("ADMIN");
    const [ra, rb] = await Promise.all([patchUser(b.user.id, a.headers, { role: "EDITOR" }), patchUser(a.user.id, b.headers, { role: "EDITOR" })]);
    expect([ra.status, rb.status].sort()).toEqual([200, 403]);
    const roles = await prisma.user.findMany({ where: { id: { in: [a.user.id, b.user.id] } }, select: { role: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "EDITOR"]);
  });

  it("a demoted admin loses admin rights on the next request", async () => {
    const a = await makeCaller("ADMIN");
    const b = await makeCaller("ADMIN");
    expect((await patchUser(b.user.id, a.headers, { role: "REVIEWER" })).status).toBe(200);
    // The demotion revoked b's API tokens; signed in again, b is a reviewer.
    expect((await call(listUsersRoute, { headers: b.headers })).status).toBe(401);
    const session = await sessionCookie(await prisma.user.findUniqueOrThrow({ where: { id: b.user.id } }));
    expect((await patchUser(a.user.id, session, { active: false })).status).toBe(403);
    expect((await call(listUsersRoute, { headers: session })).status).toBe(403);
  });
});

describe("tokens API", () => {
  it("creates a token shown once, lists without hashes, revokes (204, idempotent), and a revoked token is refused", async () => {
    const admin = await makeCaller("ADMIN");
    const name = `CI importer ${uid()}`;
    const created = await call(createTokenRoute, { headers: admin.headers, body: { name: `  ${name} ` } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(["createdAt", "expiresAt", "id", "name", "prefix", "token"]);
    expect(created.json.expiresAt).toBeNull();
    expect(created.json.name).toBe(name);
    const token: string = created.json.token;
    expect(token.startsWith(created.json.prefix)).toBe(true);
    const auth = { authorization: `Bearer ${token}` };
    expect((await call(listArticles, { headers: auth })).status).toBe(200);

    // Filtered to this admin: tests running in parallel create many tokens of their own.
    const listed = await call(listTokensRoute, { path: `/api/tokens?userId=${admin.user.id}`, headers: admin.headers });
    expect(listed.status).toBe(200);
    const row = listed.json.items.find((t: { id: string }) => t.id === created.json.id);
    expect(row).toMatchObject({ name, prefix: created.json.prefix, revokedAt: null, user: { id: admin.user.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(listed.text).not.toContain(token);
    expect(listed.text).not.toMatch(/tokenHash/);
    const stored = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(listed.text).not.toContain(stored.tokenHash);

    expect((await revoke(created.json.id, admin.headers)).status).toBe(204);
    expect((await call(listArticles, { headers: auth })).status).toBe(401);
    expect((await revoke(created.json.id, admin.headers)).status).toBe(204);
    expect((await revoke("no-such-token", admin.headers)).status).toBe(404);
    const after = await call(listTokensRoute, { path: `/api/tokens?userId=${admin.user.id}`, headers: admin.headers });
    expect(after.json.items.find((t: { id: string }) => t.id === created.json.id).revokedAt).not.toBeNull();

    const events = await auditOf(created.json.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["token.create", admin.user.id],
      ["token.revoke", admin.user.id],
    ]);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("refuses a token without a name (400) and revoking for non-admins (403)", async () => {
    const admin = await makeCaller("ADMIN");
    for (const body of [{}, { name: " " }, { name: "x", scope: "all" }]) {
      const res = await call(createTokenRoute, { headers: admin.headers, body });
      expect(res.status).toBe(400);
      expect(Object.keys(res.json.error.fields)).toEqual([Object.keys(body).includes("scope") ? "scope" : "name"]);
      if (!("scope" in body)) expect(res.json.error.fields.name).toBe("Enter a name for the token");
    }
    const editor = await makeCaller("EDITOR");
    const res = await revoke(admin.tokenId, editor.headers);
    expect(res.status).toBe(403);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: admin.tokenId } })).revokedAt).toBeNull();
  });
});
