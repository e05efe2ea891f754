import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Prisma.InputJsonValue;
  ip?: string | null;
};

/** Writes one audit event; call it with the transaction that makes the change. */
export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      changes: event.changes,
      ip: event.ip ?? null,
    },
  });
}
