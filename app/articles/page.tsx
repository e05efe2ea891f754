import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listArticles } from "@/lib/articles/data";
import { ARTICLE_STATUSES, articleListQuerySchema } from "@/lib/articles/schema";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { formatDate } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filters";
import { Cell, EmptyState, Table } from "@/components/ui/table";

export const metadata: Metadata = { title: "Articles" };

type SP = { q?: string; status?: string; page?: string };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  await requirePermission("article:read", "/articles");
  // Bad query values fall back to defaults on the page (the API answers 400 instead).
  const parsed = articleListQuerySchema.safeParse({ q: sp.q || undefined, status: sp.status || undefined, page: sp.page || undefined });
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
  const { items, total, page, pageSize } = await listArticles(query);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    params.set("page", String(p));
    return `/articles?${params}`;
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Articles</h1>
      <FilterForm action="/articles" label="Articles" search>
        <FilterInput name="q" label="Search titles and text" type="search" value={query.q} className="w-72" />
        <FilterSelect name="status" label="Status" value={query.status} anyLabel="Any" options={ARTICLE_STATUSES.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }))} />
      </FilterForm>

      <p className="text-sm text-slate-600" aria-live="polite">{total} article{total === 1 ? "" : "s"}</p>
      {items.length > 0 ? (
        <Table caption="Articles" columns={["Title", "Publisher", "Published", "Claims", "Status"]}>
          {items.map((a) => (
            <tr key={a.id}>
              <Cell><Link href={`/articles/${a.id}`} className="font-medium text-blue-700 hover:underline">{a.title}</Link></Cell>
              <Cell>{a.publisher ?? "—"}</Cell>
              <Cell>{formatDate(a.publishedAt)}</Cell>
              <Cell>{a.claimCount}</Cell>
              <Cell><ArticleStatusBadge status={a.status} /></Cell>
            </tr>
          ))}
        </Table>
      ) : (
        <EmptyState>No articles match.</EmptyState>
      )}
      <Pagination page={page} pages={pages} href={link} />
    </div>
  );
}
