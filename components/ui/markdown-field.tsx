"use client";
import { useId, useRef, useState } from "react";
import { Markdown } from "./markdown";

// A labelled Markdown textarea with "Write" and "Preview" tabs (WAI-ARIA tabs:
// arrows, Home and End move between them; the selected one is the tab stop).
// The tabs come after the text box, so Tab goes label → text → tabs, and
// Preview renders exactly what readers will see (components/ui/markdown.tsx).

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The textarea's id (to focus it, or link to it from an ErrorSummary). */
  id?: string;
  hint?: React.ReactNode;
  error?: string;
  rows?: number;
  className?: string;
};

const TABS = ["Write", "Preview"] as const;
type Tab = (typeof TABS)[number];

export function MarkdownField({ label, value, onChange, id, hint, error, rows = 5, className }: Props) {
  const base = useId();
  const inputId = id ?? `${base}-input`;
  const [tab, setTab] = useState<Tab>("Write");
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ Write: null, Preview: null });
  const describedBy = [error ? `${inputId}-error` : "", hint ? `${inputId}-hint` : ""].filter(Boolean).join(" ") || undefined;

  function onKeyDown(e: React.KeyboardEvent) {
    const i = TABS.indexOf(tab);
    const next = e.key === "ArrowRight" ? TABS[(i + 1) % TABS.length] : e.key === "ArrowLeft" ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === "Home" ? TABS[0] : e.key === "End" ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">{label}</label>
      <div id={`${base}-panel-Write`} role="tabpanel" aria-labelledby={`${base}-tab-Write`} hidden={tab !== "Write"}>
        <textarea id={inputId} rows={rows} value={value} onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy}
          className={`mt-1 w-full rounded border px-2 py-1.5 text-sm ${error ? "border-red-700" : "border-slate-400"}`} />
      </div>
      <div id={`${base}-panel-Preview`} role="tabpanel" aria-labelledby={`${base}-tab-Preview`} hidden={tab !== "Preview"} tabIndex={0}
        className="mt-1 min-h-24 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
        {tab === "Preview" && (value.trim() ? <Markdown>{value}</Markdown> : <p className="text-slate-600">Nothing to preview yet.</p>)}
      </div>
      <div role="tablist" aria-label="Write or preview" className="mt-1 flex gap-1 text-sm" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button key={t} ref={(el) => { tabRefs.current[t] = el; }} type="button" role="tab" id={`${base}-tab-${t}`}
            aria-selected={tab === t} aria-controls={`${base}-panel-${t}`} tabIndex={tab === t ? 0 : -1} onClick={() => setTab(t)}
            className={`rounded-b border-x border-b px-3 py-0.5 ${tab === t ? "border-slate-400 bg-white font-semibold text-slate-900" : "border-transparent text-slate-700 hover:bg-slate-100"}`}>
            {t}
          </button>
        ))}
      </div>
      {hint && <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
