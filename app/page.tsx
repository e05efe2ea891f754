import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { listArticles } from "@/lib/articles/data";

export default async function DashboardPage() {
  const user = await requireUser("/");
  const recent = await listArticles({ page: 1, pageSize: 5 });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="mt-1 text-slate-600">Welcome, {user.name}. You are signed in as {user.role.toLowerCase()}.</p>
      </div>
      <section aria-labelledby="recent-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="recent-heading" className="text-lg font-semibold">Recent articles</h2>
        {recent.items.length === 0 ? (
          <p className="mt-2 text-slate-600">No articles yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {recent.items.map((a) => (
              <li key={a.id} className="py-2">
                <Link href={`/articles/${a.id}`} className="font-medium text-blue-700 hover:underline">{a.title}</Link>
                <span className="ml-2 text-sm text-slate-600">{a.claimCount} claim{a.claimCount === 1 ? "" : "s"}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4"><Link href="/articles" className="text-sm font-medium text-blue-700 hover:underline">All articles →</Link></p>
      </section>
    </div>
  );
}
