import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";
import { getArticle } from "@/lib/articles/data";
import { ArticleBody } from "@/components/articles/article-body";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { formatDate } from "@/components/ui/format-date";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  await requirePermission("article:read", `/articles/${id}`);
  const article = await getArticle(id);
  if (!article) notFound();

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <article className="min-w-0">
        <header className="mb-6 border-b border-slate-200 pb-4">
          <p className="mb-2 text-sm"><Link href="/articles" className="text-blue-700 hover:underline">← Articles</Link></p>
          <h1 className="text-3xl font-bold leading-tight">{article.title}</h1>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
            <div className="flex gap-1"><dt className="font-medium">By</dt><dd>{article.author ?? "Unknown"}</dd></div>
            {article.publisher && <div className="flex gap-1"><dt className="font-medium">Publisher</dt><dd>{article.publisher}</dd></div>}
            <div className="flex gap-1"><dt className="font-medium">Published</dt><dd>{formatDate(article.publishedAt)}</dd></div>
            {article.language && <div className="flex gap-1"><dt className="font-medium">Language</dt><dd>{article.language}</dd></div>}
            <div className="flex gap-1"><dt className="font-medium">Revision</dt><dd>{article.revision}</dd></div>
            <div className="flex items-center gap-1"><dt className="sr-only">Status</dt><dd><ArticleStatusBadge status={article.status} /></dd></div>
          </dl>
          {article.sourceUrl && (
            <p className="mt-2 text-sm">
              <a href={article.sourceUrl} rel="noopener noreferrer nofollow" className="break-all text-blue-700 hover:underline">Original article</a>
            </p>
          )}
        </header>
        <section aria-label="Article" lang={article.language ?? undefined}>
          <ArticleBody text={article.text} blocks={article.blocks} />
        </section>
      </article>
      <aside aria-label="Claims" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <h2 className="mb-2 text-base font-semibold">Claims</h2>
        <p>No claims on this article yet.</p>
      </aside>
    </div>
  );
}
