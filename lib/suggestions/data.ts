import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { SuggestionDto } from "./schema";
import type { Reason } from "./types";

/**
 * An article's suggestions, best first (a dated reference's phrase right after its
 * sentence: same score, later or equal start, sentence first). Open ones, or with
 * `all` the dismissed ones too; orphaned ones (words gone) never.
 */
export async function listSuggestions(articleId: string, opts: { all?: boolean } = {}): Promise<SuggestionDto[]> {
  const exists = await prisma.article.count({ where: { id: articleId } });
  if (!exists) throw notFound("Article");
  const rows = await prisma.suggestion.findMany({
    where: { articleId, status: opts.all ? { in: ["OPEN", "DISMISSED"] } : "OPEN" },
    orderBy: [{ score: "desc" }, { start: "asc" }, { scope: "desc" }, { id: "asc" }],
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, score: true, reasons: true, scope: true, status: true },
  });
  return rows.map((r) => ({
    id: r.id,
    selector: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
    score: r.score,
    reasons: (Array.isArray(r.reasons) ? r.reasons : []) as Reason[],
    scope: r.scope === "phrase" ? "phrase" : "sentence",
    status: r.status,
  }));
}
