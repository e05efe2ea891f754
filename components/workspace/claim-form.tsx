"use client";
import { useId, useState } from "react";
import { claimFieldsSchema } from "@/lib/claims/schema";
import { STANCES, STANCE_LABEL, VERDICTS, VERDICT_INFO, type Stance, type Verdict } from "@/lib/claims/constants";
import { zodFields } from "@/lib/validation";
import type { ClaimDto } from "./types";

type SourceDraft = { url: string; title: string; publisher: string; stance: Stance; archivedUrl: string; excerpt: string };
export type ClaimDraft = { claimText: string; verdict: Verdict | ""; rationale: string; sources: SourceDraft[] };
export type Intent = "draft" | "submit";

const emptySource = (): SourceDraft => ({ url: "", title: "", publisher: "", stance: "SUPPORTS", archivedUrl: "", excerpt: "" });

export function draftFromClaim(c: ClaimDto | null): ClaimDraft {
  if (!c) return { claimText: "", verdict: "", rationale: "", sources: [] };
  return {
    claimText: c.claimText,
    verdict: c.verdict,
    rationale: c.rationale,
    sources: c.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher ?? "", stance: s.stance, archivedUrl: s.archivedUrl ?? "", excerpt: s.excerpt ?? "" })),
  };
}

/** What the API takes: the same shape the shared zod schema validates. */
export function toPayload(d: ClaimDraft) {
  return {
    claimText: d.claimText,
    verdict: d.verdict,
    rationale: d.rationale,
    sources: d.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher || null, stance: s.stance, archivedUrl: s.archivedUrl || null, excerpt: s.excerpt || null })),
  };
}

type Props = {
  quote: string;
  initial: ClaimDraft;
  canSubmit: boolean;
  /** Field errors from the server (after a 400). */
  serverFields?: Record<string, string>;
  busy: boolean;
  onSave: (draft: ClaimDraft, intent: Intent) => void;
  onCancel: () => void;
  children?: React.ReactNode;
};

