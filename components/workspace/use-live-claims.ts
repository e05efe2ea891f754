"use client";
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { decodeClaims, type EncodedBlock, type EncodedClaims } from "@/lib/claims/reader-codec";
import { api } from "@/components/ui/api";
import { useLiveEvents, type LiveEvent } from "@/components/live/live-provider";
import { isNewer, planClaimEvents, type KnownClaim } from "@/components/live/claim-events";
import type { ClaimDto, WorkspaceClaim } from "./types";

/** Events of one burst (a review that changes a claim and adds a comment) are handled together. */
const COALESCE_MS = 150;
/** While the reader holds a selection in the text, new highlights wait (re-rendering the marks would drop it). */
const SELECTION_WAIT_MS = 400;

/** The claim open in the edit form changed (or went) elsewhere: the form keeps the viewer's text until they reload it. */
export type StaleEdit = { id: string; by: string | null; deleted: boolean; version: number };

type Args = {
  articleId: string;
  articleText: string;
  claims: WorkspaceClaim[];
  setClaims: Dispatch<SetStateAction<WorkspaceClaim[]>>;
  /** The claim open in the edit form, if any. */
  editingId: string | null;
  /** A save is on its way: its answer, not the stream, brings the edited claim's next version. */
  saving: boolean;
};

type ReaderData = { id: string; revision: number; text: string; blocks: EncodedBlock[] } & EncodedClaims;

const knownOf = (c: WorkspaceClaim): KnownClaim =>
  c.detail ? { version: c.version, commentIds: c.comments.map((m) => m.id), reviewIds: c.reviews.map((r) => r.id) } : { version: c.version };

function selectionInArticle(): boolean {
  const sel = typeof window === "undefined" ? null : window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return false;
  const node = sel.getRangeAt(0).commonAncestorContainer;
  const el = node instanceof Element ? node : node.parentElement;
  return !!el?.closest('[aria-label="Article"]');
}

/**
 * Keeps an open article's claims current from the live stream: new claims
 * appear, changed ones update, deleted ones go. The claim being edited is left
 * as the form started from (so its next save still meets the version conflict)
 * and reported as stale instead; after a text revision nothing more is merged,
 * since the claims' positions then refer to a text this reader does not show.
 */
