// A new install: the first admin from a one-time link (no published password
// anywhere), then the quick start's demo accounts and the one action that
// switches them off (finding 5). A database of its own: the first test needs
// one with no users at all.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createApiToken } from "@/lib/tokens/mutations";
import { changeOwnPassword } from "@/lib/users/passwords";
import { seedDemo } from "@/seeds/demo";
import { issueSetupLink } from "@/scripts/lib/setup-link";
import { GET as listArticlesRoute } from "@/app/api/articles/route";
import { POST as disableDemoRoute } from "@/app/api/demo-accounts/disable/route";
import { POST as setupRoute } from "@/app/api/setup/route";
import { makeCaller, makeUser, TEST_PASSWORD } from "@/seeds/factories";
import { call } from "./support/http";
import { useFreshDatabase } from "./support/fresh-database";

let url: string;
beforeAll(async () => {
  url = await useFreshDatabase("first_run");
});

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("first admin without demo data", () => {
  it("a one-time link creates the first admin once; an older, used or replaced link, or an install with accounts, is refused", async () => {
    expect(await prisma.user.count()).toBe(0);
    const oldLink = await issueSetupLink(url, "http://verity.example");
    const link = await issueSetupLink(url, "http://verity.example/");
    expect(link).toMatch(/^http:\/\/verity\.example\/setup\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(link).searchParams.get("token")!;
    const oldToken = new URL(oldLink).searchParams.get("token")!;
    const body = { email: "Chief@Newsroom.example", name: "Chief Editor", password: "granite meadow violin 58" };
    expect((await call(setupRoute, { body: { ...body, token: oldToken } })).status).toBe(403);
    const weak = await call(setupRoute, { body: { ...body, token, password: "password1234" } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.fields.password).toMatch(/too easy/);
    const made = await call(setupRoute, { body: { ...body, token } });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ email: "chief@newsroom.example", role: "ADMIN" });
    expect(made.text).not.toMatch(/passwordHash/);
    expect(await verifyCredentials("chief@newsroom.example", body.password, { ip: ip() })).toMatchObject({ role: "ADMIN" });
    const again = await call(setupRoute, { body: { ...body, email: "second@newsroom.example", token } });
    expect(again.status).toBe(409);
    // A fresh link cannot make a second "first" admin either.
    const later = new URL(await issueSetupLink(url, "http://verity.example")).searchParams.get("token")!;
    expect((await call(setupRoute, { body: { ...body, email: "third@newsroom.example", token: later } })).status).toBe(409);
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "user.create", changes: { path: ["via"], equals: "setup link" } } })).toBe(1);
  });
});

describe("demo accounts", () => {
  it("are flagged when seeded, and one admin action disables them all but the admin's own, ending their sessions and tokens", async () => {
    await seedDemo({ demoPassword: "verity-demo" });
    const demo = await prisma.user.findMany({ where: { email: { in: ["admin@example.org", "editor@example.org", "reviewer@example.org"] } }, orderBy: { email: "asc" } });
    expect(demo.map((u) => u.demoPassword)).toEqual([true, true, true]);
    const reviewer = demo.find((u) => u.email === "reviewer@example.org")!;
    const demoAdmin = demo.find((u) => u.email === "admin@example.org")!;
    const token = await createApiToken(reviewer.id, reviewer.id, "demo script");
    const bearer = { authorization: `Bearer ${token.token}` };
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: bearer })).status).toBe(200);

    // The demo admin disables the others; its own account stays (it changes its password instead).
    const adminToken = await createApiToken(demoAdmin.id, demoAdmin.id, "demo admin");
    const res = await call(disableDemoRoute, { headers: { authorization: `Bearer ${adminToken.token}` }, body: {} });
    expect(res.status, res.text).toBe(200);
    expect(res.json.disabled).toEqual(["editor@example.org", "reviewer@example.org"]);
    expect(await verifyCredentials("reviewer@example.org", "verity-demo", { ip: ip() })).toBeNull();
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: bearer })).status).toBe(401);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: reviewer.id, action: "user.update", actorId: demoAdmin.id } });
    expect(audit.changes).toMatchObject({ active: { from: true, to: false }, reason: "demo account disabled" });
    expect(await prisma.auditEvent.count({ where: { entityId: token.id, action: "token.revoke" } })).toBe(1);
    // Idempotent, and only for admins.
    expect((await call(disableDemoRoute, { headers: { authorization: `Bearer ${adminToken.token}` }, body: {} })).json.disabled).toEqual([]);
    expect((await call(disableDemoRoute, { headers: (await makeCaller("EDITOR")).headers, body: {} })).status).toBe(403);
  });

  it("an account that changed its password is no longer a demo account", async () => {
    const user = await makeUser();
    await prisma.user.update({ where: { id: user.id }, data: { demoPassword: true } });
    await changeOwnPassword({ ...user, role: "REVIEWER", via: "token", mustChangePassword: false, demoPassword: true }, { currentPassword: TEST_PASSWORD, newPassword: "quiet orchard ladder 19" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).demoPassword).toBe(false);
  });
});
