import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";
import { getArticleHeading } from "@/lib/articles/data";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { formatDate } from "@/components/ui/format";
import { ArticleReader } from "@/components/workspace/article-reader";
import { AssignmentsPanel } from "@/components/assignments/assignments-panel";
import { PublishControls } from "@/components/publishing/publish-controls";
import { can } from "@/lib/auth/permissions";
import { AlsoViewing } from "@/components/live/also-viewing";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const a = await getArticleHeading(id).catch(() => null);
  return { title: a?.title ?? "Article" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { claim: openClaimId } = await searchParams;
  const user = await requirePermission("article:read", `/articles/${id}`);
  const article = await getArticleHeading(id);
  if (!article) notFound();

  return (
    <div>
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
        <div className="mt-2 empty:hidden"><AlsoViewing key={article.id} articleId={article.id} viewerId={user.id} /></div>
        {(article.sourceUrl || can(user, "article:update")) && (
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {article.sourceUrl && <a href={article.sourceUrl} rel="noopener noreferrer nofollow" className="break-all text-blue-700 hover:underline">Original article</a>}
            {/* Admins only, as PATCH /api/articles/:id; the edit page checks again. */}
            {can(user, "article:update") && <Link href={`/articles/${article.id}/edit`} className="text-blue-700 underline">Edit details</Link>}
          </p>
        )}
        {can(user, "article:publish") && (
          <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
            {article.status !== "ARCHIVED" && <PublishControls articleId={article.id} slug={article.slug} published={article.status === "PUBLISHED"} />}
            <a href={`/api/articles/${article.id}/export`} className="text-blue-700 underline">Export claims (CSV)</a>
            <a href={`/api/articles/${article.id}/annotations`} className="text-blue-700 underline">W3C annotations (JSON-LD)</a>
          </div>
        )}
      </header>
      {/* The text and claims load in the browser (one request): the page carries no article text. */}
      <AssignmentsPanel articleId={article.id} canManage={can(user, "assignment:manage")} />
      <ArticleReader articleId={article.id} initialClaimId={openClaimId} viewer={{ id: user.id, name: user.name, role: user.role }} />
    </div>
  );
}
