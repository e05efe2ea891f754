import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditQuery } from "./schema";

export async function listAuditEvents(q: AuditQuery) {
  const where: Prisma.AuditEventWhereInput = {
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
  };
  const [items, total] = await prisma.$transaction([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, changes: true, ip: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function auditFacets() {
  const [actors, actions] = await Promise.all([
    prisma.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    // The distinct actions by a skip scan over the (action, createdAt) index: one
    // index probe per action. (Prisma's `distinct` reads every event and
    // de-duplicates in memory: ~1 s and 100 MB at 270,000 events.)
    prisma.$queryRaw<Array<{ action: string }>>`
      WITH RECURSIVE a AS (
        SELECT min(action) AS action FROM "AuditEvent"
        UNION ALL
        SELECT (SELECT min(action) FROM "AuditEvent" WHERE action > a.action) FROM a WHERE a.action IS NOT NULL
      )
      SELECT action FROM a WHERE action IS NOT NULL`,
  ]);
  return { actors, actions: actions.map((a) => a.action) };
}
