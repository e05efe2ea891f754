import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { fourEyesRefusal } from "@/lib/reviews/four-eyes";
import { getClaim } from "@/lib/claims/data";
import { getArticle } from "@/lib/articles/data";
import { claimHistory, conflictsFor } from "@/lib/reviews/data";
import { CLAIM_STATUS_LABEL, STANCE_LABEL } from "@/lib/claims/constants";
import { Markdown } from "@/components/ui/markdown";
import { formatDate } from "@/components/ui/format";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { ClaimTimeline } from "@/components/review/claim-timeline";
import { ReviewDecision } from "@/components/review/review-decision";
import { ReviewCommentForm } from "@/components/review/review-comment-form";
import { ConflictLinks } from "@/components/review/conflict-links";
import { ArticleLiveNotice } from "@/components/review/article-live-notice";
import { ClaimLive } from "@/components/review/claim-live";

export const metadata: Metadata = { title: "Review claim" };

export default async function ReviewItemPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const me = await requirePermission("claim:review", `/review/${claimId}`);
  const claim = await getClaim(claimId);
  if (!claim) notFound();
  const [article, history, conflicts] = await Promise.all([getArticle(claim.articleId), claimHistory(claimId), conflictsFor([claim.articleId])]);
  if (!article) notFound();
  const partners = conflicts.get(claim.id) ?? [];
  const isLive = article.status === "PUBLISHED";
  const cannotApprove = fourEyesRefusal(me.id, { authorId: claim.author.id, lastEditedById: claim.lastEditedBy?.id ?? null }, env().ALLOW_SELF_APPROVAL);
  const { start, end } = claim.selector;
  // The paragraph(s) around the claim, with the claim highlighted.
  const blocks = article.blocks.filter((b) => b.end > start && b.start < end);
  const from = blocks[0]?.start ?? start;
  const to = blocks[blocks.length - 1]?.end ?? end;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-6">
        <p className="text-sm"><Link href="/review" className="text-blue-700 hover:underline">← Review queue</Link></p>
        <header className="space-y-2">
          <h1 className="text-2xl font-bold">{claim.claimText}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <VerdictBadge verdict={claim.verdict} />
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{CLAIM_STATUS_LABEL[claim.status]}</span>
            {isLive && <span className="rounded bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900">Article published</span>}
            {/* Revisions count edits of content, 1, 2, 3…; `version` (the concurrency counter) also moves on submissions and decisions. */}
            <span className="text-slate-700">by {claim.author.name} · revision {history.revision}{claim.lastEditedBy && claim.lastEditedBy.id !== claim.author.id ? `, last edited by ${claim.lastEditedBy.name}` : ""}</span>
          </div>
          <ConflictLinks partners={partners} />
          <p className="text-sm">From <Link href={`/articles/${article.id}?claim=${claim.id}`} className="text-blue-700 underline">{article.title}</Link></p>
          {isLive && <ArticleLiveNotice slug={article.slug} publishedAt={article.factCheckPublishedAt} deciding={claim.status === "SUBMITTED"} />}
          <ClaimLive claimId={claim.id} articleId={article.id} version={claim.version} meId={me.id} />
        </header>
        <section aria-label="Context" className="article-body rounded-lg border border-slate-200 bg-white p-4 text-lg leading-relaxed">
          {claim.anchorStatus === "ORPHANED" ? (
            <p className="font-sans text-base text-amber-900">This claim&apos;s words are no longer in the article: “{claim.selector.exact}”</p>
          ) : (
            <p>
              {article.text.slice(from, start)}
              <mark className="rounded-sm bg-yellow-200 px-0.5">{article.text.slice(start, end)}</mark>
              {article.text.slice(end, to)}
            </p>
          )}
        </section>
        <section aria-labelledby="rationale-h" className="space-y-2">
          <h2 id="rationale-h" className="text-lg font-semibold">Rationale</h2>
          {claim.rationale ? <Markdown>{claim.rationale}</Markdown> : <p className="text-slate-600">No rationale given.</p>}
        </section>
        <section aria-labelledby="sources-h" className="space-y-2">
          <h2 id="sources-h" className="text-lg font-semibold">Sources ({claim.sources.length})</h2>
          <ul className="space-y-2">
            {claim.sources.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold">{STANCE_LABEL[s.stance]}</span>
                <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-blue-700 underline">{s.title}</a>
                {s.publisher && <span className="text-slate-600"> · {s.publisher}</span>}
                {s.excerpt && <blockquote className="mt-1 border-l-2 border-slate-300 pl-2">{s.excerpt}</blockquote>}
                {s.archivedUrl && <p><a href={s.archivedUrl} rel="noopener noreferrer nofollow" className="text-blue-700 underline">Archived copy</a></p>}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Discussion" className="space-y-2">
          <h2 className="text-lg font-semibold">Comments ({claim.comments.length})</h2>
          {claim.comments.length > 0 && (
            <ul className="space-y-2 text-sm">
              {claim.comments.map((c) => (
                <li key={c.id} className="rounded bg-white p-2">
                  <strong>{c.author.name}:</strong> <span className="whitespace-pre-wrap">{c.body}</span>{" "}
                  <time dateTime={c.createdAt.toISOString()} className="text-xs text-slate-600">{formatDate(c.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
          <ReviewCommentForm claimId={claim.id} />
        </section>
        <section aria-labelledby="history-h" className="space-y-2">
          <h2 id="history-h" className="text-lg font-semibold">History</h2>
          <ClaimTimeline entries={history.entries} />
        </section>
      </div>
      <aside aria-label="Review" className="lg:sticky lg:top-4 lg:self-start">
        {claim.status === "SUBMITTED" ? (
          // Keyed by version: "Reload" after a change starts the form from the new version.
          <ReviewDecision key={claim.version} claimId={claim.id} version={claim.version} verdict={claim.verdict} rationale={claim.rationale}
            cannotApprove={cannotApprove} allowApproveWithEdits={env().ALLOW_SELF_APPROVAL} />
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">This claim is {CLAIM_STATUS_LABEL[claim.status].toLowerCase()}; there is nothing to decide.</p>
        )}
      </aside>
    </div>
  );
}
