"use client";
import { useCallback, useId, useMemo, useState } from "react";
import { claimFieldsSchema } from "@/lib/claims/schema";
import { MAX_SOURCES, STANCES, STANCE_LABEL, VERDICTS, VERDICT_INFO, type Stance, type Verdict } from "@/lib/claims/constants";
import { plainFields } from "@/lib/messages";
import { zodFields } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { formatDate } from "@/components/ui/format";
import { MarkdownField } from "@/components/ui/markdown-field";
import { CheckedBefore, MIN_QUERY } from "./checked-before";
import type { LinkTarget, SimilarItem } from "./claim-links";
import { citedBefore, useSourceMemory, type SourceLookup } from "./source-memory";
import type { ClaimDto } from "./types";

type SourceDraft = { url: string; title: string; publisher: string; stance: Stance; archivedUrl: string; excerpt: string };
/** The editor's latest "request changes", kept in view while the claim is revised. */
export type RequestedChanges = { editor: string; date: string; comment: string };
export type ClaimDraft = {
  claimText: string;
  verdict: Verdict | "";
  rationale: string;
  sources: SourceDraft[];
  requestedChanges?: RequestedChanges;
  /** "Same claim" choices made before the claim exists: linked right after it is created. */
  links?: LinkTarget[];
};
export type Intent = "draft" | "submit";

const emptySource = (): SourceDraft => ({ url: "", title: "", publisher: "", stance: "SUPPORTS", archivedUrl: "", excerpt: "" });

/** The latest request for changes on a claim that still awaits them (gone once it is submitted again). */
export function requestedChanges(c: Pick<ClaimDto, "status" | "reviews">): RequestedChanges | undefined {
  if (c.status !== "CHANGES_REQUESTED") return undefined;
  const last = [...c.reviews].reverse().find((r) => r.decision === "REQUEST_CHANGES");
  return last?.comment ? { editor: last.editor.name, date: last.createdAt, comment: last.comment } : undefined;
}

export function draftFromClaim(c: ClaimDto | null): ClaimDraft {
  if (!c) return { claimText: "", verdict: "", rationale: "", sources: [] };
  return {
    claimText: c.claimText,
    verdict: c.verdict,
    rationale: c.rationale,
    sources: c.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher ?? "", stance: s.stance, archivedUrl: s.archivedUrl ?? "", excerpt: s.excerpt ?? "" })),
    requestedChanges: requestedChanges(c),
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

/** The editor's request, as a note: pinned above the claim form and shown on the claim. */
export function RequestedChangesNote({ note, sticky = false }: { note: RequestedChanges; sticky?: boolean }) {
  const headingId = useId();
  return (
    <div role="note" aria-labelledby={headingId}
      className={`rounded border border-amber-400 bg-amber-50 p-3 text-sm shadow-sm ${sticky ? "sticky top-0 z-10 max-h-48 overflow-y-auto" : ""}`}>
      <p id={headingId} className="font-semibold">Changes requested by {note.editor}</p>
      <p className="text-xs text-slate-700"><time dateTime={note.date}>{formatDate(note.date)}</time></p>
      <p className="mt-1 whitespace-pre-wrap">{note.comment}</p>
    </div>
  );
}

type Props = {
  quote: string;
  /** The article annotated: its own claims are left out of "Checked before". */
  articleId: string;
  /** The claim edited, when it is saved already ("Same claim" then links at once). */
  claimId?: string;
  initial: ClaimDraft;
  canSubmit: boolean;
  /** Field errors from the server (after a 400). */
  serverFields?: Record<string, string>;
  busy: boolean;
  onSave: (draft: ClaimDraft, intent: Intent) => void;
  onCancel: () => void;
  children?: React.ReactNode;
};

