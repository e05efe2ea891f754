import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listReviewQueue, reviewQueueFacets } from "@/lib/reviews/data";
import { REVIEW_PAGE_SIZE, reviewQueueQuerySchema } from "@/lib/reviews/schema";
import { VERDICTS, VERDICT_INFO } from "@/lib/claims/constants";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { formatAge } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { ConflictLinks } from "@/components/review/conflict-links";
import { Alert } from "@/components/ui/alert";
import { FilterForm, FilterSelect } from "@/components/ui/filters";
import { EmptyState } from "@/components/ui/table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { REVIEW_QUEUE_EVENTS } from "@/components/live/refresh-rules";

export const metadata: Metadata = { title: "Review queue" };

type SP = { articleId?: string; reviewerId?: string; verdict?: string; done?: string; page?: string };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  await requirePermission("review-queue:read", "/review");
  const parsed = reviewQueueQuerySchema.safeParse({ articleId: sp.articleId || undefined, reviewerId: sp.reviewerId || undefined, verdict: sp.verdict || undefined, page: sp.page || undefined });
  const query = parsed.success ? parsed.data : {};
  const [{ items, total, page, pageSize }, facets] = await Promise.all([listReviewQueue(query, REVIEW_PAGE_SIZE), reviewQueueFacets(query.articleId)]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const params = new URLSearchParams();
    if (query.articleId) params.set("articleId", query.articleId);
    if (query.reviewerId) params.set("reviewerId", query.reviewerId);
    if (query.verdict) params.set("verdict", query.verdict);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `/review?${qs}` : "/review";
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <LiveRefresh types={REVIEW_QUEUE_EVENTS} delayMs={400} />
      {sp.done && <Alert tone="success">Decision recorded.</Alert>}
      <FilterForm action="/review" label="Filter the review queue">
        <FilterSelect
          name="articleId"
          label="Article"
          value={query.articleId}
          anyLabel="All articles"
          className="max-w-xs"
          {...(facets.articlesWaiting > facets.articles.length
            ? { group: { label: `The ${facets.articles.length} of ${facets.articlesWaiting} articles waiting longest`, options: facets.articles.map((a) => ({ value: a.id, label: a.title })) } }
            : { options: facets.articles.map((a) => ({ value: a.id, label: a.title })) })}
        />
        <FilterSelect name="reviewerId" label="Reviewer" value={query.reviewerId} anyLabel="Anyone" options={facets.reviewers.map((r) => ({ value: r.id, label: r.name }))} />
        <FilterSelect name="verdict" label="Verdict" value={query.verdict} anyLabel="Any" options={VERDICTS.map((v) => ({ value: v, label: VERDICT_INFO[v].label }))} />
      </FilterForm>
      <p className="text-sm text-slate-600">
        {total} claim{total === 1 ? "" : "s"} waiting, oldest first{pages > 1 ? ` (showing ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + items.length})` : ""}
      </p>
      {items.length === 0 ? (
        <EmptyState>Nothing to review.</EmptyState>
      ) : (
        <ol className="space-y-3">
          {items.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/review/${c.id}`} className="text-lg font-semibold text-blue-700 hover:underline">{c.claimText}</Link>
                <span className="flex items-center gap-2">
                  {c.article.isPublished && <span className="rounded bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">Article published</span>}
                  <VerdictBadge verdict={c.verdict} />
                </span>
              </div>
              {c.conflictsWith.length > 0 && <div className="mt-2"><ConflictLinks partners={c.conflictsWith} compact /></div>}
              <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 italic text-slate-700">“{c.exact.length > 240 ? `${c.exact.slice(0, 240)}…` : c.exact}”</blockquote>
              <p className="mt-2 text-sm text-slate-600">
                {c.article.title} · by {c.author.name} · {c.sourceCount} source{c.sourceCount === 1 ? "" : "s"} · waiting {formatAge(c.submittedAt)}
              </p>
              {c.article.isPublished && (
                <p className="mt-1 text-sm text-blue-900">This article is published: approving this claim does not change the public page until an editor updates the publication.</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} href={link} />
    </div>
  );
}
