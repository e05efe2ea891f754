import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listArticles } from "@/lib/articles/data";
import { myClaims, newsroomStats } from "@/lib/dashboard/data";
import { reviewQueueSize } from "@/lib/reviews/data";
import { CLAIM_STATUS_LABEL } from "@/lib/claims/constants";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { VerdictChart } from "@/components/dashboard/verdict-chart";
import { formatAge } from "@/components/ui/format";
import { assignedTo } from "@/lib/assignments/data";
import { AssignedToYou } from "@/components/assignments/assigned-to-you";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DASHBOARD_EVENTS } from "@/components/live/refresh-rules";

type Mine = Awaited<ReturnType<typeof myClaims>>["drafts"];

function ClaimList({ title, items, empty, showReview }: { title: string; items: Mine; empty: string; showReview?: boolean }) {
  const id = `${title.toLowerCase().replace(/[^a-z]+/g, "-")}-heading`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-lg font-semibold">{title} ({items.length})</h2>
      {items.length === 0 ? <p className="mt-2 text-sm text-slate-600">{empty}</p> : (
        <ul className="mt-3 space-y-3">
          {items.map((c) => (
            <li key={c.id} className="text-sm">
              <Link href={`/articles/${c.article.id}?claim=${c.id}`} className="font-medium text-blue-700 hover:underline">{c.claimText}</Link>
              <span className="ml-2"><VerdictBadge verdict={c.verdict} /></span>
              <p className="text-slate-600">{c.article.title} · updated {formatAge(c.updatedAt)} ago</p>
              {showReview && c.reviews[0]?.comment && (
                <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-amber-950"><strong>{c.reviews[0].editor.name}:</strong> {c.reviews[0].comment}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const user = await requireUser("/");
  const isEditor = can(user, "review-queue:read");
  const isAdmin = can(user, "audit:read");
  const [mine, queue, stats, recent, assigned] = await Promise.all([
    myClaims(user.id),
    isEditor ? reviewQueueSize() : null,
    isAdmin ? newsroomStats() : null,
    listArticles({ page: 1, pageSize: 5 }),
    assignedTo(user.id),
  ]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <LiveRefresh types={DASHBOARD_EVENTS} delayMs={1500} />
        <p className="mt-1 text-slate-600">Welcome, {user.name}. You are signed in as {user.role.toLowerCase()}.</p>
      </div>
      {queue && (
        <section aria-labelledby="queue-h" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="queue-h" className="text-lg font-semibold">Review queue</h2>
          <p className="mt-2 text-3xl font-bold">{queue.count}</p>
          <p className="text-sm text-slate-600">{queue.count ? `claim${queue.count === 1 ? "" : "s"} waiting; the oldest for ${formatAge(queue.oldest)}` : "Nothing waiting."}</p>
          <p className="mt-3"><Link href="/review" className="font-medium text-blue-700 hover:underline">Open the review queue →</Link></p>
        </section>
      )}
      {stats && (
        <section aria-labelledby="stats-h" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="stats-h" className="text-lg font-semibold">Newsroom</h2>
          <dl className="grid grid-cols-3 gap-4 text-center sm:max-w-md">
            {stats.articles.map(([s, n]) => (
              <div key={s} className="rounded bg-slate-50 p-3"><dt className="text-xs uppercase tracking-wide text-slate-600">{s.toLowerCase()} articles</dt><dd className="text-2xl font-bold">{n}</dd></div>
            ))}
          </dl>
          <h3 className="font-semibold">Claims by verdict</h3>
          <VerdictChart data={stats.byVerdict} />
          <h3 className="font-semibold">Claims by status</h3>
          <ul className="flex flex-wrap gap-4 text-sm">
            {stats.byStatus.map(([s, n]) => <li key={s}>{CLAIM_STATUS_LABEL[s]}: <strong>{n}</strong></li>)}
          </ul>
        </section>
      )}
      <AssignedToYou items={assigned} />
      <div className="grid gap-6 lg:grid-cols-3">
        <ClaimList title="Changes requested" items={mine.changesRequested} empty="No claims are waiting for your changes." showReview />
        <ClaimList title="Drafts" items={mine.drafts} empty="No drafts." />
        <ClaimList title="Submitted" items={mine.submitted} empty="Nothing waiting for review." />
      </div>
      <section aria-labelledby="recent-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="recent-heading" className="text-lg font-semibold">Recent articles</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {recent.items.map((a) => (
            <li key={a.id} className="py-2">
              <Link href={`/articles/${a.id}`} className="font-medium text-blue-700 hover:underline">{a.title}</Link>
              <span className="ml-2 text-sm text-slate-600">{a.claimCount} claim{a.claimCount === 1 ? "" : "s"}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4"><Link href="/articles" className="text-sm font-medium text-blue-700 hover:underline">All articles →</Link></p>
      </section>
    </div>
  );
}
