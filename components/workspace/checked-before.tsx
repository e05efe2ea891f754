"use client";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "@/components/ui/api";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { CheckVerdict, checkFacts, checkHref, linkBody, type LinkItem, type LinkTarget, type SimilarItem } from "./claim-links";

/** Shorter queries ask nothing: three letters find too much to be worth a request per keystroke. */
export const MIN_QUERY = 3;
const MAX_QUERY = 2000;
const DEBOUNCE_MS = 300;
const LIMIT = 5;


type Lookup = { status: "loading" | "done" | "error"; query: string; items: SimilarItem[] };

/**
 * Earlier claims and imported fact-checks like `query`: the first query (the
 * selected quote) goes at once, later ones after typing pauses; each new one
 * aborts the one in flight, so answers never arrive out of order.
 */
function useSimilar(query: string, articleId: string, claimId?: string): Lookup | null {
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const first = useRef(true);
  const text = query.trim().slice(0, MAX_QUERY);
  const short = text.length < MIN_QUERY;

  useEffect(() => {
    if (short) return;
    const ctrl = new AbortController();
    const delay = first.current ? 0 : DEBOUNCE_MS;
    first.current = false;
    const timer = setTimeout(async () => {
      setLookup((l) => ({ status: "loading", query: text, items: l?.items ?? [] }));
      const params = new URLSearchParams({ text, excludeArticleId: articleId, limit: String(LIMIT) });
      if (claimId) params.set("excludeClaimId", claimId);
      const r = await api<{ items: SimilarItem[] }>("GET", `/api/claims/similar?${params}`, undefined, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      setLookup(r.ok ? { status: "done", query: text, items: r.data.items.slice(0, LIMIT) } : { status: "error", query: text, items: [] });
    }, delay);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, short, articleId, claimId]);

  return short ? null : lookup;
}

const keyOf = (t: LinkTarget) => `${t.kind}:${t.id}`;

type Props = {
  /** What to look for: the claim as typed, else the selected quote. */
  query: string;
  /** The article being annotated: its own claims are not "earlier checks". */
  articleId: string;
  /** Set when the form edits a saved claim: links are made at once. */
  claimId?: string;
  /** For a claim not saved yet: the checks to link once it is created. */
  pending: LinkTarget[];
  onPendingChange: (targets: LinkTarget[]) => void;
  /** Appends an earlier claim's sources to the form; returns how many were added. */
  onReuse: (sources: NonNullable<SimilarItem["sources"]>) => number;
};

/** The claim form's "Checked before" region: what this claim was already checked as, best first. */
export function CheckedBefore({ query, articleId, claimId, pending, onPendingChange, onReuse }: Props) {
  const lookup = useSimilar(query, articleId, claimId);
  // Links made or undone here, by item: a link id, or null once undone (else the item's own linkId counts).
  const [linked, setLinked] = useState<Record<string, string | null>>({});
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const headingId = useId();

  const linkIdOf = (item: SimilarItem) => {
    const k = keyOf(item);
    return k in linked ? linked[k] : item.linkId ?? null;
  };
  const isPending = (item: SimilarItem) => pending.some((t) => keyOf(t) === keyOf(item));

  async function unlinkSaved(item: SimilarItem, linkId: string) {
    setBusyKey(keyOf(item));
    const r = await api<void>("DELETE", `/api/claims/${claimId}/links/${linkId}`);
    setBusyKey(null);
    if (!r.ok && r.error.status !== 404) return setMessage({ tone: "error", text: r.error.message });
    setLinked((m) => ({ ...m, [keyOf(item)]: null }));
    setMessage({ tone: "success", text: `No longer linked to “${item.claimText}”.` });
  }

  async function linkSaved(item: SimilarItem) {
    setBusyKey(keyOf(item));
    const r = await api<LinkItem>("POST", `/api/claims/${claimId}/links`, linkBody(item));
    setBusyKey(null);
    if (!r.ok) return setMessage({ tone: "error", text: r.error.message });
    setLinked((m) => ({ ...m, [keyOf(item)]: r.data.id }));
    setMessage({
      tone: "success",
      text: `Linked: same claim as “${item.claimText}”.`,
      action: { label: "Undo", onClick: () => void unlinkSaved(item, r.data.id) },
    });
  }

  function toggle(item: SimilarItem) {
    if (claimId) {
      const linkId = linkIdOf(item);
      return void (linkId ? unlinkSaved(item, linkId) : linkSaved(item));
    }
    const k = keyOf(item);
    if (isPending(item)) {
      onPendingChange(pending.filter((t) => keyOf(t) !== k));
      setMessage({ tone: "info", text: `Will not be linked to “${item.claimText}”.` });
    } else {
      onPendingChange([...pending, { kind: item.kind, id: item.id }]);
      setMessage({ tone: "success", text: `Will be linked as the same claim as “${item.claimText}” when you save.` });
    }
  }

  function reuse(item: SimilarItem) {
    const sources = item.sources ?? [];
    const added = onReuse(sources);
    const plural = (n: number) => `${n} source${n === 1 ? "" : "s"}`;
    setMessage(
      added > 0
        ? { tone: "success", text: `${plural(added)} added${added < sources.length ? ` (${sources.length - added} already in the form)` : ""}.` }
        : { tone: "info", text: sources.length ? `No sources added: ${sources.length === 1 ? "it is" : "they are"} already in the form.` : "That claim has no sources." },
    );
  }

  const items = lookup?.items ?? [];
  return (
    <section aria-labelledby={headingId} aria-busy={lookup?.status === "loading" || undefined} className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 id={headingId} className="font-semibold">Checked before</h3>
      <span id={`${headingId}-new-tab`} hidden>Opens in a new tab</span>
      {!lookup ? (
        <p className="text-xs text-slate-600">Earlier claims and fact-checks like this one show here.</p>
      ) : lookup.status === "error" ? (
        <p className="text-xs text-slate-600">Earlier checks could not be looked up just now. The claim can be saved as usual.</p>
      ) : lookup.status === "loading" && items.length === 0 ? (
        <p className="text-xs text-slate-600">Looking for earlier checks…</p>
      ) : items.length === 0 ? (
        <p className="text-xs text-slate-600">No earlier checks found</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => {
            const k = keyOf(item);
            const textId = `${headingId}-${item.kind}-${item.id}`;
            const href = checkHref(item, item.id);
            const savedLink = claimId ? linkIdOf(item) : null;
            const on = claimId ? !!savedLink : isPending(item);
            const sourceCount = item.sources?.length ?? 0;
            return (
              <li key={k} className="space-y-1 rounded border border-slate-200 bg-white p-2">
                <p className="font-medium leading-snug">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" aria-describedby={`${headingId}-new-tab`} className="text-blue-700 underline">
                      <span id={textId}>{item.claimText}</span>
                    </a>
                  ) : (
                    <span id={textId}>{item.claimText}</span>
                  )}
                </p>
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
                  <CheckVerdict check={item} />
                  <span>{checkFacts(item)}</span>
                  {item.kind === "claim" && <span>{sourceCount === 1 ? "1 source" : `${sourceCount} sources`}</span>}
                </div>
                <div className="flex flex-wrap items-center gap-2 pt-1">
                  {item.kind === "claim" && sourceCount > 0 && (
                    <button type="button" aria-describedby={textId} onClick={() => reuse(item)}
                      className="rounded border border-slate-400 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-100">
                      Reuse sources
                    </button>
                  )}
                  <button type="button" aria-pressed={on} aria-describedby={textId} disabled={busyKey === k} onClick={() => toggle(item)}
                    className={`rounded border px-2 py-0.5 text-xs font-medium disabled:opacity-60 ${on ? "border-blue-800 bg-blue-800 text-white hover:bg-blue-900" : "border-slate-400 bg-white hover:bg-slate-100"}`}>
                    Same claim
                  </button>
                  {on && <span className="text-xs font-semibold text-blue-900">{claimId ? "Linked" : "Linked when saved"}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Toast message={message} onDismiss={message ? () => setMessage(null) : undefined} />
    </section>
  );
}
