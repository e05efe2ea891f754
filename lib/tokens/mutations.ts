import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { hashToken } from "@/lib/auth/current-user";

const PREFIX = "vrt_";

/** Creates an API token for `userId`; the plain token is returned once and only its hash is stored. */
export async function createApiToken(actorId: string, userId: string, name: string, expiresAt: Date | null = null) {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.$transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: { name, userId, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), expiresAt },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, userId: true },
    });
    await recordAudit(tx, { actorId, action: "token.create", entityType: "ApiToken", entityId: t.id, changes: { name, userId, expiresAt: expiresAt?.toISOString() ?? null } });
    return t;
  });
  return { ...row, token };
}

export async function revokeApiToken(actorId: string, id: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count) await recordAudit(tx, { actorId, action: "token.revoke", entityType: "ApiToken", entityId: id });
    return count > 0;
  });
}
