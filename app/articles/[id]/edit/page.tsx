import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";
import { getArticleHeading } from "@/lib/articles/data";
import { ArticleMetadataForm } from "@/components/articles/article-metadata-form";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit article details" };

export default async function EditArticleDetailsPage({ params }: Props) {
  const { id } = await params;
  // The same rule as PATCH /api/articles/:id: admins only; others get the 403 page.
  await requirePermission("article:update", `/articles/${id}/edit`);
  const article = await getArticleHeading(id);
  if (!article) notFound();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="mb-2 text-sm"><Link href={`/articles/${article.id}`} className="text-blue-700 hover:underline">← Back to the article</Link></p>
        <h1 className="text-2xl font-bold">Edit article details</h1>
        <p className="mt-1 text-slate-700">
          Correct the title, byline, publisher, source, date or language of “{article.title}”. The article&apos;s text, its revisions and its claims stay as they are.
        </p>
      </div>
      <ArticleMetadataForm
        article={{
          id: article.id,
          title: article.title,
          author: article.author,
          publisher: article.publisher,
          sourceUrl: article.sourceUrl,
          publishedAt: article.publishedAt ? article.publishedAt.toISOString() : null,
          language: article.language,
        }}
      />
    </div>
  );
}