export function useLiveClaims({ articleId, articleText, claims, setClaims, editingId, saving }: Args) {
  const [stale, setStale] = useState<StaleEdit | null>(null);
  const [revised, setRevised] = useState(false);
  const claimsRef = useRef(claims);
  const editingRef = useRef(editingId);
  const savingRef = useRef(saving);
  const revisedRef = useRef(false);
  const pending = useRef<LiveEvent[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushLater = useRef<(ms: number) => void>(() => {});
  useEffect(() => {
    claimsRef.current = claims;
    editingRef.current = editingId;
    savingRef.current = saving;
  }, [claims, editingId, saving]);

  /** Puts fetched claims in the list; the edited one, when newer, only marks the form stale. */
  const apply = useCallback(
    (fetched: ClaimDto[], gone: string[], actors: Record<string, string>) => {
      const editing = editingRef.current;
      // The viewer's own save may be what changed it: its answer (or its 409) settles the form.
      if (editing && savingRef.current) fetched = fetched.filter((c) => c.id !== editing);
      const shown = new Map(claimsRef.current.map((c) => [c.id, c]));
      const editedChange = fetched.find((c) => c.id === editing && shown.has(c.id) && c.version > shown.get(c.id)!.version);
      if (editedChange) setStale({ id: editedChange.id, by: actors[editedChange.id] ?? null, deleted: false, version: editedChange.version });
      if (editing && gone.includes(editing) && shown.has(editing)) setStale({ id: editing, by: null, deleted: true, version: Number.POSITIVE_INFINITY });
      setClaims((list) => {
        let next = list.filter((c) => !gone.includes(c.id) || c.id === editing);
        for (const c of fetched) {
          const current = next.find((x) => x.id === c.id);
          if (c.id === editing && current && c.version > current.version) continue;
          if (!isNewer(c, current)) continue;
          next = current ? next.map((x) => (x.id === c.id ? c : x)) : [...next, c];
        }
        return next;
      });
    },
    [setClaims],
  );

  const fetchClaims = useCallback(async (ids: string[]) => {
    const results = await Promise.all(ids.map(async (id) => ({ id, r: await api<ClaimDto>("GET", `/api/claims/${encodeURIComponent(id)}`) })));
    return {
      fetched: results.flatMap(({ r }) => (r.ok ? [r.data] : [])),
      gone: results.filter(({ r }) => !r.ok && r.error.status === 404).map(({ id }) => id),
    };
  }, []);

  /** The stream could not resume: read every claim again, keeping what is unchanged (with its detail). */
  const resyncAll = useCallback(async () => {
    const r = await api<ReaderData>("GET", `/api/articles/${encodeURIComponent(articleId)}/reader`);
    if (!r.ok) return;
    if (r.data.text !== articleText) {
      revisedRef.current = true;
      setRevised(true);
      return;
    }
    const fresh = decodeClaims(r.data, r.data.text);
    const shown = new Map(claimsRef.current.map((c) => [c.id, c]));
    const changed = fresh.filter((c) => !shown.has(c.id) || shown.get(c.id)!.version !== c.version).map((c) => c.id);
    const gone = claimsRef.current.filter((c) => !fresh.some((f) => f.id === c.id)).map((c) => c.id);
    const { fetched, gone: alsoGone } = await fetchClaims(changed);
    apply(fetched, [...gone, ...alsoGone], {});
  }, [apply, articleId, articleText, fetchClaims]);

  const flush = useCallback(async () => {
    timer.current = undefined;
    if (revisedRef.current) {
      pending.current = [];
      return;
    }
    if (selectionInArticle()) {
      flushLater.current(SELECTION_WAIT_MS);
      return;
    }
    const events = pending.current;
    pending.current = [];
    const known = new Map(claimsRef.current.map((c) => [c.id, knownOf(c)]));
    const plan = planClaimEvents(events, articleId, known);
    if (plan.revised) {
      revisedRef.current = true;
      setRevised(true);
      return;
    }
    if (plan.resync) return void (await resyncAll());
    if (plan.refetch.length === 0 && plan.remove.length === 0) return;
    const { fetched, gone } = await fetchClaims(plan.refetch);
    if (revisedRef.current) return;
    apply(fetched, [...plan.remove, ...gone], plan.actors);
  }, [apply, articleId, fetchClaims, resyncAll]);

  useEffect(() => {
    flushLater.current = (ms) => {
      timer.current = setTimeout(() => void flush(), ms);
    };
  }, [flush]);

  useLiveEvents(
    (e) => {
      if (e.type !== "resync" && e.articleId !== articleId) return;
      pending.current.push(e);
      if (!timer.current) flushLater.current(COALESCE_MS);
    },
    [articleId],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  // The form closed (saved, cancelled, or another claim opened): the stale claim is read again and shown as it is now.
  useEffect(() => {
    if (!stale || stale.id === editingId) return;
    const id = stale.id;
    void fetchClaims([id]).then(({ fetched, gone }) => {
      setStale((s) => (s?.id === id ? null : s));
      apply(fetched, gone, {});
    });
  }, [apply, editingId, fetchClaims, stale]);

  /** "Reload": the form starts again from the claim as it is now. */
  const reloadStale = useCallback(async () => {
    if (!stale) return false;
    const { fetched, gone } = await fetchClaims([stale.id]);
    setStale(null);
    const claim = fetched[0];
    if (claim) setClaims((list) => (list.some((c) => c.id === claim.id) ? list.map((c) => (c.id === claim.id ? claim : c)) : [...list, claim]));
    if (gone.length) setClaims((list) => list.filter((c) => !gone.includes(c.id)));
    return true;
  }, [fetchClaims, setClaims, stale]);

  const dismissStale = useCallback(() => setStale(null), []);

  // Once the form's claim is at the stale version (a 409 brought it, "Use their version"), nothing is stale any more.
  const shownVersion = claims.find((c) => c.id === editingId)?.version ?? 0;
  const current = stale && stale.id === editingId && shownVersion < stale.version ? stale : null;
  return { stale: current, revised, reloadStale, dismissStale };
}
