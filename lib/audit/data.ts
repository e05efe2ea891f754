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
    prisma.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { actors, actions: actions.map((a) => a.action) };
}
