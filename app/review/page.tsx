import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listReviewQueue, reviewQueueFacets } from "@/lib/reviews/data";
import { REVIEW_PAGE_SIZE, reviewQueueQuerySchema } from "@/lib/reviews/schema";
import { VERDICTS, VERDICT_INFO } from "@/lib/claims/constants";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { formatAge } from "@/components/ui/format-age";
import { Pagination } from "@/components/ui/pagination";

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
      {sp.done && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">Decision recorded.</p>}
      <form className="flex flex-wrap items-end gap-3" action="/review" aria-label="Filter the review queue">
        <div>
          <label htmlFor="articleId" className="block text-sm font-medium">Article</label>
          <select id="articleId" name="articleId" defaultValue={query.articleId ?? ""} className="mt-1 max-w-xs rounded border border-slate-400 px-2 py-1.5">
            <option value="">All articles</option>
            {facets.articlesWaiting > facets.articles.length ? (
              <optgroup label={`The ${facets.articles.length} of ${facets.articlesWaiting} articles waiting longest`}>
                {facets.articles.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
              </optgroup>
            ) : (
              facets.articles.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)
            )}
          </select>
        </div>
        <div>
          <label htmlFor="reviewerId" className="block text-sm font-medium">Reviewer</label>
          <select id="reviewerId" name="reviewerId" defaultValue={query.reviewerId ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="">Anyone</option>
            {facets.reviewers.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="verdict" className="block text-sm font-medium">Verdict</label>
          <select id="verdict" name="verdict" defaultValue={query.verdict ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="">Any</option>
            {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_INFO[v].label}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">Filter</button>
      </form>
      <p className="text-sm text-slate-600">
        {total} claim{total === 1 ? "" : "s"} waiting, oldest first{pages > 1 ? ` (showing ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + items.length})` : ""}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">Nothing to review.</p>
      ) : (
        <ol className="space-y-3">
          {items.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/review/${c.id}`} className="text-lg font-semibold text-blue-700 hover:underline">{c.claimText}</Link>
                <span className="flex items-center gap-2">
                  {c.hasConflict && <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Conflicting verdicts</span>}
                  <VerdictBadge verdict={c.verdict} />
                </span>
              </div>
              <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 italic text-slate-700">“{c.exact.length > 240 ? `${c.exact.slice(0, 240)}…` : c.exact}”</blockquote>
              <p className="mt-2 text-sm text-slate-600">
                {c.article.title} · by {c.author.name} · {c.sourceCount} source{c.sourceCount === 1 ? "" : "s"} · waiting {formatAge(c.submittedAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} href={link} />
    </div>
  );
}
