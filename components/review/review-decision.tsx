"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { MSG } from "@/lib/messages";
import { useRouter } from "next/navigation";
import { VERDICTS, VERDICT_INFO, type Verdict } from "@/lib/claims/constants";
import { api } from "@/components/ui/api";

type Props = {
  claimId: string;
  version: number;
  verdict: Verdict;
  rationale: string;
  /** Four eyes: why this editor may not approve (they wrote or last changed the claim). */
  cannotApprove?: string | null;
  /** ALLOW_SELF_APPROVAL: an approval may carry the editor's own change. */
  allowApproveWithEdits?: boolean;
};

export function ReviewDecision({ claimId, version, verdict: initialVerdict, rationale: initialRationale, cannotApprove, allowApproveWithEdits }: Props) {
  const router = useRouter();
  const [verdict, setVerdict] = useState<Verdict>(initialVerdict);
  const [rationale, setRationale] = useState(initialRationale);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  // The version this form was opened on: a decision is about what the editor read, so one
  // made after a live re-render brought a newer version is refused (409), not applied to it.
  const [readVersion] = useState(version);

  const edited = verdict !== initialVerdict || rationale !== initialRationale;
  const approveBlocked = cannotApprove ?? (edited && !allowApproveWithEdits ? "Approving cannot also change the verdict or rationale (four eyes): request changes with your edit, or undo it to approve." : null);

  async function decide(decision: "APPROVE" | "REQUEST_CHANGES" | "REJECT") {
    if (decision !== "APPROVE" && !comment.trim()) {
      setError({ message: `${MSG.commentRequiredUnlessApproving}.`, fields: { comment: MSG.commentRequiredUnlessApproving } });
      document.getElementById("review-comment")?.focus();
      return;
    }
    setBusy(true);
    const r = await api("POST", `/api/claims/${claimId}/reviews`, {
      decision,
      version: readVersion,
      comment: comment.trim() || null,
      ...(verdict !== initialVerdict ? { verdict } : {}),
      ...(rationale !== initialRationale ? { rationale } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setError({ message: r.error.status === 409 ? `${r.error.message} Reload the page to see the current version.` : r.error.message, fields: r.error.fields });
      return;
    }
    router.push("/review?done=1");
    router.refresh();
  }

  return (
    <section aria-labelledby="decision-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="decision-heading" className="text-lg font-semibold">Decision</h2>
      {error && <Alert tone="error">{error.message}</Alert>}
      <div>
        <label htmlFor="review-verdict" className="block text-sm font-medium">Verdict</label>
        <select id="review-verdict" value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm">
          {VERDICTS.map((v) => <option key={v} value={v}>{VERDICT_INFO[v].label} — {VERDICT_INFO[v].description}</option>)}
        </select>
        {verdict !== initialVerdict && <p className="mt-1 text-xs text-amber-800">You are changing the verdict; the change is recorded as yours.</p>}
      </div>
      <div>
        <label htmlFor="review-rationale" className="block text-sm font-medium">Rationale</label>
        <textarea id="review-rationale" rows={4} value={rationale} onChange={(e) => setRationale(e.target.value)} className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
      </div>
      <div>
        <label htmlFor="review-comment" className="block text-sm font-medium">Comment</label>
        <textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)}
          aria-invalid={!!error?.fields?.comment} aria-describedby="review-comment-hint" className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        <p id="review-comment-hint" className="mt-1 text-xs text-slate-600">Required to request changes or reject; the reviewer sees it.</p>
      </div>
      {approveBlocked && <p id="approve-blocked" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800">{approveBlocked}</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={busy || !!approveBlocked} aria-describedby={approveBlocked ? "approve-blocked" : undefined} onClick={() => void decide("APPROVE")} className="rounded bg-emerald-700 px-4 py-1.5 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">Approve</button>
        <button type="button" disabled={busy} onClick={() => void decide("REQUEST_CHANGES")} className="rounded bg-amber-700 px-4 py-1.5 font-semibold text-white hover:bg-amber-800 disabled:opacity-60">Request changes</button>
        <button type="button" disabled={busy} onClick={() => void decide("REJECT")} className="rounded bg-red-700 px-4 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60">Reject</button>
      </div>
    </section>
  );
}
