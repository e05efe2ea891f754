"use client";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import { can } from "@/lib/auth/permissions";
import { SUBMITTABLE, VERDICT_INFO } from "@/lib/claims/constants";
import { Alert } from "@/components/ui/alert";
import { api, type ApiError } from "@/components/ui/api";
import { ClaimDetail } from "./claim-detail";
import { ClaimsAside, useNarrow } from "./claim-sheet";
import { ClaimForm, draftFromClaim, toPayload, type ClaimDraft, type Intent } from "./claim-form";
import { linkBody } from "./claim-links";
import { ClaimPanel, type Filters } from "./claim-panel";
import { HighlightedArticle } from "./highlighted-article";
import { SuggestionsPanel } from "./suggestions-panel";
import { numberClaims } from "./highlight-layout";
import { VerdictLegend } from "./verdict-badge";
import { LiveClaimNotices, StaleEditAlert } from "./use-live-claims-ui";
import { useLiveClaims } from "./use-live-claims";
import type { ClaimDto, ClaimSummaryDto, Viewer, WorkspaceClaim } from "./types";

type Panel = { kind: "list" } | { kind: "detail"; id: string } | { kind: "new"; start: number; end: number } | { kind: "edit"; id: string };
type Conflict = { current: ClaimDto; mine: ClaimDraft; intent: Intent };
/** Where a reader on a narrow screen was when a claim sheet opened: restored when it closes. */
type ReturnPoint = { y: number; el: HTMLElement | null; id: string | null };

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
  const liveClaims = useLiveClaims({ articleId: article.id, articleText: article.text, claims, setClaims, editingId: panel.kind === "edit" ? panel.id : null, saving: busy });
  const panelRef = useRef<HTMLDivElement>(null);
  const actor = useMemo(() => ({ ...viewer, active: true }), [viewer]);
  const narrow = useNarrow();
  const sheet = narrow && panel.kind !== "list";
  const narrowRef = useRef(narrow);
  const sheetRef = useRef(sheet);
  const returnRef = useRef<ReturnPoint | null>(null);
  useEffect(() => {
    narrowRef.current = narrow;
    sheetRef.current = sheet;
  }, [narrow, sheet]);

  // Numbered over every anchored claim, not the filtered list, so a number always names the same claim.
  const numbers = useMemo(
    () => numberClaims(claims.filter((c) => c.anchorStatus !== "ORPHANED").map((c) => ({ id: c.id, start: c.selector.start, end: c.selector.end }))),
    [claims],
  );

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
    // On a narrow screen the sheet is fixed over the text: focusing it must not scroll the article away.
    if (panel.kind !== "list") panelRef.current?.focus({ preventScroll: narrowRef.current });
  }, [panel]);

  /** Before a sheet opens over the text, remember the reading position and the highlight it came from. */
  const rememberPlace = useCallback((id: string | null, from?: HTMLElement) => {
    if (!narrowRef.current || sheetRef.current) return;
    const active = document.activeElement;
    returnRef.current = { y: window.scrollY, el: from ?? (active instanceof HTMLElement && active !== document.body ? active : null), id };
  }, []);

  // The sheet closed (back to the list): put the reader back where they were, focus on the highlight.
  useLayoutEffect(() => {
    const back = returnRef.current;
    if (panel.kind !== "list" || !back) return;
    returnRef.current = null;
    window.scrollTo({ top: back.y, behavior: "instant" });
    const chip = back.id ? document.querySelector<HTMLElement>(`button[data-claim-chip="${back.id}"]`) : null;
    (back.el?.isConnected ? back.el : chip)?.focus({ preventScroll: true });
  }, [panel]);

  const closeSheet = useCallback(() => setPanel({ kind: "list" }), []);

  const loadDetail = useCallback(async (id: string) => {
    const r = await api<ClaimDto>("GET", `/api/claims/${id}`);
    if (r.ok) setClaims((list) => list.map((c) => (c.id === id ? r.data : c)));
    else if (r.error.status === 404) setClaims((list) => list.filter((c) => c.id !== id));
  }, []);

  const openClaim = useCallback((id: string, from?: HTMLElement) => {
    rememberPlace(id, from);
    setPanel({ kind: "detail", id });
    void loadDetail(id);
    setConflict(null);
    setError(null);
    const mark = document.querySelector(`mark[data-claim-id="${id}"][data-first]`);
    if (!narrowRef.current) mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    else {
      // Keep the claim's words in the strip of text above the sheet (which takes up to 70% of the height).
      const r = mark?.getBoundingClientRect();
      if (r && (r.top < 0 || r.bottom > window.innerHeight * 0.3)) window.scrollTo({ top: window.scrollY + r.top - window.innerHeight * 0.08, behavior: "instant" });
    }
    setFlashId(id);
    setTimeout(() => setFlashId((f) => (f === id ? null : f)), 1600);
  }, [loadDetail, rememberPlace]);

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

  // A search result links here as ?find=<words> (the first words its snippet marked): bring them into view.
  useEffect(() => {
    const find = new URLSearchParams(window.location.search).get("find")?.trim().toLowerCase();
    if (!find || initialClaimId) return;
    const at = article.text.toLowerCase().indexOf(find);
    if (at < 0) return;
    const runs = Array.from(document.querySelectorAll<HTMLElement>('[aria-label="Article"] [data-offset]'));
    runs.filter((el) => Number(el.dataset.offset) <= at).pop()?.scrollIntoView({ block: "center" });
  }, [article.text, initialClaimId]);

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
    // "Same claim" chosen before the claim existed: link it now that it has an id.
    const links = await Promise.all((draft.links ?? []).map((t) => api("POST", `/api/claims/${r.data.id}/links`, linkBody(t))));
    const failed = links.find((l) => !l.ok);
    const final = intent === "submit" ? await submit(r.data) : r.data;
    setBusy(false);
    if (final) {
      setPanel({ kind: "detail", id: final.id });
      say(intent === "submit" && final.status === "SUBMITTED" ? "Claim submitted for review." : "Claim saved as a draft.");
      if (failed && !failed.ok) setError({ ...failed.error, fields: undefined, message: `The claim was saved, but a “Same claim” link was not: ${failed.error.message}` });
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

  // A text selection's "New claim" and a suggestion's "Create claim" open the same form on the span.
  function newClaim(start: number, end: number) {
    rememberPlace(null);
    setConflict(null);
    setError(null);
    setPanel({ kind: "new", start, end });
    setFormKey((k) => k + 1);
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0" inert={sheet}>
        <LiveClaimNotices revised={liveClaims.revised} />
        {(moved.fuzzy > 0 || moved.orphaned > 0) && (
          <Alert tone="warning" className="mb-4 font-sans">
            The article text changed since some claims were made: {moved.fuzzy} claim{moved.fuzzy === 1 ? " was" : "s were"} matched approximately
            {moved.orphaned > 0 ? ` and ${moved.orphaned} could not be found (listed as orphaned)` : ""}. Check them against the text.
          </Alert>
        )}
        {reattaching && (
          <Alert tone="info" className="mb-4 font-sans">
            Select the words “{reattaching.selector.exact.slice(0, 80)}” now stand for, then choose “Re-attach here”.{" "}
            <button type="button" className="underline" onClick={() => setReattachId(null)}>Cancel</button>
          </Alert>
        )}
        <VerdictLegend />
        <HighlightedArticle
          text={article.text}
          blocks={article.blocks}
          claims={highlighted}
          numbers={numbers}
          selectedId={selectedId}
          flashId={flashId}
          canAct={can(actor, "claim:create")}
          actionLabel={reattaching ? "Re-attach here" : "New claim"}
          onOpenClaim={openClaim}
          onAction={({ start, end }) => {
            if (reattaching) return void reattach(reattaching.id, start, end);
            newClaim(start, end);
          }}
        />
      </div>
      <ClaimsAside
        sheet={sheet}
        panelRef={panelRef}
        onClose={closeSheet}
        title={panel.kind === "new" ? "New claim" : panel.kind === "edit" ? "Edit claim" : panel.kind === "detail" ? "Claim" : "Claims"}
      >
        <div role="status">{notice && !error && <Alert tone="success" live="none" className="mb-3">{notice}</Alert>}</div>
        {error && !error.fields && <Alert tone="error" className="mb-3">{error.message}</Alert>}
        {panel.kind === "list" && (
          <ClaimPanel claims={visible} total={claims.length} filters={filters} selectedId={selectedId} onFilters={setFilters} onOpen={openClaim} numbers={numbers} />
        )}
        {/* Kept mounted (hidden) while a claim is open, so its marks and list stay as they were. */}
        {can(actor, "suggestion:read") && (
          <div hidden={panel.kind !== "list"}>
            <SuggestionsPanel articleId={article.id} claims={claims} canAct={can(actor, "suggestion:dismiss") && can(actor, "claim:create")} onCreateClaim={({ start, end }) => newClaim(start, end)} />
          </div>
        )}
        {panel.kind === "new" && (
          <ClaimForm key={formKey} quote={article.text.slice(panel.start, panel.end)} articleId={article.id} initial={draftFromClaim(null)} canSubmit busy={busy}
            serverFields={error?.fields} onCancel={() => setPanel({ kind: "list" })} onSave={(d, intent) => void saveNew(panel.start, panel.end, d, intent)} />
        )}
        {panel.kind === "edit" && selected?.detail && (
          <ClaimForm
            key={`${selected.id}-${formKey}`}
            quote={selected.selector.exact}
            articleId={article.id}
            claimId={selected.id}
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
            {liveClaims.stale && !conflict && (
              <StaleEditAlert stale={liveClaims.stale} onReload={() => void liveClaims.reloadStale().then(() => setFormKey((k) => k + 1))} />
            )}
            {conflict && (
              <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
                <p className="font-semibold">This claim was changed by someone else while you were editing it.</p>
                <dl className="space-y-1">
                  <div><dt className="inline font-medium">Their claim: </dt><dd className="inline">{conflict.current.claimText}</dd></div>
                  <div><dt className="inline font-medium">Their verdict: </dt><dd className="inline">{VERDICT_INFO[conflict.current.verdict]?.label ?? conflict.current.verdict}</dd></div>
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
            canLink={can(actor, "claim:link")}
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
      </ClaimsAside>
    </div>
  );
}