export function ClaimForm({ quote, initial, canSubmit, serverFields, busy, onSave, onCancel, children }: Props) {
  const [draft, setDraft] = useState<ClaimDraft>(initial);
  const [clientFields, setClientFields] = useState<Record<string, string>>({});
  const id = useId();
  const errors = { ...(serverFields ?? {}), ...clientFields };
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setSource = (i: number, patch: Partial<SourceDraft>) => setDraft((d) => ({ ...d, sources: d.sources.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  function save(intent: Intent) {
    // The same schema the server uses, so the form refuses what the API would.
    const parsed = claimFieldsSchema.safeParse(toPayload(draft));
    if (!parsed.success) {
      const fields = zodFields(parsed.error);
      setClientFields(fields);
      const first = Object.keys(fields)[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setClientFields({});
    onSave(draft, intent);
  }

  const err = (key: string) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="mt-1 text-sm text-red-700">{errors[key]}</p>
    ) : null;
  const described = (key: string, extra?: string) => [errors[key] ? `${id}-${key}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;
  const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm";

  return (
    <form
      aria-label="Claim form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save("draft");
      }}
      noValidate
    >
      <figure className="rounded border-l-4 border-blue-600 bg-blue-50 px-3 py-2 text-sm">
        <figcaption className="font-medium text-slate-700">Quote</figcaption>
        <blockquote className="mt-1 italic text-slate-900">“{quote}”</blockquote>
      </figure>
      {children}
      <div>
        <label htmlFor={`${id}-claimText`} className="block text-sm font-medium">Claim</label>
        <textarea id={`${id}-claimText`} rows={2} value={draft.claimText} onChange={(e) => set("claimText", e.target.value)}
          aria-invalid={!!errors.claimText} aria-describedby={described("claimText", `${id}-claim-hint`)} className={input} />
        <p id={`${id}-claim-hint`} className="mt-1 text-xs text-slate-600">The claim restated in one sentence.</p>
        {err("claimText")}
      </div>
      <div>
        <label htmlFor={`${id}-verdict`} className="block text-sm font-medium">Verdict</label>
        <select id={`${id}-verdict`} value={draft.verdict} onChange={(e) => set("verdict", e.target.value as Verdict)}
          aria-invalid={!!errors.verdict} aria-describedby={described("verdict", `${id}-verdict-hint`)} className={input}>
          <option value="">Choose a verdict…</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>{VERDICT_INFO[v].label} — {VERDICT_INFO[v].description}</option>
          ))}
        </select>
        <p id={`${id}-verdict-hint`} className="mt-1 text-xs text-slate-600">{draft.verdict ? VERDICT_INFO[draft.verdict].description : "How accurate the claim is, on the evidence."}</p>
        {err("verdict")}
      </div>
      <div>
        <label htmlFor={`${id}-rationale`} className="block text-sm font-medium">Rationale</label>
        <textarea id={`${id}-rationale`} rows={5} value={draft.rationale} onChange={(e) => set("rationale", e.target.value)}
          aria-invalid={!!errors.rationale} aria-describedby={described("rationale", `${id}-rationale-hint`)} className={input} />
        <p id={`${id}-rationale-hint`} className="mt-1 text-xs text-slate-600">Markdown: **bold**, _italic_, [links](https://…), lists.</p>
        {err("rationale")}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Sources</legend>
        {draft.sources.length === 0 && <p className="text-sm text-slate-600">No sources yet.</p>}
        {draft.sources.map((s, i) => (
          <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">Source {i + 1}</legend>
            <div>
              <label htmlFor={`${id}-sources.${i}.url`} className="block text-sm">Source URL</label>
              <input id={`${id}-sources.${i}.url`} type="url" value={s.url} onChange={(e) => setSource(i, { url: e.target.value })}
                aria-invalid={!!errors[`sources.${i}.url`]} aria-describedby={described(`sources.${i}.url`)} className={input} />
              {err(`sources.${i}.url`)}
            </div>
            <div>
              <label htmlFor={`${id}-sources.${i}.title`} className="block text-sm">Source title</label>
              <input id={`${id}-sources.${i}.title`} value={s.title} onChange={(e) => setSource(i, { title: e.target.value })}
                aria-invalid={!!errors[`sources.${i}.title`]} aria-describedby={described(`sources.${i}.title`)} className={input} />
              {err(`sources.${i}.title`)}
            </div>
            <div className="grid grid-cols-2 gap-2">
              <div>
                <label htmlFor={`${id}-sources.${i}.publisher`} className="block text-sm">Publisher</label>
                <input id={`${id}-sources.${i}.publisher`} value={s.publisher} onChange={(e) => setSource(i, { publisher: e.target.value })} className={input} />
              </div>
              <div>
                <label htmlFor={`${id}-sources.${i}.stance`} className="block text-sm">Stance</label>
                <select id={`${id}-sources.${i}.stance`} value={s.stance} onChange={(e) => setSource(i, { stance: e.target.value as Stance })} className={input}>
                  {STANCES.map((st) => <option key={st} value={st}>{STANCE_LABEL[st]}</option>)}
                </select>
              </div>
            </div>
            <div>
              <label htmlFor={`${id}-sources.${i}.archivedUrl`} className="block text-sm">Archived copy URL</label>
              <input id={`${id}-sources.${i}.archivedUrl`} type="url" value={s.archivedUrl} onChange={(e) => setSource(i, { archivedUrl: e.target.value })}
                aria-invalid={!!errors[`sources.${i}.archivedUrl`]} aria-describedby={described(`sources.${i}.archivedUrl`)} className={input} />
              {err(`sources.${i}.archivedUrl`)}
            </div>
            <div>
              <label htmlFor={`${id}-sources.${i}.excerpt`} className="block text-sm">Excerpt</label>
              <textarea id={`${id}-sources.${i}.excerpt`} rows={2} value={s.excerpt} onChange={(e) => setSource(i, { excerpt: e.target.value })} className={input} />
            </div>
            <button type="button" onClick={() => setDraft((d) => ({ ...d, sources: d.sources.filter((_, j) => j !== i) }))}
              className="text-sm text-red-700 underline">Remove source {i + 1}</button>
          </fieldset>
        ))}
        {err("sources")}
        <button type="button" onClick={() => {
          set("sources", [...draft.sources, emptySource()]);
          setTimeout(() => document.getElementById(`${id}-sources.${draft.sources.length}.url`)?.focus(), 0);
        }} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
          Add source
        </button>
      </fieldset>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          Check the highlighted fields: {Object.entries(errors).map(([k, v]) => `${k} ${v}`).join("; ")}.
        </p>
      )}
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        <button type="submit" disabled={busy} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 disabled:opacity-60">Save draft</button>
        {canSubmit && (
          <button type="button" disabled={busy} onClick={() => save("submit")} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
            Submit for review
          </button>
        )}
        <button type="button" onClick={onCancel} className="rounded px-3 py-1.5 text-sm text-slate-700 underline">Cancel</button>
      </div>
    </form>
  );
}
