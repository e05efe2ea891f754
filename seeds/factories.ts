// Builders for tests: each test makes its own users and articles, so order never matters.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/permissions";
import { importArticle } from "@/lib/imports/mutations";
import { articleInputSchema } from "@/lib/articles/schema";
import { createApiToken } from "@/lib/tokens/mutations";

export const TEST_PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | undefined;

const uid = () => randomUUID().slice(0, 8);

export async function makeUser(opts: { role?: Role; active?: boolean; email?: string; name?: string; password?: string } = {}) {
  const role = opts.role ?? "REVIEWER";
  const passwordHash = opts.password ? await hashPassword(opts.password) : await (hashed ??= hashPassword(TEST_PASSWORD));
  return prisma.user.create({
    data: {
      email: (opts.email ?? `${role.toLowerCase()}-${uid()}@test.example`).toLowerCase(),
      name: opts.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${uid()}`,
      role,
      active: opts.active ?? true,
      passwordHash,
    },
  });
}

/** A user plus an API token acting as them: `headers` authenticate a request. */
export async function makeCaller(role: Role = "REVIEWER", opts: { active?: boolean } = {}) {
  const user = await makeUser({ role, active: opts.active });
  const { token, id: tokenId } = await createApiToken(user.id, user.id, "test");
  return { user, token, tokenId, headers: { authorization: `Bearer ${token}` } };
}

export async function makeArticle(overrides: Record<string, unknown> = {}) {
  const input = articleInputSchema.parse({
    title: `Test article ${uid()}`,
    text: `A story about things ${uid()}.\nIt has a second paragraph that says the sky was green in 2007.\nAnd a third.`,
    ...overrides,
  });
  const r = await importArticle(null, input, "ITEMS");
  return prisma.article.findUniqueOrThrow({ where: { id: r.articleId } });
}
