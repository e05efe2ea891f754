import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listImportJobs } from "@/lib/imports/data";
import { ImportPanel } from "@/components/imports/import-panel";

export const metadata: Metadata = { title: "Import articles" };

const STATUS = { QUEUED: "Queued", RUNNING: "Running", SUCCEEDED: "Finished", PARTIAL: "Finished with failures", FAILED: "Failed" } as const;
const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  await requirePermission("import:run", "/admin/import");
  const { job } = await searchParams;
  const recent = await listImportJobs(10);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Import articles</h1>
        <p className="mt-1 text-slate-700">
          Upload files, paste an article, or fetch a page or a feed. Imports run in the background; duplicates (same source URL or same text) are reported, not stored twice.
        </p>
      </div>
      {/* Keyed by the job in the address: following a "Recent imports" link switches the panel to that job. */}
      <ImportPanel key={job ?? ""} initialJobId={typeof job === "string" && job ? job : null} />
      {recent.length > 0 && (
        <section aria-labelledby="recent-imports-heading">
          <h2 id="recent-imports-heading" className="text-lg font-semibold">Recent imports</h2>
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2">Import</th>
                  <th scope="col" className="px-4 py-2">By</th>
                  <th scope="col" className="px-4 py-2">Queued (UTC)</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2">Imported</th>
                  <th scope="col" className="px-4 py-2">Duplicates</th>
                  <th scope="col" className="px-4 py-2">Failed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {recent.map((j) => (
                  <tr key={j.id}>
                    <td className="max-w-md truncate px-4 py-2">
                      <Link href={`/admin/import?job=${j.id}`} className="text-blue-700 hover:underline">{j.label || j.kind}</Link>
                    </td>
                    <td className="px-4 py-2">{j.createdBy?.name ?? "Command line"}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{when.format(j.createdAt)}</td>
                    <td className="px-4 py-2">{STATUS[j.status]}</td>
                    <td className="px-4 py-2">{j.imported}</td>
                    <td className="px-4 py-2">{j.duplicates}</td>
                    <td className="px-4 py-2">{j.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
