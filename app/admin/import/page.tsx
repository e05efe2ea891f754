import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { listImportJobs } from "@/lib/imports/data";
import { ImportPanel } from "@/components/imports/import-panel";
import { Cell, Table } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Import articles" };

const STATUS = { QUEUED: "Queued", RUNNING: "Running", SUCCEEDED: "Finished", PARTIAL: "Finished with failures", FAILED: "Failed" } as const;

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  await requirePermission("import:run", "/admin/import");
  const { job } = await searchParams;
  const recent = await listImportJobs(10);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Import articles</h1>
        <p className="mt-1 text-slate-700">
          Upload files, paste an article, or fetch a page or a feed. Past fact-checks come in as schema.org ClaimReview JSON (a file, or a fact-check page&apos;s markup).
          Imports run in the background; duplicates (same source URL or same text; for fact-checks, same URL) are reported, not stored twice.
        </p>
      </div>
      {/* Not keyed by the job: the panel follows the address itself ("Recent imports" links), so queueing a job does not remount it. */}
      <ImportPanel initialJobId={typeof job === "string" && job ? job : null} />
      {recent.length > 0 && (
        <section aria-labelledby="recent-imports-heading">
          <h2 id="recent-imports-heading" className="text-lg font-semibold">Recent imports</h2>
          <Table className="mt-2" caption="Recent imports, newest first" columns={["Import", "By", "Queued", "Status", "Imported", "Duplicates", "Failed"]}>
            {recent.map((j) => (
              <tr key={j.id}>
                <Cell className="max-w-md truncate">
                  <Link href={`/admin/import?job=${j.id}`} className="text-blue-700 hover:underline">{j.label || j.kind}</Link>
                </Cell>
                <Cell>{j.createdBy?.name ?? "Command line"}</Cell>
                <Cell className="whitespace-nowrap">{formatDateTime(j.createdAt)}</Cell>
                <Cell>{STATUS[j.status]}</Cell>
                <Cell>{j.imported}</Cell>
                <Cell>{j.duplicates}</Cell>
                <Cell>{j.failed}</Cell>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </div>
  );
}
