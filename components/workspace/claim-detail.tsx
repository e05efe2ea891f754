"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { Markdown } from "@/components/ui/markdown";
import { TextareaField } from "@/components/ui/field";
import { CLAIM_STATUS_LABEL, STANCE_LABEL, SUBMITTABLE, VERDICT_INFO } from "@/lib/claims/constants";
import { formatDate } from "@/components/ui/format";
import { RequestedChangesNote, requestedChanges } from "./claim-form";
import { ClaimLinks } from "./claim-links";
import { VerdictBadge } from "./verdict-badge";
import type { WorkspaceClaim } from "./types";

const DECISION_LABEL: Record<string, string> = { APPROVE: "approved", REQUEST_CHANGES: "requested changes", REJECT: "rejected" };

type Props = {
  claim: WorkspaceClaim;
  canEdit: boolean;
  canDelete: boolean;
  canSubmit: boolean;
  canReattach: boolean;
  /** May make and undo "Same claim" links. */
  canLink?: boolean;
  busy: boolean;
  onBack: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onSubmit: () => void;
  onReattach: () => void;
  onComment: (body: string) => Promise<boolean>;
};

export function ClaimDetail({ claim, canEdit, canDelete, canSubmit, canReattach, canLink = false, busy, onBack, onEdit, onDelete, onSubmit, onReattach, onComment }: Props) {
  const [comment, setComment] = useState("");
  const note = claim.detail ? requestedChanges(claim) : undefined;
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
        <p className="text-slate-600">By {claim.author.name} · updated {formatDate(claim.updatedAt)}</p>
      </header>
      {note && <RequestedChangesNote note={note} />}
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
      <ClaimLinks key={claim.id} claimId={claim.id} canLink={canLink} />
      <div className="flex flex-wrap gap-2">
        {canEdit && claim.detail && <Button tone="secondary" onClick={onEdit} className="!px-3 !py-1">Edit</Button>}
        {canSubmit && SUBMITTABLE.includes(claim.status) && (
          <Button disabled={busy} onClick={onSubmit} className="!px-3 !py-1 font-semibold">Submit for review</Button>
        )}
        {canReattach && claim.anchorStatus === "ORPHANED" && (
          <Button tone="secondary" onClick={onReattach} className="!px-3 !py-1">Re-attach</Button>
        )}
        {canDelete && (
          <ConfirmButton label="Delete" buttonTone="secondary" tone="danger" className="!px-3 !py-1 text-red-800" title="Delete this claim?" confirmLabel="Delete claim"
            consequence={<p>“{claim.claimText}” is deleted with its sources and comments. This cannot be undone.</p>}
            onConfirm={async () => onDelete()} />
        )}
      </div>
      {claim.detail && claim.reviews.length > 0 && (
        <section aria-label="Reviews">
          <h4 className="font-semibold">Reviews</h4>
          <ul className="mt-1 space-y-1">
            {claim.reviews.map((r) => (
              <li key={r.id}>{r.editor.name}: {DECISION_LABEL[r.decision] ?? r.decision.toLowerCase().replace("_", " ")} ({formatDate(r.createdAt)}){r.comment ? ` — ${r.comment}` : ""}</li>
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
          <TextareaField compact id={`comment-${claim.id}`} label="Add a comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="submit" tone="secondary" disabled={busy || !comment.trim()} className="!px-3 !py-1">Post comment</Button>
        </form>
      </section>
    </article>
  );
}
