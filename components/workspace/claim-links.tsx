"use client";
import { useEffect, useId, useState } from "react";
import { CLAIM_STATUS_LABEL, VERDICT_INFO, type ClaimStatus, type Stance, type Verdict } from "@/lib/claims/constants";
import { api } from "@/components/ui/api";
import { formatDate } from "@/components/ui/format";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { VerdictBadge } from "./verdict-badge";

/** What "Same claim" may point at: an earlier claim or an imported fact-check. */
export type LinkTarget = { kind: "claim" | "factcheck"; id: string };

/** The fields an earlier check shows, whether it comes from GET /api/claims/similar or GET /api/claims/:id/links. */
export type EarlierCheck = {
  kind: "claim" | "factcheck";
  claimText: string;
  /** Verity's verdict; null for a fact-check whose rating could not be mapped. */
  verdict: Verdict | null;
  /** A fact-check's own rating, as its publisher wrote it. */
  rating?: string | null;
  status?: ClaimStatus | null;
  publisher?: string | null;
  url?: string | null;
  articleId?: string | null;
  articleTitle?: string | null;
  date: string;
};

export type SimilarItem = EarlierCheck & {
  id: string;
  score: number;
  sources?: Array<{ url: string; title: string; publisher: string | null; stance: Stance }>;
  linkId?: string | null;
};

export type LinkItem = EarlierCheck & { id: string; targetId: string; createdBy: { id: string; name: string } | null; createdAt: string };

export const linkBody = (t: LinkTarget) => (t.kind === "claim" ? { claimId: t.id } : { factCheckId: t.id });

/** A verdict badge; a fact-check Verity could not map shows its publisher's own words, marked "unmapped". */
export function CheckVerdict({ check }: { check: Pick<EarlierCheck, "kind" | "verdict" | "rating"> }) {
  if (check.verdict) {
    return (
      <span className="inline-flex flex-wrap items-center gap-1">
        <VerdictBadge verdict={check.verdict} />
        {check.kind === "factcheck" && check.rating && check.rating.toLowerCase() !== VERDICT_INFO[check.verdict].label.toLowerCase() && (
          <span className="text-xs text-slate-700">(rated “{check.rating}”)</span>
        )}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs">
      <span className="rounded border border-slate-400 px-1.5 py-0.5 font-semibold text-slate-800">{check.rating || "No rating"}</span>
      <span className="text-slate-700">unmapped</span>
    </span>
  );
}

/** Where an earlier check lives: a claim in Verity's workspace, or a fact-check's own page (a new tab either way, so a draft is never lost). */
export function checkHref(check: Pick<EarlierCheck, "kind" | "url" | "articleId">, id: string): string | null {
  // Imported data: only a web address becomes a link.
  if (check.kind === "factcheck") return check.url && /^https?:\/\//i.test(check.url) ? check.url : null;
  return check.articleId ? `/articles/${check.articleId}?claim=${encodeURIComponent(id)}` : null;
}

/** "Approved · Daily Planet · 3 May 2026": status for claims, publisher for fact-checks, then the date. */
export function checkFacts(check: EarlierCheck): string {
  const parts: string[] = [];
  if (check.kind === "claim") {
    if (check.status) parts.push(CLAIM_STATUS_LABEL[check.status]);
    if (check.articleTitle) parts.push(check.articleTitle);
  } else {
    parts.push(check.publisher || "Fact-check");
  }
  parts.push(formatDate(check.date));
  return parts.join(" · ");
}

type Props = { claimId: string; canLink: boolean };

/** "Same claim as" links of a claim, both directions, in the claim detail panel. */
export function ClaimLinks({ claimId, canLink }: Props) {
  const [items, setItems] = useState<LinkItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    void api<{ items: LinkItem[] }>("GET", `/api/claims/${claimId}/links`).then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.data.items);
        setFailed(false);
      } else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [claimId]);

  async function unlink(item: LinkItem) {
    setBusyId(item.id);
    const r = await api<void>("DELETE", `/api/claims/${claimId}/links/${item.id}`);
    setBusyId(null);
    if (!r.ok && r.error.status !== 404) return setMessage({ tone: "error", text: r.error.message });
    setItems((list) => (list ? list.filter((x) => x.id !== item.id) : list));
    setMessage({ tone: "success", text: `Unlinked “${item.claimText}”.` });
  }

  // Nothing to say until there is a link: most claims have none, and the panel is busy enough.
  if (!failed && (!items || items.length === 0) && !message) return null;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId} className="font-semibold">Same claim</h4>
      <span id={`${headingId}-new-tab`} hidden>Opens in a new tab</span>
      {failed && <p className="text-slate-600">Links to earlier checks could not be loaded.</p>}
      {items && items.length > 0 && (
        <ul className="mt-1 space-y-2">
          {items.map((item) => {
            const href = checkHref(item, item.targetId);
            const textId = `${headingId}-${item.id}`;
            const where = item.kind === "claim" ? item.articleTitle : item.publisher;
            const verdict = item.verdict ? VERDICT_INFO[item.verdict].label : `${item.rating || "no rating"}, unmapped`;
            return (
              <li key={item.id} className="space-y-1 rounded border border-slate-200 p-2">
                <p>
                  Same claim as:{" "}
                  <span id={textId}>
                    {href ? (
                      <a href={href} target="_blank" rel="noopener noreferrer" aria-describedby={`${headingId}-new-tab`} className="font-medium text-blue-700 underline">
                        {item.claimText}
                      </a>
                    ) : (
                      <span className="font-medium">{item.claimText}</span>
                    )}
                  </span>{" "}
                  ({verdict}{where ? `, ${where}` : ""})
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-xs text-slate-600">
                    {[item.kind === "claim" && item.status ? CLAIM_STATUS_LABEL[item.status] : "Fact-check", formatDate(item.date), item.createdBy ? `linked by ${item.createdBy.name}` : ""].filter(Boolean).join(" · ")}
                  </span>
                  {canLink && (
                    <button type="button" aria-describedby={textId} disabled={busyId === item.id} onClick={() => void unlink(item)}
                      className="ml-auto rounded border border-slate-400 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-60">
                      Unlink
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Toast message={message} className="mt-2" />
    </section>
  );
}
