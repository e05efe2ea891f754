"use client";
// The reader's "Suggestions": what the ranker thinks is worth checking, best first,
// with why. "Create claim" opens the claim form on exactly that span (as selecting
// it and choosing "New claim" would); "Dismiss" hides it for everyone.
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import type { SuggestionDto } from "@/lib/suggestions/schema";
import { Alert } from "@/components/ui/alert";
import { api, type ApiError } from "@/components/ui/api";
import { useLiveEvents } from "@/components/live/live-provider";
import { excerpt } from "./highlight-layout";
import { SUGGESTION_MARK_CSS, useSuggestionMarks } from "./suggestion-marks";

type Props = {
  articleId: string;
  /** The article's claims: a suggestion whose exact span is claimed already is not listed again. */
  claims: ReadonlyArray<{ selector: { start: number; end: number } }>;
  canAct: boolean;
  onCreateClaim: (span: { start: number; end: number }) => void;
};

/** Shown beside each suggestion: the model's score is a ranking, not a probability; a percentage reads easily. */
export const scoreLabel = (score: number) => `${Math.round(score * 100)}%`;

const LIVE_TYPES = new Set(["suggestion.dismissed", "suggestions.changed"]);

export function SuggestionsPanel({ articleId, claims, canAct, onCreateClaim }: Props) {
  const headingId = useId();
  const toggleId = useId();
  const [items, setItems] = useState<SuggestionDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [show, setShow] = useState(true);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api<{ items: SuggestionDto[] }>("GET", `/api/articles/${encodeURIComponent(articleId)}/suggestions`).then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.data.items);
        setLoadError(null);
      } else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [articleId, reload]);

  // Someone else dismissed one, or a revision re-ranked the text: read the list again.
  useLiveEvents((e) => {
    if (LIVE_TYPES.has(e.type) && (e.articleId === articleId || e.id === articleId)) setReload((n) => n + 1);
  }, [articleId]);

  const claimed = useMemo(() => new Set(claims.map((c) => `${c.selector.start}:${c.selector.end}`)), [claims]);
  const listed = useMemo(() => (items ?? []).filter((s) => !claimed.has(`${s.selector.start}:${s.selector.end}`)), [items, claimed]);
  const spans = useMemo(() => listed.map((s) => s.selector), [listed]);
  useSuggestionMarks(spans, show);

  const dismiss = useCallback(
    async (s: SuggestionDto) => {
      setError(null);
      // Optimistic: gone at once, back in its place if the server says no.
      setItems((list) => list?.filter((x) => x.id !== s.id) ?? list);
      const r = await api<void>("POST", `/api/articles/${encodeURIComponent(articleId)}/suggestions/${encodeURIComponent(s.id)}/dismiss`);
      if (!r.ok) {
        setError(r.error);
        setItems((list) => (list && !list.some((x) => x.id === s.id) ? [...list, s].sort((a, b) => b.score - a.score || a.selector.start - b.selector.start) : list));
      }
    },
    [articleId],
  );

  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-slate-200 pt-4">
      <style>{SUGGESTION_MARK_CSS}</style>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">Suggestions</h2>
        <label htmlFor={toggleId} className="flex items-center gap-2 text-sm">
          <input id={toggleId} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          Show suggestions
        </label>
      </div>
      <p className="mb-3 text-sm text-slate-600">Passages worth checking, ranked by Verity (dotted underline in the text).</p>
      {error && <Alert tone="error" className="mb-3">The suggestion could not be dismissed: {error.message}</Alert>}
      {loadError && <Alert tone="error" className="mb-3">The suggestions could not be loaded: {loadError}</Alert>}
      {items === null && !loadError && <p className="text-sm text-slate-600">Loading suggestions…</p>}
      {items !== null && listed.length === 0 && <p className="text-sm text-slate-600">No open suggestions.</p>}
      {listed.length > 0 && (
        <ol className="space-y-3">
          {listed.map((s) => (
            <li key={s.id} data-suggestion-id={s.id} className="rounded border border-slate-200 p-3 text-sm">
              <p>
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-800">
                  <span className="sr-only">Score </span>{scoreLabel(s.score)}
                </span>
                {s.scope === "phrase" && <span className="mr-1 text-slate-600">Phrase:</span>}
                <q>{excerpt(s.selector.exact, 160)}</q>
              </p>
              {s.reasons.length > 0 && (
                <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-slate-700" aria-label="Reasons">
                  {s.reasons.map((r, i) => (
                    <li key={`${r.kind}-${r.start}-${i}`}>
                      <span className="font-medium">{r.label}</span>
                      {r.phrase && <>: “{excerpt(r.phrase, 40)}”</>}
                    </li>
                  ))}
                </ul>
              )}
              {canAct && (
                <div className="mt-2 flex gap-2">
                  <button type="button" className="rounded bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800" onClick={() => onCreateClaim({ start: s.selector.start, end: s.selector.end })}>
                    Create claim
                  </button>
                  <button type="button" className="rounded border border-slate-400 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100" onClick={() => void dismiss(s)}>
                    Dismiss
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
