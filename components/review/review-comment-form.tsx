"use client";
import { useRef, useState } from "react";
import { plainFieldMessage } from "@/lib/messages";
import { useRouter } from "next/navigation";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";

// An editor writes in the claim's discussion from the review page, without
// deciding anything (POST /api/claims/:id/comments). Its label says
// "discussion", not "comment": the decision's field is named "Comment" (the
// spec's handle), and any other field or form whose name contains "comment"
// would make that handle (a label match) ambiguous.

const MAX = 5_000;

export function ReviewCommentForm({ claimId }: { claimId: string }) {
  const router = useRouter();
  const field = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function post(e: React.FormEvent) {
    e.preventDefault();
    setStatus("");
    const text = body.trim();
    if (!text) {
      setError("Write your comment before posting it.");
      field.current?.focus();
      return;
    }
    setBusy(true);
    const r = await api<{ id: string }>("POST", `/api/claims/${claimId}/comments`, { body: text });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.fields?.body ? plainFieldMessage("body", r.error.fields.body, { body: "Your comment" }) : r.error.message);
      field.current?.focus();
      return;
    }
    setError(null);
    setBody("");
    setStatus("Comment posted.");
    // The server page re-renders the thread; what is typed in the decision form stays.
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void post(e)} noValidate className="space-y-2">
      <div>
        <label htmlFor="discussion-body" className="block text-sm font-medium">Add to the discussion</label>
        <textarea id="discussion-body" ref={field} rows={3} maxLength={MAX} value={body}
          onChange={(e) => { setBody(e.target.value); if (error) setError(null); }}
          aria-invalid={error ? true : undefined} aria-describedby={error ? "discussion-body-error discussion-body-hint" : "discussion-body-hint"}
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5 text-sm" />
        <p id="discussion-body-hint" className="mt-1 text-xs text-slate-600">Everyone working on this claim sees it. It does not approve or send back the claim.</p>
        {error && <p id="discussion-body-error" role="alert" className="mt-1 text-sm text-red-700">{error}</p>}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" tone="secondary" disabled={busy}>Post comment</Button>
        <p role="status" className="text-sm text-emerald-800">{status}</p>
      </div>
    </form>
  );
}