export function ClaimForm({ quote, articleId, claimId, initial, canSubmit, serverFields, busy, onSave, onCancel, children }: Props) {
  const [draft, setDraft] = useState<ClaimDraft>(initial);
  // The claim's own sources (when editing) would count themselves as "cited before".
  const [ownUrls] = useState(() => new Set(initial.sources.map((s) => s.url.trim())));
  // Source memory fills what is empty, and only that: a title or publisher the user typed stays.
  const fillKnown = useCallback((found: SourceLookup) => {
    setDraft((d) => ({
      ...d,
      sources: d.sources.map((s) =>
        s.url.trim() !== found.url ? s : { ...s, title: s.title.trim() ? s.title : found.title ?? s.title, publisher: s.publisher.trim() ? s.publisher : found.publisher ?? s.publisher },
      ),
    }));
  }, []);
  const urls = useMemo(() => draft.sources.map((s) => s.url), [draft.sources]);
  const memory = useSourceMemory(urls, fillKnown, ownUrls);
  const [clientFields, setClientFields] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const id = useId();
  // Server reasons may be fragments ("is required"); both sets read as the form names its fields.
  const errors = plainFields({ ...(serverFields ?? {}), ...clientFields });
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setSource = (i: number, patch: Partial<SourceDraft>) => setDraft((d) => ({ ...d, sources: d.sources.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const fieldId = (key: string) => `${id}-${key}`;
  // Keys the form has no control for (the quote's selector, the version) are listed without a link.
  const idFor = (key: string) => (/^(claimText|verdict|rationale|sources(\.\d+\.(url|title|publisher|archivedUrl|excerpt|stance))?)$/.test(key) ? fieldId(key === "sources" ? "add-source" : key) : undefined);
  const [seenServer, setSeenServer] = useState(serverFields);
  if (serverFields !== seenServer) {
    // A new server answer counts as a failed attempt: the summary takes focus again.
    setSeenServer(serverFields);
    if (serverFields && Object.keys(serverFields).length) setAttempt((n) => n + 1);
  }

  /** "Reuse sources": appends an earlier claim's sources, skipping URLs already here; returns how many were added. */
  function reuseSources(sources: NonNullable<SimilarItem["sources"]>): number {
    const have = new Set(draft.sources.map((s) => s.url.trim()));
    // A blank row (just added, nothing typed) gives way to the reused sources.
    const kept = draft.sources.filter((s) => s.url.trim() || s.title.trim() || s.publisher.trim() || s.archivedUrl.trim() || s.excerpt.trim());
    const fresh: SourceDraft[] = [];
    for (const s of sources) {
      if (have.has(s.url.trim()) || kept.length + fresh.length >= MAX_SOURCES) continue;
      have.add(s.url.trim());
      fresh.push({ ...emptySource(), url: s.url, title: s.title, publisher: s.publisher ?? "", stance: s.stance });
    }
    if (fresh.length || kept.length !== draft.sources.length) set("sources", [...kept, ...fresh]);
    return fresh.length;
  }

  function save(intent: Intent) {
    // The same schema the server uses, so the form refuses what the API would.
    const parsed = claimFieldsSchema.safeParse(toPayload(draft));
    if (!parsed.success) {
      setClientFields(zodFields(parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setClientFields({});
    onSave(draft, intent);
  }

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
      {draft.requestedChanges && <RequestedChangesNote note={draft.requestedChanges} sticky />}
      <ErrorSummary fields={errors} idFor={idFor} attempt={attempt} />
      <figure className="rounded border-l-4 border-blue-600 bg-blue-50 px-3 py-2 text-sm">
        <figcaption className="font-medium text-slate-700">Quote</figcaption>
        <blockquote className="mt-1 italic text-slate-900">“{quote}”</blockquote>
      </figure>
      {children}
      <TextareaField compact id={fieldId("claimText")} label="Claim" rows={2} value={draft.claimText} onChange={(e) => set("claimText", e.target.value)}
        hint="The claim restated in one sentence." error={errors.claimText} />
      <CheckedBefore
        query={draft.claimText.trim().length >= MIN_QUERY ? draft.claimText : quote}
        articleId={articleId}
        claimId={claimId}
        pending={draft.links ?? []}
        onPendingChange={(links) => set("links", links)}
        onReuse={reuseSources}
      />
      <SelectField compact id={fieldId("verdict")} label="Verdict" value={draft.verdict} onChange={(e) => set("verdict", e.target.value as Verdict)}
        hint={draft.verdict ? VERDICT_INFO[draft.verdict].description : "How accurate the claim is, on the evidence."} error={errors.verdict}>
        <option value="">Choose a verdict…</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>{VERDICT_INFO[v].label} — {VERDICT_INFO[v].description}</option>
        ))}
      </SelectField>
      <MarkdownField id={fieldId("rationale")} label="Rationale" value={draft.rationale} onChange={(v) => set("rationale", v)} error={errors.rationale}
        hint="Markdown: **bold**, _italic_, [links](https://…), lists. Preview shows it as readers will see it." />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Sources</legend>
        {draft.sources.length === 0 && <p className="text-sm text-slate-600">No sources yet.</p>}
        {draft.sources.map((s, i) => (
          <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">Source {i + 1}</legend>
            <Field compact id={fieldId(`sources.${i}.url`)} label="Source URL" type="url" value={s.url} onChange={(e) => setSource(i, { url: e.target.value })}
              onBlur={(e) => void memory.lookupNow(e.target.value)} error={errors[`sources.${i}.url`]} hint={citedBefore(memory.known[s.url.trim()]) ?? undefined} />
            <Field compact id={fieldId(`sources.${i}.title`)} label="Source title" value={s.title} onChange={(e) => setSource(i, { title: e.target.value })} error={errors[`sources.${i}.title`]} />
            <div className="grid grid-cols-2 gap-2">
              <Field compact id={fieldId(`sources.${i}.publisher`)} label="Publisher" value={s.publisher} onChange={(e) => setSource(i, { publisher: e.target.value })} error={errors[`sources.${i}.publisher`]} />
              <SelectField compact id={fieldId(`sources.${i}.stance`)} label="Stance" value={s.stance} onChange={(e) => setSource(i, { stance: e.target.value as Stance })} error={errors[`sources.${i}.stance`]}>
                {STANCES.map((st) => <option key={st} value={st}>{STANCE_LABEL[st]}</option>)}
              </SelectField>
            </div>
            <Field compact id={fieldId(`sources.${i}.archivedUrl`)} label="Archived copy URL" type="url" value={s.archivedUrl} onChange={(e) => setSource(i, { archivedUrl: e.target.value })} error={errors[`sources.${i}.archivedUrl`]} />
            <TextareaField compact id={fieldId(`sources.${i}.excerpt`)} label="Excerpt" rows={2} value={s.excerpt} onChange={(e) => setSource(i, { excerpt: e.target.value })} error={errors[`sources.${i}.excerpt`]} />
            <button type="button" onClick={() => setDraft((d) => ({ ...d, sources: d.sources.filter((_, j) => j !== i) }))}
              className="text-sm text-red-700 underline">Remove source {i + 1}</button>
          </fieldset>
        ))}
        {errors.sources && <p id={`${fieldId("sources")}-error`} className="text-sm text-red-700">{errors.sources}</p>}
        <Button tone="secondary" id={fieldId("add-source")} className="!px-3 !py-1 text-sm" aria-describedby={errors.sources ? `${fieldId("sources")}-error` : undefined}
          onClick={() => {
            set("sources", [...draft.sources, emptySource()]);
            setTimeout(() => document.getElementById(fieldId(`sources.${draft.sources.length}.url`))?.focus(), 0);
          }}>
          Add source
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
        <button type="submit" disabled={busy} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 disabled:opacity-60">Save draft</button>
        {canSubmit && (
          <Button disabled={busy} onClick={() => save("submit")} className="!px-3 text-sm font-semibold">
            Submit for review
          </Button>
        )}
        <button type="button" onClick={onCancel} className="rounded px-3 py-1.5 text-sm text-slate-700 underline">Cancel</button>
      </div>
    </form>
  );
}
