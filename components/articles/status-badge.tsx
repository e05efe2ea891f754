const STYLES: Record<string, string> = {
  OPEN: "bg-sky-100 text-sky-900",
  PUBLISHED: "bg-emerald-100 text-emerald-900",
  ARCHIVED: "bg-slate-200 text-slate-800",
};
const LABELS: Record<string, string> = { OPEN: "Open", PUBLISHED: "Published", ARCHIVED: "Archived" };

export function ArticleStatusBadge({ status }: { status: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? ""}`}>{LABELS[status] ?? status}</span>;
}
