import "server-only";
import { prisma } from "@/lib/db";
import { NOTIFICATION_PAGE_SIZE, type NotificationItem, type NotificationListQuery } from "./schema";

export function unreadCount(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The user's own notifications, newest first, with how many are unread in all. */
export async function listNotifications(userId: string, query: NotificationListQuery = { unread: false }): Promise<{ items: NotificationItem[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId, ...(query.unread ? { readAt: null } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit ?? NOTIFICATION_PAGE_SIZE,
      select: { id: true, kind: true, message: true, href: true, readAt: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    unreadCount(userId),
  ]);
  return {
    items: rows.map((r) => ({ ...r, readAt: r.readAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() })),
    unread,
  };
}
