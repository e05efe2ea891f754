"use client";
import { useState } from "react";
import { Markdown } from "@/components/ui/markdown";
import { CLAIM_STATUS_LABEL, STANCE_LABEL, SUBMITTABLE, VERDICT_INFO } from "@/lib/claims/constants";
import { formatDate } from "@/components/ui/format-date";
import { VerdictBadge } from "./verdict-badge";
import type { WorkspaceClaim } from "./types";

type Props = {
  claim: WorkspaceClaim;
  canEdit: boolean;
  canDelete: boolean;
  canSubmit: boolean;
  canReattach: boolean;
  busy: boolean;
  onBack: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onSubmit: () => void;
  onReattach: () => void;
  onComment: (body: string) => Promise<boolean>;
};

export function ClaimDetail({ claim, canEdit, canDelete, canSubmit, canReattach, busy, onBack, onEdit, onDelete, onSubmit, onReattach, onComment }: Props) {
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState(false);
  const lastReview = claim.detail ? claim.reviews[claim.reviews.length - 1] : undefined;
  return (
    <article aria-label={`Claim: ${claim.claimText}`} className="space-y-4 text-sm">
      <button type="button" onClick={onBack} className="text-blue-700 underline">← All claims</button>
      <header className="space-y-2">
        <h3 className="text-base font-semibold leading-snug">{claim.claimText}</h3>
        <div className="flex flex-wrap items-center gap-2">
          <VerdictBadge verdict={claim.verdict} />
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{CLAIM_STATUS_LABEL[claim.status]}</span>
          {claim.anchorStatus !== "ANCHORED" && (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{claim.anchorStatus === "FUZZY" ? "Text changed" : "Orphaned"}</span>
          )}
        </div>
        <p className="text-slate-600">By {claim.author.name} · version {claim.version} · updated {formatDate(claim.updatedAt)}</p>
      </header>
      {claim.status === "CHANGES_REQUESTED" && lastReview?.comment && (
        <div role="note" className="rounded border border-amber-300 bg-amber-50 p-3">
          <p className="font-medium">Changes requested by {lastReview.editor.name}</p>
          <p className="mt-1 whitespace-pre-wrap">{lastReview.comment}</p>
        </div>
      )}
      <figure className="rounded border-l-4 border-slate-300 bg-slate-50 px-3 py-2">
        <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-600">Quote</figcaption>
        <blockquote className="mt-1 italic">“{claim.selector.exact}”</blockquote>
      </figure>
      <section aria-label="Rationale">
        <h4 className="font-semibold">Rationale</h4>
        {!claim.detail ? <p className="text-slate-600">Loading…</p> : claim.rationale ? <Markdown>{claim.rationale}</Markdown> : <p className="text-slate-600">No rationale yet.</p>}
        <p className="mt-1 text-xs text-slate-600">{VERDICT_INFO[claim.verdict].label}: {VERDICT_INFO[claim.verdict].description}</p>
      </section>
      <section aria-label="Sources">
        <h4 className="font-semibold">Sources ({claim.sourceCount})</h4>
        {!claim.detail ? (
          <p className="text-slate-600">Loading…</p>
        ) : claim.sources.length === 0 ? (
          <p className="text-slate-600">No sources yet.</p>
        ) : (
          <ul className="mt-1 space-y-2">
            {claim.sources.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 p-2">
                <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="font-medium text-blue-700 underline">{s.title}</a>
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{STANCE_LABEL[s.stance]}</span>
                {s.publisher && <p className="text-slate-600">{s.publisher}</p>}
                {s.excerpt && <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-700">{s.excerpt}</blockquote>}
                {s.archivedUrl && <p><a href={s.archivedUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-700 underline">Archived copy</a></p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="flex flex-wrap gap-2">
        {canEdit && claim.detail && <button type="button" onClick={onEdit} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">Edit</button>}
        {canSubmit && SUBMITTABLE.includes(claim.status) && (
          <button type="button" disabled={busy} onClick={onSubmit} className="rounded bg-blue-700 px-3 py-1 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">Submit for review</button>
        )}
        {canReattach && claim.anchorStatus === "ORPHANED" && (
          <button type="button" onClick={onReattach} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">Re-attach</button>
        )}
        {canDelete && !confirming && (
          <button type="button" onClick={() => setConfirming(true)} className="rounded px-3 py-1 text-red-700 underline">Delete</button>
        )}
        {confirming && (
          <span role="group" aria-label="Confirm deletion" className="flex items-center gap-2">
            <span>Delete this claim?</span>
            <button type="button" disabled={busy} onClick={onDelete} className="rounded bg-red-700 px-3 py-1 font-semibold text-white">Yes, delete</button>
            <button type="button" onClick={() => setConfirming(false)} className="underline">Keep it</button>
          </span>
        )}
      </div>
      {claim.detail && claim.reviews.length > 0 && (
        <section aria-label="Reviews">
          <h4 className="font-semibold">Reviews</h4>
          <ul className="mt-1 space-y-1">
            {claim.reviews.map((r) => (
              <li key={r.id}>{r.editor.name}: {r.decision.toLowerCase().replace("_", " ")} (v{r.claimVersion}){r.comment ? ` — ${r.comment}` : ""}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Discussion">
        <h4 className="font-semibold">Comments{claim.detail ? ` (${claim.comments.length})` : ""}</h4>
        <ul className="mt-1 space-y-2">
          {claim.detail && claim.comments.map((c) => (
            <li key={c.id} className="rounded bg-slate-50 p-2">
              <p className="text-xs text-slate-600">{c.author.name} · {formatDate(c.createdAt)}</p>
              <p className="whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ul>
        <form
          className="mt-2 space-y-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (comment.trim() && (await onComment(comment))) setComment("");
          }}
        >
          <label htmlFor={`comment-${claim.id}`} className="block font-medium">Add a comment</label>
          <textarea id={`comment-${claim.id}`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="w-full rounded border border-slate-400 px-2 py-1" />
          <button type="submit" disabled={busy || !comment.trim()} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100 disabled:opacity-60">Post comment</button>
        </form>
      </section>
    </article>
  );
}
