import "server-only";
import { prisma } from "@/lib/db";
import type { AssignmentView } from "./schema";

const SELECT = {
  id: true,
  articleId: true,
  claimId: true,
  note: true,
  createdAt: true,
  claim: { select: { claimText: true } },
  assignee: { select: { id: true, name: true } },
  assignedBy: { select: { id: true, name: true } },
} as const;

type Row = { id: string; articleId: string; claimId: string | null; note: string; createdAt: Date; claim: { claimText: string } | null; assignee: { id: string; name: string }; assignedBy: { id: string; name: string } | null };

function present(r: Row): AssignmentView {
  return { id: r.id, articleId: r.articleId, claimId: r.claimId, claimText: r.claim?.claimText ?? null, assignee: r.assignee, assignedBy: r.assignedBy, note: r.note, createdAt: r.createdAt.toISOString() };
}

/** Who is assigned to the article and to its claims, oldest first; null when there is no such article. */
export async function listAssignments(articleId: string): Promise<AssignmentView[] | null> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) return null;
  const rows = await prisma.assignment.findMany({ where: { articleId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: SELECT });
  return rows.map(present);
}

export type MyAssignment = AssignmentView & { article: { id: string; title: string } };

/** What is assigned to the user, newest first (the dashboard's "Assigned to you"). */
export async function assignedTo(userId: string, take = 20): Promise<MyAssignment[]> {
  const rows = await prisma.assignment.findMany({
    where: { assigneeId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { ...SELECT, article: { select: { id: true, title: true } } },
  });
  return rows.map((r) => ({ ...present(r), article: r.article }));
}

/** Whom an editor may assign: every active user, by name. */
export function listAssignees(): Promise<Array<{ id: string; name: string }>> {
  return prisma.user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
