import { route } from "@/lib/http";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { claimsToCsv } from "@/lib/claims/export-csv";
import { slugify } from "@/lib/articles/slug";

/** GET /api/articles/:id/export: the article's claims as CSV (editors). */
export const GET = route({ can: "article:export" }, async ({ params }) => {
  const article = await prisma.article.findUnique({
    where: { id: params.id },
    select: {
      title: true,
      claims: {
        orderBy: [{ start: "asc" }, { end: "desc" }],
        select: { exact: true, claimText: true, verdict: true, status: true, author: { select: { name: true } }, sources: { orderBy: { position: "asc" }, select: { url: true, title: true, stance: true } } },
      },
    },
  });
  if (!article) throw notFound("Article");
  const csv = claimsToCsv(article.claims.map((c) => ({ ...c, author: c.author.name })));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(article.title)}-claims.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
