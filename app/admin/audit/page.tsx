import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { auditQuerySchema } from "@/lib/audit/schema";
import { auditFacets, listAuditEvents } from "@/lib/audit/data";
import { describeChanges } from "@/components/ui/describe-change";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Audit log" };

type SP = Record<string, string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  await requirePermission("audit:read", "/admin/audit");
  const parsed = auditQuerySchema.safeParse({ entityId: sp.entityId || undefined, actorId: sp.actorId || undefined, action: sp.action || undefined, page: sp.page || undefined });
  const q = parsed.success ? parsed.data : { page: 1, pageSize: 50 };
  const [{ items, total, page, pageSize }, facets] = await Promise.all([listAuditEvents(q), auditFacets()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => `/admin/audit?${new URLSearchParams({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.actorId ? { actorId: q.actorId } : {}), ...(q.action ? { action: q.action } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form className="flex flex-wrap items-end gap-3" action="/admin/audit" aria-label="Filter the audit log">
        <div>
          <label htmlFor="actorId" className="block text-sm font-medium">User</label>
          <select id="actorId" name="actorId" defaultValue={q.actorId ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="">Anyone</option>
            {facets.actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">Action</label>
          <select id="action" name="action" defaultValue={q.action ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="">Any</option>
            {facets.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="block text-sm font-medium">Record id</label>
          <input id="entityId" name="entityId" defaultValue={q.entityId ?? ""} className="mt-1 w-64 rounded border border-slate-400 px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">Filter</button>
      </form>
      <p className="text-sm text-slate-600">{total} event{total === 1 ? "" : "s"}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">When (UTC)</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">Action</th>
              <th scope="col" className="px-3 py-2">Record</th>
              <th scope="col" className="px-3 py-2">Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="whitespace-nowrap px-3 py-2">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-3 py-2">{e.actor?.name ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2"><Link href={`/admin/audit?entityId=${encodeURIComponent(e.entityId)}`} className="text-blue-700 underline">{e.entityType} {e.entityId.slice(0, 10)}</Link></td>
                <td className="max-w-md break-words px-3 py-2 text-slate-700">{describeChanges(e.changes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={link} previous="← Newer" next="Older →" />
    </div>
  );
}
