// API tokens that expire and do not outlive a demotion, and a password policy
// on every password chosen. (Demo accounts and the first admin: first-run.test.ts.)
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as listArticlesRoute } from "@/app/api/articles/route";
import { POST as createUserRoute } from "@/app/api/users/route";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { POST as createTokenRoute } from "@/app/api/tokens/route";
import { makeCaller } from "@/seeds/factories";
import { call } from "./support/http";

describe("API tokens (finding 9)", () => {
  it("may expire, and an expired token is refused", async () => {
    const admin = await makeCaller("ADMIN");
    const made = await call(createTokenRoute, { headers: admin.headers, body: { name: "quarterly export", expiresInDays: 90 } });
    expect(made.status).toBe(201);
    const expiresAt = new Date(made.json.expiresAt).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 90 * 86_400_000))).toBeLessThan(60_000);
    const bearer = { authorization: `Bearer ${made.json.token}` };
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: bearer })).status).toBe(200);
    await prisma.apiToken.update({ where: { id: made.json.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: bearer })).status).toBe(401);
    for (const bad of [0, -1, 1.5, 5000, "30"]) {
      const r = await call(createTokenRoute, { headers: admin.headers, body: { name: "x", expiresInDays: bad } });
      expect(r.status, String(bad)).toBe(400);
      expect(r.json.error.fields.expiresInDays).toBeTruthy();
    }
  });

  it("are revoked, and audited, when their user is demoted", async () => {
    const boss = await makeCaller("ADMIN");
    const other = await makeCaller("ADMIN");
    const res = await call(patchUserRoute, { method: "PATCH", params: { id: other.user.id }, headers: boss.headers, body: { role: "EDITOR" } });
    expect(res.status, res.text).toBe(200);
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: other.headers })).status).toBe(401);
    const revoked = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: other.tokenId, action: "token.revoke" } });
    expect(revoked.changes).toMatchObject({ reason: "role lowered to EDITOR" });
    // A promotion revokes nothing.
    const reviewer = await makeCaller("REVIEWER");
    await call(patchUserRoute, { method: "PATCH", params: { id: reviewer.user.id }, headers: boss.headers, body: { role: "EDITOR" } });
    expect((await call(listArticlesRoute, { path: "/api/articles", headers: reviewer.headers })).status).toBe(200);
  });
});

describe("password policy on new users", () => {
  it.each([
    ["password1234", /too easy to guess/],
    ["short", /at least 10 characters/],
    ["verity-demo", /at least|demo password/],
  ])("refuses %s naming the field", async (password, message) => {
    const admin = await makeCaller("ADMIN");
    const res = await call(createUserRoute, { headers: admin.headers, body: { email: `weak-${Date.now()}-${Math.random()}@example.org`, name: "Weak Password", role: "REVIEWER", password } });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.password).toMatch(message);
  });
});
