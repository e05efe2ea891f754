import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/passwords";
import { passwordWeakness } from "@/lib/auth/password-policy";
import type { SetupInput } from "@/lib/auth/schema";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { getUserView, type UserView } from "./data";

// The first admin of an install that has no demo data: `npm start` prints a
// one-time link (scripts/lib/setup-link.ts) and /setup uses it once.

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export type SetupState = "ready" | "invalid" | "done";

/** Whether /setup may show its form for this token. */
export async function setupState(token: string | undefined): Promise<SetupState> {
  if ((await prisma.user.count()) > 0) return "done";
  if (!token || token.length > 200) return "invalid";
  const t = await prisma.setupToken.findUnique({ where: { tokenHash: tokenHash(token) } });
  return t && !t.usedAt && t.expiresAt > new Date() ? "ready" : "invalid";
}

const invalidLink = () =>
  new AppError("forbidden", "This setup link is not valid: it was used, it expired, or a newer one was printed. Restart Verity for a new link.", { fields: { token: "is not a valid setup link" } });

export async function createFirstAdmin(input: SetupInput): Promise<UserView> {
  const weakness = passwordWeakness(input.password, input, env().DEMO_PASSWORD);
  if (weakness) throw invalidInput({ password: weakness });
  const passwordHash = await hashPassword(input.password);
  const id = await prisma.$transaction(async (tx) => {
    // One setup at a time: two people with the link cannot both become the first admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('verity:first-admin'))`;
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "Verity already has accounts. Sign in, or ask an admin for one.");
    const used = await tx.setupToken.updateMany({ where: { tokenHash: tokenHash(input.token), usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (used.count === 0) throw invalidLink();
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: "ADMIN", passwordHash, passwordChangedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, { actorId: null, action: "user.create", entityType: "User", entityId: user.id, changes: { email: input.email, name: input.name, role: "ADMIN", via: "setup link" } });
    return user.id;
  });
  return (await getUserView(id))!;
}
