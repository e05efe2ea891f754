"use client";
import { useCallback, useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { api, type ApiResult } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/components/ui/format";
import { VerdictBadge } from "@/components/workspace/verdict-badge";
import { CHANGED_FIELD_LABEL } from "@/lib/publishing/snapshot";
import { NOTE_MAX } from "@/lib/publishing/schema";
import type { PublishPreview } from "@/lib/publishing/types";

type Pending = { id: string; claimText: string; status: string };
type Problem = { message: string; pending?: Pending[]; field?: string };

/**
 * The article page's publishing controls. "Publish" (or, once public, "Update
 * publication") opens a dialog previewing exactly what goes live and what stays
 * out and why; the editor adds a note and confirms. "Unpublish" asks first.
 */
export function PublishControls({ articleId, slug, published }: { articleId: string; slug: string; published: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);

  async function unpublish(): Promise<string | void> {
    const r = await api("POST", `/api/articles/${articleId}/unpublish`);
    if (!r.ok) return r.error.message;
    router.refresh();
  }

  // One dialog for both: "Publish" the first time, "Update publication" once public.
  const openButton = (
    <button type="button" onClick={() => setOpen(true)} className="rounded bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800">
      {published ? "Update publication" : "Publish"}
    </button>
  );

  return (
    <div className="flex flex-wrap items-center gap-3">
      {published ? (
        <>
          <a href={`/fact-checks/${slug}`} className="font-medium text-blue-700 underline">View the published fact-check</a>
          {openButton}
          <ConfirmButton
            label="Unpublish"
            title="Unpublish fact-check"
            consequence={
              <p>
                The public page <code>/fact-checks/{slug}</code> and its ClaimReview markup will be gone (readers get “not found”).
                The claims and every publication are kept; publishing again adds a new numbered publication.
              </p>
            }
            confirmLabel="Unpublish"
            tone="danger"
            className="!px-3 !py-1 text-sm"
            onConfirm={unpublish}
          />
        </>
      ) : (
        openButton
      )}
      {open && (
        <PublishDialog
          articleId={articleId}
          title={published ? "Update publication" : "Publish fact-check"}
          onClose={() => setOpen(false)}
          onPublished={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function PublishDialog({ articleId, title, onClose, onPublished }: { articleId: string; title: string; onClose: () => void; onPublished: () => void }) {
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const noteId = useId();

  const apply = useCallback((r: ApiResult<PublishPreview>) => {
    if (r.ok) {
      setPreview(r.data);
      setLoadError(null);
    } else setLoadError(r.error.message);
  }, []);
  const load = useCallback(() => api<PublishPreview>("GET", `/api/articles/${articleId}/publish`), [articleId]);

  useEffect(() => {
    let current = true;
    void load().then((r) => {
      if (current) apply(r);
    });
    return () => {
      current = false;
    };
  }, [load, apply]);

  async function confirm() {
    if (!preview) return;
    if (preview.noteRequired && !note.trim()) {
      setProblem({ message: "Write a note for readers saying what changed: it is shown on the public page as the correction notice.", field: "note" });
      document.getElementById(noteId)?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const r = await api("POST", `/api/articles/${articleId}/publish`, { note: note.trim() || undefined, fingerprint: preview.fingerprint });
    setBusy(false);
    if (r.ok) return onPublished();
    const pending = r.error.body.pending as Pending[] | undefined;
    setProblem({ message: r.error.fields?.note ?? r.error.message, pending, field: r.error.fields?.note ? "note" : undefined });
    // The content moved on (or a claim is now waiting): show the current preview.
    if (r.error.status === 409) void load().then(apply);
  }

  const isUpdate = preview?.kind === "update";
  const noteError = problem?.field === "note" ? problem.message : null;

  return (
    <Dialog
      open
      onClose={busy ? () => {} : onClose}
      title={title}
      footer={
        <>
          <Button tone="secondary" onClick={onClose} disabled={busy}>Cancel</Button>
          <Button tone="primary" onClick={() => void confirm()} disabled={busy || !preview} aria-busy={busy || undefined}>Confirm</Button>
        </>
      }
    >
      {!preview && !loadError && <p role="status" className="text-sm text-slate-700">Loading what would go live…</p>}
      {loadError && <Notice tone="error">Could not load the preview: {loadError}</Notice>}
      {preview && (
        <div className="space-y-4 text-sm">
          <p>
            {isUpdate ? (
              <>
                This updates the public page as <strong>publication {preview.nextNumber}</strong>
                {preview.latest && <> (publication {preview.latest.number} went live {formatDate(preview.latest.createdAt)})</>}.
                Readers see your note as the correction notice.
              </>
            ) : preview.latest ? (
              <>This publishes the fact-check again as <strong>publication {preview.nextNumber}</strong> (it was taken down after publication {preview.latest.number}).</>
            ) : (
              <>This makes the fact-check public as <strong>publication 1</strong>. Claims approved later go live only through “Update publication”.</>
            )}
          </p>
          {preview.blocker && <Notice tone="warning">{preview.blocker}</Notice>}

          <section aria-labelledby={`${noteId}-live`}>
            <h3 id={`${noteId}-live`} className="font-semibold">Goes live ({preview.goesLive.length})</h3>
            {preview.goesLive.length === 0 ? (
              <p className="mt-1 text-slate-700">No approved claim.</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {preview.goesLive.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-baseline gap-2">
                    <VerdictBadge verdict={c.verdict} />
                    <span>{c.claimText}</span>
                    {preview.latest && c.change === "added" && <span className="rounded bg-blue-50 px-1.5 text-xs font-medium text-blue-900">New</span>}
                    {c.change === "changed" && (
                      <span className="rounded bg-amber-50 px-1.5 text-xs font-medium text-amber-900">Changed: {c.changedFields.map((f) => CHANGED_FIELD_LABEL[f]).join(", ")}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {preview.removed.length > 0 && (
            <section aria-labelledby={`${noteId}-removed`}>
              <h3 id={`${noteId}-removed`} className="font-semibold">Comes off the public page ({preview.removed.length})</h3>
              <ul className="mt-1 space-y-1">
                {preview.removed.map((c) => (
                  <li key={c.id}><span>{c.claimText}</span> <span className="text-slate-700">— {c.reason}</span></li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby={`${noteId}-out`}>
            <h3 id={`${noteId}-out`} className="font-semibold">Stays out ({preview.staysOut.length})</h3>
            {preview.staysOut.length === 0 ? (
              <p className="mt-1 text-slate-700">Every claim of this article goes live.</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {preview.staysOut.map((c) => (
                  <li key={c.id}>
                    {c.code === "submitted" ? <a href={`/review/${c.id}`} className="text-blue-700 underline">{c.claimText}</a> : <span>{c.claimText}</span>}{" "}
                    <span className="text-slate-700">— {c.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {isUpdate && preview.goesLive.every((c) => c.change === "unchanged") && preview.removed.length === 0 && (
            <p className="text-slate-700">No claim changed since publication {preview.latest?.number}{preview.textChanged ? "; the article text has a new revision" : ""}.</p>
          )}

          <div>
            <label htmlFor={noteId} className="block font-medium text-slate-800">Note</label>
            <p id={`${noteId}-hint`} className="mt-0.5 text-xs text-slate-600">
              {preview.noteRequired ? "Required: what changed and why, for readers. It appears under “Updates” on the public page." : "Optional: shown to readers with this publication."}
            </p>
            <textarea
              id={noteId}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
              maxLength={NOTE_MAX}
              aria-required={preview.noteRequired || undefined}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={[`${noteId}-hint`, noteError ? `${noteId}-error` : ""].filter(Boolean).join(" ")}
              className="mt-1 w-full rounded border border-slate-400 px-3 py-1.5"
            />
            {noteError && <p id={`${noteId}-error`} role="alert" className="mt-1 text-sm text-red-700">{noteError}</p>}
          </div>
        </div>
      )}
      {problem && !noteError && (
        <Notice tone="error" className="mt-3">
          <p>{problem.message}</p>
          {problem.pending && (
            <ul className="mt-1 list-disc pl-5">
              {problem.pending.map((p) => <li key={p.id}><a href={`/review/${p.id}`} className="underline">{p.claimText}</a></li>)}
            </ul>
          )}
        </Notice>
      )}
    </Dialog>
  );
}
