"use client";
import { useState } from "react";
import { CLAIM_STATUSES, CLAIM_STATUS_LABEL, VERDICTS, VERDICT_INFO } from "@/lib/claims/constants";
import { VerdictBadge } from "./verdict-badge";
import type { ClaimSummaryDto } from "./types";

export type Filters = { mine: boolean; status: string; verdict: string };

type Props = {
  claims: ClaimSummaryDto[];
  total: number;
  filters: Filters;
  selectedId: string | null;
  onFilters: (f: Filters) => void;
  onOpen: (id: string) => void;
  /** Each anchored claim's number in the article (as on its highlight's chip), whatever the filters show. */
  numbers?: ReadonlyMap<string, number>;
};

function ClaimItem({ c, n, selected, onOpen }: { c: ClaimSummaryDto; n?: number; selected: boolean; onOpen: (id: string) => void }) {
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(c.id)}
        aria-current={selected ? "true" : undefined}
        className={`w-full rounded border p-2 text-left hover:bg-slate-50 ${selected ? "border-blue-600 bg-blue-50" : "border-slate-200"}`}
      >
        <span className="block font-medium leading-snug">{c.claimText}</span>
        <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700">
          {n !== undefined && <span className="font-semibold"><span className="sr-only">Claim </span>{n} ·</span>}
          <VerdictBadge verdict={c.verdict} />
          <span>{CLAIM_STATUS_LABEL[c.status]}</span>
          <span>· {c.author.name}</span>
          <span>· {c.sourceCount} source{c.sourceCount === 1 ? "" : "s"}</span>
          {c.anchorStatus === "FUZZY" && <span className="text-amber-800">· text changed</span>}
        </span>
      </button>
    </li>
  );
}

// Long lists render in pages: an article can carry a thousand claims, and the
// first paint should not pay for all of them.
const PAGE = 50;

export function ClaimPanel({ claims, total, filters, selectedId, onFilters, onOpen, numbers }: Props) {
  const [shown, setShown] = useState(PAGE);
  const anchored = claims.filter((c) => c.anchorStatus !== "ORPHANED");
  const orphaned = claims.filter((c) => c.anchorStatus === "ORPHANED");
  return (
    <div className="space-y-4 text-sm">
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Filter claims</legend>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filters.mine} onChange={(e) => onFilters({ ...filters, mine: e.target.checked })} />
          Mine
        </label>
        <div>
          <label htmlFor="filter-status" className="block text-xs font-medium">Status</label>
          <select id="filter-status" value={filters.status} onChange={(e) => onFilters({ ...filters, status: e.target.value })} className="rounded border border-slate-400 px-1 py-0.5">
            <option value="">Any</option>
            {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{CLAIM_STATUS_LABEL[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-verdict" className="block text-xs font-medium">Verdict filter</label>
          <select id="filter-verdict" value={filters.verdict} onChange={(e) => onFilters({ ...filters, verdict: e.target.value })} className="rounded border border-slate-400 px-1 py-0.5">
            <option value="">Any</option>
            {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_INFO[v].label}</option>)}
          </select>
        </div>
      </fieldset>
      <p className="text-slate-600" aria-live="polite">{claims.length === total ? `${total} claim${total === 1 ? "" : "s"}` : `${claims.length} of ${total} claims`}</p>
      {anchored.length > 0 ? (
        <ul className="space-y-2" aria-label="Claims in text order">
          {anchored.slice(0, shown).map((c) => <ClaimItem key={c.id} c={c} n={numbers?.get(c.id)} selected={c.id === selectedId} onOpen={onOpen} />)}
        </ul>
      ) : null}
      {anchored.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE * 4)} className="w-full rounded border border-slate-300 py-1 hover:bg-slate-50">
          Show more claims ({anchored.length - shown} more)
        </button>
      )}
      {anchored.length === 0 && (
        <p className="text-slate-600">{total === 0 ? "No claims yet. Select words in the article to make one." : "No claims match the filters."}</p>
      )}
      {orphaned.length > 0 && (
        <section aria-labelledby="orphaned-heading" className="rounded border border-amber-300 bg-amber-50 p-2">
          <h3 id="orphaned-heading" className="font-semibold">Orphaned claims ({orphaned.length})</h3>
          <p className="mb-2 text-xs text-slate-700">Their words are no longer in the article. Open one to re-attach it to new text.</p>
          <ul className="space-y-2">
            {orphaned.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onOpen(c.id)} className="w-full rounded border border-amber-300 bg-white p-2 text-left">
                  <span className="block italic">“{c.selector.exact}”</span>
                  <span className="block text-xs">{c.claimText} · {c.author.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
