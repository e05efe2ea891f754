import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { auditQuerySchema } from "@/lib/audit/schema";
import { auditFacets, listAuditEvents } from "@/lib/audit/data";
import { describeChanges } from "@/components/ui/describe-change";
import { Pagination } from "@/components/ui/pagination";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filters";
import { Cell, Table } from "@/components/ui/table";
import { formatTimestamp } from "@/components/ui/format";

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
      <FilterForm action="/admin/audit" label="Filter the audit log">
        <FilterSelect name="actorId" label="User" value={q.actorId} anyLabel="Anyone" options={facets.actors.map((a) => ({ value: a.id, label: a.name }))} />
        <FilterSelect name="action" label="Action" value={q.action} anyLabel="Any" options={facets.actions.map((a) => ({ value: a, label: a }))} />
        <FilterInput name="entityId" label="Record id" value={q.entityId} className="w-64" />
      </FilterForm>
      <p className="text-sm text-slate-600">{total} event{total === 1 ? "" : "s"}</p>
      <Table caption="Audit events, newest first" columns={["When (UTC)", "Who", "Action", "Record", "Changes"]}>
        {items.map((e) => (
          <tr key={e.id} className="align-top">
            <Cell className="whitespace-nowrap">{formatTimestamp(e.createdAt, "second")}</Cell>
            <Cell>{e.actor?.name ?? "—"}</Cell>
            <Cell className="font-mono text-xs">{e.action}</Cell>
            <Cell><Link href={`/admin/audit?entityId=${encodeURIComponent(e.entityId)}`} className="text-blue-700 underline">{e.entityType} {e.entityId.slice(0, 10)}</Link></Cell>
            <Cell className="max-w-md break-words text-slate-700">{describeChanges(e.changes)}</Cell>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pages={pages} href={link} previous="← Newer" next="Older →" />
    </div>
  );
}
