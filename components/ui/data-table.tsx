"use client";
import { Fragment, useId, useState } from "react";

// A plain data table: a caption for screen readers, column headers, the first
// column as each row's header, an empty state, optional rows under a row (an
// inline form), and paging on the client when `pageSize` is set. No domain knowledge.

export type Column<T> = {
  /** The header text; `srOnly` hides it visually (an actions column). */
  header: string;
  srOnly?: boolean;
  cell: (row: T) => React.ReactNode;
  className?: string;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Attributes for a row's <tr> (e.g. data-* for tests). */
  rowProps?: (row: T) => React.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** A full-width row under a row (e.g. an inline form), when it returns something. */
  below?: (row: T) => React.ReactNode;
  empty?: React.ReactNode;
  pageSize?: number;
  /** A search box above the table: rows for which `matches` is false are hidden. */
  filter?: { label: string; matches: (row: T, query: string) => boolean };
};

const CELL = "px-4 py-2";

export function DataTable<T>({ caption, columns, rows, rowKey, rowProps, below, empty, pageSize, filter }: Props<T>) {
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState("");
  const filterId = useId();
  if (rows.length === 0 && empty) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">{empty}</p>;
  const q = query.trim().toLowerCase();
  const matching = filter && q ? rows.filter((r) => filter.matches(r, q)) : rows;
  const pages = pageSize ? Math.max(1, Math.ceil(matching.length / pageSize)) : 1;
  const current = Math.min(page, pages);
  const shown = pageSize ? matching.slice((current - 1) * pageSize, current * pageSize) : matching;
  return (
    <div className="space-y-2">
      {filter && (
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <div>
            <label htmlFor={filterId} className="block font-medium">{filter.label}</label>
            <input id={filterId} type="search" value={query} onChange={(e) => { setQuery(e.target.value); setPage(1); }}
              className="mt-1 w-64 rounded border border-slate-400 px-2 py-1" />
          </div>
          <p role="status" className="pb-1 text-slate-600">{q ? `${matching.length} of ${rows.length} shown` : ""}</p>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className={CELL}>{c.srOnly ? <span className="sr-only">{c.header}</span> : c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => {
              const extra = below?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <tr {...rowProps?.(row)}>
                    {columns.map((c, i) =>
                      i === 0 ? (
                        <th key={i} scope="row" className={`${CELL} font-medium ${c.className ?? ""}`}>{c.cell(row)}</th>
                      ) : (
                        <td key={i} className={`${CELL} ${c.className ?? ""}`}>{c.cell(row)}</td>
                      ),
                    )}
                  </tr>
                  {extra && (
                    <tr>
                      <td colSpan={columns.length} className="p-0">{extra}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={`${caption} pages`} className="flex items-center gap-3 text-sm">
          <button type="button" disabled={current <= 1} onClick={() => setPage(current - 1)} className="text-blue-700 hover:underline disabled:text-slate-500 disabled:no-underline">← Previous</button>
          <span>Page {current} of {pages}</span>
          <button type="button" disabled={current >= pages} onClick={() => setPage(current + 1)} className="text-blue-700 hover:underline disabled:text-slate-500 disabled:no-underline">Next →</button>
        </nav>
      )}
    </div>
  );
}

/** A small rounded label in a table cell ("Active", "Revoked"). */
export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "success" | "warning" | "danger"; children: React.ReactNode }) {
  const styles = { neutral: "bg-slate-200 text-slate-800", success: "bg-green-100 text-green-900", warning: "bg-amber-100 text-amber-900", danger: "bg-red-100 text-red-900" } as const;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${styles[tone]}`}>{children}</span>;
}
