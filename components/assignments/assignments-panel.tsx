"use client";
import { useEffect, useId, useState } from "react";
import { useLiveEvents } from "@/components/live/live-provider";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { formatAge } from "@/components/ui/format";
import type { AssignmentView } from "@/lib/assignments/schema";

type Person = { id: string; name: string };
type ClaimOption = { id: string; claimText: string };

const LABELS = { assigneeId: "Assignee", claimId: "Claim", note: "Note" };

function short(text: string, max = 70) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * The article page's "Assignments": who is on the article and on each claim;
 * editors assign (the whole article or one claim) and unassign.
 */
export function AssignmentsPanel({ articleId, canManage }: { articleId: string; canManage: boolean }) {
  const base = `/api/articles/${encodeURIComponent(articleId)}`;
  const [items, setItems] = useState<AssignmentView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [claims, setClaims] = useState<ClaimOption[]>([]);
  const [assigneeId, setAssigneeId] = useState("");
  const [claimId, setClaimId] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const errors = useFieldErrors(LABELS);
  const headingId = useId();

  // Bumped by live events: another editor's (un)assignment, a claim added or deleted.
  const [assignmentsSeen, setAssignmentsSeen] = useState(0);
  const [claimsSeen, setClaimsSeen] = useState(0);
  useLiveEvents(
    (e) => {
      const resync = e.type === "resync";
      if (!resync && e.articleId !== articleId) return;
      if (resync || e.type === "assignment.created" || e.type === "assignment.deleted") setAssignmentsSeen((n) => n + 1);
      if (resync || e.type === "claim.created" || e.type === "claim.deleted") setClaimsSeen((n) => n + 1);
    },
    [articleId],
  );

  useEffect(() => {
    let live = true;
    void api<{ items: AssignmentView[] }>("GET", `${base}/assignments`).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.data.items);
      else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [base, assignmentsSeen]);

  useEffect(() => {
    if (!canManage) return;
    let live = true;
    void api<{ items: Person[] }>("GET", "/api/assignments/assignees").then((r) => live && r.ok && setPeople(r.data.items));
    return () => {
      live = false;
    };
  }, [canManage]);

  useEffect(() => {
    if (!canManage) return;
    let live = true;
    void api<{ items: ClaimOption[] }>("GET", `${base}/claims`).then((r) => live && r.ok && setClaims(r.data.items.map(({ id, claimText }) => ({ id, claimText }))));
    return () => {
      live = false;
    };
  }, [base, canManage, claimsSeen]);

  async function assign(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    const res = await api<AssignmentView>("POST", `${base}/assignments`, { assigneeId, claimId: claimId || null, note });
    setBusy(false);
    if (!res.ok) {
      setFormError(res.error.message);
      if (res.error.fields) errors.fail(res.error.fields);
      return;
    }
    errors.clear();
    setItems((list) => [...(list ?? []), res.data]);
    setNote("");
    setToast({ tone: "success", text: `Assigned ${res.data.assignee.name}.` });
  }

  async function unassign(a: AssignmentView) {
    const res = await api<void>("DELETE", `/api/assignments/${encodeURIComponent(a.id)}`);
    if (!res.ok && res.error.status !== 404) {
      setToast({ tone: "error", text: res.error.message });
      return;
    }
    setItems((list) => (list ?? []).filter((x) => x.id !== a.id));
    setToast({ tone: "success", text: `Unassigned ${a.assignee.name}.` });
  }

  return (
    <section aria-labelledby={headingId} className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id={headingId} className="text-lg font-semibold">Assignments</h2>
      {loadError && <Alert tone="error">{loadError}</Alert>}
      {items && items.length === 0 && <p className="mt-1 text-slate-600">Nobody is assigned yet.</p>}
      {items && items.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span id={`assignment-${a.id}`}>
                <strong className="font-semibold">{a.assignee.name}</strong>
                {" — "}
                {a.claimId ? <>claim “{short(a.claimText ?? "")}”</> : "whole article"}
                <span className="text-slate-600">
                  {a.assignedBy ? ` · by ${a.assignedBy.name}` : ""} · {formatAge(a.createdAt)} ago
                </span>
                {a.note && <span className="block text-slate-700">{a.note}</span>}
              </span>
              {canManage && (
                <Button tone="secondary" className="ml-auto px-2 py-0.5 text-sm" aria-describedby={`assignment-${a.id}`} onClick={() => void unassign(a)}>
                  Unassign
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form onSubmit={assign} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
          <SelectField label="Assignee" compact value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} error={errors.fields.assigneeId} className="min-w-[12rem]">
            <option value="">Choose a person</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </SelectField>
          <SelectField label="Claim" compact value={claimId} onChange={(e) => setClaimId(e.target.value)} error={errors.fields.claimId} className="min-w-[12rem] max-w-xs">
            <option value="">Whole article</option>
            {claims.map((c) => (
              <option key={c.id} value={c.id}>{short(c.claimText, 60)}</option>
            ))}
          </SelectField>
          <Field label="Note (optional)" compact value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} className="min-w-[12rem] flex-1" />
          <Button type="submit" disabled={busy}>Assign</Button>
        </form>
      )}
      {formError && !Object.keys(errors.fields).length && <Alert tone="error" className="mt-2">{formError}</Alert>}
      <Toast message={toast} className="mt-2" />
    </section>
  );
}
