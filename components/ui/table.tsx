// A server-rendered table frame: the bordered, scrolling box, a caption for
// screen readers, column headers. Rows are the page's own (<tr> with Cell).
// No hooks, so list pages render it on the server; the client-side table with
// paging and a search box is data-table.tsx.

export type TableColumn = string | { label: string; srOnly?: boolean };

export const CELL = "px-4 py-2";

export function Table({ caption, columns, children, className = "" }: { caption: string; columns: TableColumn[]; children: React.ReactNode; className?: string }) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((c) => {
              const col = typeof c === "string" ? { label: c } : c;
              return <th key={col.label} scope="col" className={CELL}>{col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}</th>;
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** One cell; extra classes for alignment, wrapping or type. */
export function Cell({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <td className={`${CELL} ${className}`}>{children}</td>;
}

/** What a list says when nothing matches its filters. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}
