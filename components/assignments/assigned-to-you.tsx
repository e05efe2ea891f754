import Link from "next/link";
import { formatAge } from "@/components/ui/format";
import { LiveRefresh } from "@/components/live/live-refresh";
import type { MyAssignment } from "@/lib/assignments/data";

/** The dashboard's "Assigned to you": articles and claims an editor handed to the signed-in user. */
export function AssignedToYou({ items }: { items: MyAssignment[] }) {
  return (
    <section aria-labelledby="assigned-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="assigned-heading" className="text-lg font-semibold">Assigned to you ({items.length})</h2>
      {/* A new assignment arrives as the assignee's notification: show it without a reload. */}
      <LiveRefresh types={["notification.created"]} delayMs={1000} />
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing is assigned to you.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {items.map((a) => (
            <li key={a.id} className="text-sm">
              <Link href={a.claimId ? `/articles/${a.article.id}?claim=${a.claimId}` : `/articles/${a.article.id}`} className="font-medium text-blue-700 hover:underline">
                {a.claimId ? a.claimText : a.article.title}
              </Link>
              <p className="text-slate-600">
                {a.claimId ? `Claim in ${a.article.title}` : "Whole article"}
                {a.assignedBy ? ` · assigned by ${a.assignedBy.name}` : ""} · {formatAge(a.createdAt)} ago
              </p>
              {a.note && <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-slate-800">{a.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
