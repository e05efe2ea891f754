"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { can } from "@/lib/auth/permissions";
import { SUBMITTABLE } from "@/lib/claims/constants";
import { api, type ApiError } from "@/components/ui/api";
import { ClaimDetail } from "./claim-detail";
import { ClaimForm, draftFromClaim, toPayload, type ClaimDraft, type Intent } from "./claim-form";
import { ClaimPanel, type Filters } from "./claim-panel";
import { HighlightedArticle } from "./highlighted-article";
import { VerdictLegend } from "./verdict-badge";
import type { ClaimDto, ClaimSummaryDto, Viewer, WorkspaceClaim } from "./types";

type Panel = { kind: "list" } | { kind: "detail"; id: string } | { kind: "new"; start: number; end: number } | { kind: "edit"; id: string };
type Conflict = { current: ClaimDto; mine: ClaimDraft; intent: Intent };

const byPosition = (a: WorkspaceClaim, b: WorkspaceClaim) => a.selector.start - b.selector.start || b.selector.end - a.selector.end || (a.id < b.id ? -1 : 1);

type Props = { article: { id: string; text: string; blocks: Block[] }; initialClaims: ClaimSummaryDto[]; viewer: Viewer; initialClaimId?: string };

export function ArticleWorkspace({ article, initialClaims, viewer, initialClaimId }: Props) {
  const [claims, setClaims] = useState<WorkspaceClaim[]>(initialClaims);
  // A link such as /articles/:id?claim=:claimId opens with that claim.
  const [panel, setPanel] = useState<Panel>(() =>
    initialClaimId && initialClaims.some((c) => c.id === initialClaimId) ? { kind: "detail", id: initialClaimId } : { kind: "list" },
  );
  const [flashId, setFlashId] = useState<string | null>(null);
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ mine: false, status: "", verdict: "" });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formKey, setFormKey] = useState(0);
  const panelRef = useRef<HTMLDivElement>(null);
  const actor = useMemo(() => ({ ...viewer, active: true }), [viewer]);

  const visible = useMemo(
    () =>
      claims
        .filter((c) => (!filters.mine || c.author.id === viewer.id) && (!filters.status || c.status === filters.status) && (!filters.verdict || c.verdict === filters.verdict))
        .sort(byPosition),
    [claims, filters, viewer.id],
  );
  const highlighted = useMemo(() => visible.filter((c) => c.anchorStatus !== "ORPHANED"), [visible]);
  const moved = useMemo(() => ({ fuzzy: claims.filter((c) => c.anchorStatus === "FUZZY").length, orphaned: claims.filter((c) => c.anchorStatus === "ORPHANED").length }), [claims]);
  const selectedId = panel.kind === "detail" || panel.kind === "edit" ? panel.id : null;
  const selected = selectedId ? claims.find((c) => c.id === selectedId) ?? null : null;

  const upsert = (c: WorkspaceClaim) => setClaims((list) => [...list.filter((x) => x.id !== c.id), c]);
  const say = (msg: string) => {
    setNotice(msg);
    setError(null);
  };

  useEffect(() => {
    if (panel.kind !== "list") panelRef.current?.focus();
  }, [panel]);

  const loadDetail = useCallback(async (id: string) => {
    const r = await api<ClaimDto>("GET", `/api/claims/${id}`);
    if (r.ok) setClaims((list) => list.map((c) => (c.id === id ? r.data : c)));
    else if (r.error.status === 404) setClaims((list) => list.filter((c) => c.id !== id));
  }, []);

  const openClaim = useCallback((id: string) => {
    setPanel({ kind: "detail", id });
    void loadDetail(id);
    setConflict(null);
    setError(null);
    const mark = document.querySelector(`mark[data-claim-id="${id}"][data-first]`);
    mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    setFlashId(id);
    setTimeout(() => setFlashId((f) => (f === id ? null : f)), 1600);
  }, [loadDetail]);

  useEffect(() => {
    if (!initialClaimId || !initialClaims.some((c) => c.id === initialClaimId)) return;
    document.querySelector(`mark[data-claim-id="${initialClaimId}"][data-first]`)?.scrollIntoView({ block: "center" });
    let live = true;
    void api<ClaimDto>("GET", `/api/claims/${initialClaimId}`).then((r) => {
      if (live && r.ok) setClaims((list) => list.map((c) => (c.id === initialClaimId ? r.data : c)));
    });
    return () => {
      live = false;
    };
  }, [initialClaimId, initialClaims]);

  async function submit(claim: WorkspaceClaim): Promise<ClaimDto | null> {
    const r = await api<ClaimDto>("POST", `/api/claims/${claim.id}/submit`, { version: claim.version });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    upsert(r.data);
    return r.data;
  }

  async function saveNew(start: number, end: number, draft: ClaimDraft, intent: Intent) {
    setBusy(true);
    const r = await api<ClaimDto>("POST", `/api/articles/${article.id}/claims`, { selector: describeSelector(article.text, start, end), ...toPayload(draft) });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    upsert(r.data);
    const final = intent === "submit" ? await submit(r.data) : r.data;
    setBusy(false);
    if (final) {
      setPanel({ kind: "detail", id: final.id });
      say(intent === "submit" && final.status === "SUBMITTED" ? "Claim submitted for review." : "Claim saved as a draft.");
    }
  }

  async function saveEdit(base: ClaimDto, draft: ClaimDraft, intent: Intent, version = base.version) {
    setBusy(true);
    const r = await api<ClaimDto>("PATCH", `/api/claims/${base.id}`, { version, ...toPayload(draft) });
    if (!r.ok) {
      setBusy(false);
      if (r.error.status === 409 && r.error.body.current) {
        const current = r.error.body.current as ClaimDto;
        upsert(current);
        return setConflict({ current, mine: draft, intent });
      }
      return setError(r.error);
    }
    upsert(r.data);
    setConflict(null);
    const final = intent === "submit" && SUBMITTABLE.includes(r.data.status) ? await submit(r.data) : r.data;
    setBusy(false);
    if (final) {
      setPanel({ kind: "detail", id: final.id });
      say(intent === "submit" ? "Changes saved and submitted for review." : "Changes saved.");
    }
  }

  async function reattach(id: string, start: number, end: number) {
    const claim = claims.find((c) => c.id === id);
    if (!claim) return;
    setBusy(true);
    const r = await api<ClaimDto>("PATCH", `/api/claims/${id}`, { version: claim.version, selector: describeSelector(article.text, start, end) });
    setBusy(false);
    setReattachId(null);
    if (!r.ok) return setError(r.error);
    upsert(r.data);
    setPanel({ kind: "detail", id });
    say("Claim re-attached.");
  }

  async function remove(claim: WorkspaceClaim) {
    setBusy(true);
    const r = await api<void>("DELETE", `/api/claims/${claim.id}`);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setClaims((list) => list.filter((c) => c.id !== claim.id));
    setPanel({ kind: "list" });
    say("Claim deleted.");
  }

  async function comment(claim: WorkspaceClaim, body: string) {
    setBusy(true);
    const r = await api<ClaimDto["comments"][number]>("POST", `/api/claims/${claim.id}/comments`, { body });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    if (claim.detail) upsert({ ...claim, comments: [...claim.comments, r.data] });
    else void loadDetail(claim.id);
    say("Comment posted.");
    return true;
  }

  const reattaching = reattachId ? claims.find((c) => c.id === reattachId) : null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">
        {(moved.fuzzy > 0 || moved.orphaned > 0) && (
          <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 font-sans text-sm">
            The article text changed since some claims were made: {moved.fuzzy} claim{moved.fuzzy === 1 ? " was" : "s were"} matched approximately
            {moved.orphaned > 0 ? ` and ${moved.orphaned} could not be found (listed as orphaned)` : ""}. Check them against the text.
          </p>
        )}
        {reattaching && (
          <p role="status" className="mb-4 rounded border border-blue-300 bg-blue-50 px-3 py-2 font-sans text-sm">
            Select the words “{reattaching.selector.exact.slice(0, 80)}” now stand for, then choose “Re-attach here”.{" "}
            <button type="button" className="underline" onClick={() => setReattachId(null)}>Cancel</button>
          </p>
        )}
        <VerdictLegend />
        <HighlightedArticle
          text={article.text}
          blocks={article.blocks}
          claims={highlighted}
          selectedId={selectedId}
          flashId={flashId}
          canAct={can(actor, "claim:create")}
          actionLabel={reattaching ? "Re-attach here" : "New claim"}
          onOpenClaim={openClaim}
          onAction={({ start, end }) => {
            if (reattaching) return void reattach(reattaching.id, start, end);
            setConflict(null);
            setError(null);
            setPanel({ kind: "new", start, end });
            setFormKey((k) => k + 1);
          }}
        />
      </div>
      <aside aria-label="Claims" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <div ref={panelRef} tabIndex={-1} className="rounded-lg border border-slate-200 bg-white p-4 outline-none">
          <h2 className="mb-3 text-lg font-semibold">
            {panel.kind === "new" ? "New claim" : panel.kind === "edit" ? "Edit claim" : panel.kind === "detail" ? "Claim" : "Claims"}
          </h2>
          <div role="status">{notice && !error && <p className="mb-3 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{notice}</p>}</div>
          {error && !error.fields && (
            <p role="alert" className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{error.message}</p>
          )}
          {panel.kind === "list" && (
            <ClaimPanel claims={visible} total={claims.length} filters={filters} selectedId={selectedId} onFilters={setFilters} onOpen={openClaim} />
          )}
          {panel.kind === "new" && (
            <ClaimForm key={formKey} quote={article.text.slice(panel.start, panel.end)} initial={draftFromClaim(null)} canSubmit busy={busy}
              serverFields={error?.fields} onCancel={() => setPanel({ kind: "list" })} onSave={(d, intent) => void saveNew(panel.start, panel.end, d, intent)} />
          )}
          {panel.kind === "edit" && selected?.detail && (
            <ClaimForm
              key={`${selected.id}-${formKey}`}
              quote={selected.selector.exact}
              initial={conflict ? conflict.mine : draftFromClaim(selected)}
              canSubmit={selected.author.id === viewer.id && SUBMITTABLE.includes(selected.status)}
              busy={busy}
              serverFields={error?.fields}
              onCancel={() => {
                setConflict(null);
                setPanel({ kind: "detail", id: selected.id });
              }}
              onSave={(d, intent) => void saveEdit(selected, d, intent, conflict ? conflict.current.version : selected.version)}
            >
              {conflict && (
                <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
                  <p className="font-semibold">This claim was changed while you were editing it (now version {conflict.current.version}).</p>
                  <dl className="space-y-1">
                    <div><dt className="inline font-medium">Their claim: </dt><dd className="inline">{conflict.current.claimText}</dd></div>
                    <div><dt className="inline font-medium">Their verdict: </dt><dd className="inline">{conflict.current.verdict}</dd></div>
                    <div><dt className="inline font-medium">Their rationale: </dt><dd className="inline">{conflict.current.rationale || "—"}</dd></div>
                  </dl>
                  <p>Your edits are still in the form below.</p>
                  <div className="flex gap-2">
                    <button type="button" disabled={busy} className="rounded bg-amber-700 px-3 py-1 font-semibold text-white"
                      onClick={() => void saveEdit(conflict.current, conflict.mine, conflict.intent, conflict.current.version)}>
                      Reapply my changes
                    </button>
                    <button type="button" className="underline" onClick={() => { setConflict(null); setFormKey((k) => k + 1); }}>
                      Use their version
                    </button>
                  </div>
                </div>
              )}
            </ClaimForm>
          )}
          {panel.kind === "detail" && selected && (
            <ClaimDetail
              claim={selected}
              busy={busy}
              canEdit={can(actor, "claim:update", { authorId: selected.author.id, status: selected.status })}
              canDelete={can(actor, "claim:delete", { authorId: selected.author.id, status: selected.status })}
              canSubmit={can(actor, "claim:submit", { authorId: selected.author.id, status: selected.status })}
              canReattach={can(actor, "claim:reattach", { authorId: selected.author.id, status: selected.status })}
              onBack={() => setPanel({ kind: "list" })}
              onEdit={() => {
                setConflict(null);
                setError(null);
                setFormKey((k) => k + 1);
                setPanel({ kind: "edit", id: selected.id });
              }}
              onDelete={() => void remove(selected)}
              onSubmit={() => void submit(selected).then((c) => c && say("Claim submitted for review."))}
              onReattach={() => {
                setReattachId(selected.id);
                say("Select the new text in the article.");
              }}
              onComment={(body) => comment(selected, body)}
            />
          )}
          {(panel.kind === "detail" || panel.kind === "edit") && !selected && <p>This claim no longer exists.</p>}
        </div>
      </aside>
    </div>
  );
}
