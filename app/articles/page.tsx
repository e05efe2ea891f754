import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listArticles } from "@/lib/articles/data";
import { ARTICLE_STATUSES, articleListQuerySchema } from "@/lib/articles/schema";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { formatDate } from "@/components/ui/format-date";
import { Pagination } from "@/components/ui/pagination";

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
      <form role="search" aria-label="Articles" className="flex flex-wrap items-end gap-3" action="/articles">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search titles</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className="mt-1 w-72 rounded border border-slate-400 px-3 py-1.5" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className="mt-1 rounded border border-slate-400 px-3 py-1.5">
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">Filter</button>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">{total} article{total === 1 ? "" : "s"}</p>
      {items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Title</th>
                <th scope="col" className="px-4 py-2">Publisher</th>
                <th scope="col" className="px-4 py-2">Published</th>
                <th scope="col" className="px-4 py-2">Claims</th>
                <th scope="col" className="px-4 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2"><Link href={`/articles/${a.id}`} className="font-medium text-blue-700 hover:underline">{a.title}</Link></td>
                  <td className="px-4 py-2">{a.publisher ?? "—"}</td>
                  <td className="px-4 py-2">{formatDate(a.publishedAt)}</td>
                  <td className="px-4 py-2">{a.claimCount}</td>
                  <td className="px-4 py-2"><ArticleStatusBadge status={a.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">No articles match.</p>
      )}
      <Pagination page={page} pages={pages} href={link} />
    </div>
  );
}
