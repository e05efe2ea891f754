"use client";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { CLAIM_STATUS_LABEL, VERDICT_INFO } from "@/lib/claims/constants";
import { VERDICT_STYLE } from "./verdict-style";
import { rangeToOffsets, selectOffsets } from "./dom-offsets";
import { caretStep } from "./caret-keys";
import { ClaimsHere, type Here } from "./claims-here";
import { claimsHere, excerpt, layoutBlocks, type LaidSegment } from "./highlight-layout";
import { QuoteFinder } from "./quote-finder";
import type { ClaimSummaryDto } from "./types";

type Props = {
  text: string;
  blocks: Block[];
  claims: ClaimSummaryDto[];
  /** Each claim's number in the article (stable whatever the filters show). */
  numbers: ReadonlyMap<string, number>;
  selectedId: string | null;
  flashId: string | null;
  /** "New claim", or "Re-attach here" while an orphaned claim is being re-attached. */
  actionLabel: string;
  canAct: boolean;
  /** `from`: the element focus should return to when the claim is closed again. */
  onOpenClaim: (id: string, from?: HTMLElement) => void;
  onAction: (range: { start: number; end: number }) => void;
};

// One stylesheet for every highlight instead of inline styles on each of
// (possibly) thousands of marks; colours come from the one verdict table.
const HIGHLIGHT_CSS = [
  `mark.hl{color:inherit;cursor:pointer;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;` +
    `text-underline-offset:calc(3px + var(--stack,0) * 4px);padding-bottom:calc(1px + var(--stack,0) * 4px);` +
    `box-decoration-break:clone;-webkit-box-decoration-break:clone}`,
  `mark.hl[data-here]{outline:1px dashed #475569;outline-offset:1px}`,
  `.hl-chips{display:inline-flex;flex-wrap:wrap;gap:2px;margin-left:2px;vertical-align:text-top;text-indent:0}`,
  `.hl-chip{display:inline-block;user-select:none;border-radius:4px;padding:0 4px;color:#fff;white-space:nowrap;` +
    `font:600 0.7rem/1rem ui-sans-serif,system-ui,sans-serif;letter-spacing:.01em}`,
  ...Object.entries(VERDICT_STYLE).map(
    ([v, s]) =>
      `mark.hl-${v}{background-color:${s.bg};text-decoration-color:${s.line};text-decoration-style:${s.lineStyle}}.hl-chip-${v}{background-color:${s.line}}`,
  ),
].join("\n");

type Pending = { start: number; end: number; top: number; left: number };
type Caret = { top: number; left: number; height: number };

export function HighlightedArticle({ text, blocks, claims, numbers, selectedId, flashId, actionLabel, canAct, onOpenClaim, onAction }: Props) {
  const rootRef = useRef<HTMLElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pointerRef = useRef(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [caret, setCaret] = useState<Caret | null>(null);
  const [here, setHere] = useState<Here | null>(null);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);

  const laid = useMemo(() => {
    const spans = claims.map((c) => ({ id: c.id, start: c.selector.start, end: c.selector.end }));
    return layoutBlocks(blocks, spans, numbers);
  }, [blocks, claims, numbers]);

  const readSelection = useCallback(() => {
    const root = rootRef.current;
    const wrap = wrapRef.current;
    const sel = window.getSelection();
    if (!root || !wrap || !sel || sel.rangeCount === 0) {
      setCaret(null);
      return setPending(null);
    }
    const range = sel.getRangeAt(0);
    const w = wrap.getBoundingClientRect();
    if (sel.isCollapsed) {
      setPending(null);
      // Browsers paint no caret in read-only text: draw one while the article has keyboard focus.
      const r = document.activeElement === root && root.contains(range.startContainer) ? range.getClientRects()[0] ?? range.getBoundingClientRect() : null;
      return setCaret(r && r.height > 0 ? { top: r.top - w.top, left: r.left - w.left, height: r.height } : null);
    }
    setCaret(null);
    const offsets = rangeToOffsets(root, range, text);
    if (!offsets) return setPending(null);
    const r = range.getBoundingClientRect();
    setPending({ ...offsets, top: r.bottom - w.top + 6, left: Math.max(0, Math.min(r.left - w.left, w.width - 140)) });
  }, [text]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(readSelection, 120);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setPending(null);
        window.getSelection()?.removeAllRanges();
        return;
      }
      // Shift+arrows keep working on the "New claim" button, so a quote found by typing can be widened.
      const root = rootRef.current;
      const sel = window.getSelection();
      const step = caretStep(e);
      if (!root || !sel || !step || document.activeElement !== buttonRef.current || step.alter === "move") return;
      if (sel.rangeCount === 0 || !root.contains(sel.anchorNode)) return;
      e.preventDefault();
      sel.modify(step.alter, step.direction, step.granularity);
      readSelection();
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("keydown", onKey);
    };
  }, [readSelection]);

  /** Keyboard path: select a quote by typing it, then act on it. */
  const selectQuote = useCallback(
    (start: number, end: number) => {
      const root = rootRef.current;
      if (!root) return;
      const range = selectOffsets(root, start, end);
      range?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
      readSelection();
      setTimeout(() => buttonRef.current?.focus(), 0);
    },
    [readSelection],
  );

  /** The article got keyboard focus: put a caret at the start of the first line in view. */
  const placeCaret = useCallback(() => {
    const root = rootRef.current;
    const sel = window.getSelection();
    if (!root || !sel) return;
    if (sel.rangeCount > 0 && root.contains(sel.anchorNode)) return readSelection();
    const runs = root.querySelectorAll<HTMLElement>("[data-offset]");
    let target: Node | null = null;
    for (const run of runs) {
      if (run.getBoundingClientRect().bottom > 0 && run.firstChild) {
        target = run.firstChild;
        break;
      }
    }
    if (!target) return;
    sel.collapse(target, 0);
    readSelection();
  }, [readSelection]);

  const openHere = useCallback(
    (mark: HTMLElement, point?: { x: number; y: number }) => {
      const wrap = wrapRef.current;
      const ids = (mark.getAttribute("data-here") ?? "").split(" ").filter(Boolean);
      if (!wrap || ids.length === 0) return;
      const w = wrap.getBoundingClientRect();
      const r = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
      const x = point?.x ?? r.left;
      const y = point ? point.y + 12 : r.bottom + 4;
      setHere({ ids: claimsHere({ ids }, numbers), opener: mark, top: y - w.top, left: Math.max(0, Math.min(x - w.left, w.width - 320)) });
    },
    [numbers],
  );

  const closeHere = useCallback(
    (returnFocus: boolean) => {
      if (returnFocus) here?.opener.focus({ preventScroll: true });
      setHere(null);
    },
    [here],
  );

  function onArticleClick(e: React.MouseEvent<HTMLElement>) {
    const root = rootRef.current;
    const target = e.target as Element;
    if (!root) return;
    const chip = target.closest<HTMLElement>("button[data-claim-chip]");
    if (chip) return onOpenClaim(chip.getAttribute("data-claim-chip")!, chip);
    const mark = target.closest<HTMLElement>("mark[data-claim-id]");
    if (!mark || !root.contains(mark) || window.getSelection()?.isCollapsed === false) return;
    const overlap = mark.closest<HTMLElement>("mark[data-here]");
    if (overlap) return openHere(overlap, { x: e.clientX, y: e.clientY });
    const id = mark.getAttribute("data-claim-id")!;
    onOpenClaim(id, root.querySelector<HTMLElement>(`button[data-claim-chip="${id}"]`) ?? undefined);
  }

  function onArticleKeyDown(e: React.KeyboardEvent<HTMLElement>) {
    const root = rootRef.current;
    const target = e.target as HTMLElement;
    if (!root) return;
    if ((e.key === "Enter" || e.key === " ") && target.matches("mark[data-here]")) {
      e.preventDefault();
      return openHere(target);
    }
    if (target !== root) return;
    if (e.key === "Enter" && pending && canAct) {
      e.preventDefault();
      onAction({ start: pending.start, end: pending.end });
      return setPending(null);
    }
    const step = caretStep(e);
    const sel = window.getSelection();
    if (!step || !sel) return;
    if (sel.rangeCount === 0 || !root.contains(sel.anchorNode)) placeCaret();
    if (sel.rangeCount === 0) return;
    e.preventDefault();
    sel.modify(step.alter, step.direction, step.granularity);
    readSelection();
  }

  function renderMarks(seg: LaidSegment, depth: number): React.ReactNode {
    if (depth >= seg.ids.length) return <span data-offset={seg.start}>{text.slice(seg.start, seg.end)}</span>;
    const id = seg.ids[depth];
    const claim = byId.get(id)!;
    const stackBelow = seg.ids.length - 1 - depth;
    // Where claims overlap, the outermost mark is one focusable control that lists them all.
    const overlap = depth === 0 && seg.ids.length > 1;
    const listed = overlap ? claimsHere(seg, numbers) : null;
    return (
      <mark
        data-claim-id={id}
        data-first={seg.first.includes(id) ? "" : undefined}
        data-here={listed ? listed.join(" ") : undefined}
        tabIndex={overlap ? 0 : undefined}
        role={overlap ? "button" : undefined}
        aria-haspopup={overlap ? "dialog" : undefined}
        aria-label={listed ? `“${excerpt(text.slice(seg.start, seg.end), 60)}”: ${listed.length} claims here (${listed.map((x) => numbers.get(x)).join(", ")})` : undefined}
        className={`hl hl-${claim.verdict}${selectedId === id ? " ring-2 ring-blue-600" : ""}${flashId === id ? " animate-pulse ring-4 ring-amber-400" : ""}`}
        style={stackBelow ? ({ "--stack": stackBelow } as React.CSSProperties) : undefined}
      >
        {renderMarks(seg, depth + 1)}
      </mark>
    );
  }

  function renderChips(seg: LaidSegment) {
    if (seg.chips.length === 0) return null;
    return (
      <span className="hl-chips">
        {seg.chips.map((id) => {
          const c = byId.get(id)!;
          const n = numbers.get(id);
          const verdict = VERDICT_INFO[c.verdict].label;
          return (
            <button key={id} type="button" data-claim-chip={id} className={`hl-chip hl-chip-${c.verdict}`}
              aria-label={`Claim ${n}: ${c.claimText} (${verdict}, ${CLAIM_STATUS_LABEL[c.status].toLowerCase()})`}>
              {n} · {verdict}
            </button>
          );
        })}
      </span>
    );
  }

  return (
    <div ref={wrapRef} className="relative">
      <style>{HIGHLIGHT_CSS}</style>
      <QuoteFinder text={text} onFound={selectQuote} />
      <section
        aria-label="Article"
        aria-describedby="quote-finder-hint"
        ref={rootRef}
        tabIndex={0}
        className="article-body space-y-4 whitespace-pre-line text-lg leading-relaxed"
        onMouseUp={readSelection}
        onPointerDown={() => {
          // Focus follows pointerdown in the same task: a mouse click must not move the caret to the top.
          pointerRef.current = true;
          setTimeout(() => (pointerRef.current = false), 0);
        }}
        onFocus={(e) => {
          const byPointer = pointerRef.current;
          pointerRef.current = false;
          if (e.target === e.currentTarget && !byPointer) placeCaret();
        }}
        onBlur={(e) => {
          if (e.target === e.currentTarget) setCaret(null);
        }}
        onClick={onArticleClick}
        onKeyDown={onArticleKeyDown}
      >
        {blocks.map((b, i) => {
          const content = laid[i].map((seg) => (
            <Fragment key={seg.start}>
              {renderMarks(seg, 0)}
              {renderChips(seg)}
            </Fragment>
          ));
          const key = `${b.start}-${b.end}`;
          switch (b.type) {
            case "heading": {
              const Tag = `h${Math.min(6, Math.max(2, (b.level ?? 2) + 1))}` as "h2";
              return <Tag key={key} className="pt-2 font-sans text-xl font-semibold">{content}</Tag>;
            }
            case "quote":
              return <blockquote key={key} className="border-l-4 border-slate-300 pl-4 italic text-slate-700">{content}</blockquote>;
            case "list-item":
              return <p key={key} className="pl-6 before:-ml-4 before:mr-2 before:content-['•']">{content}</p>;
            case "preformatted":
              return <pre key={key} className="overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 p-3 font-mono text-sm">{content}</pre>;
            default:
              return <p key={key}>{content}</p>;
          }
        })}
      </section>
      {caret && <span aria-hidden="true" className="pointer-events-none absolute w-0.5 animate-pulse bg-slate-900" style={caret} />}
      {here && (
        <ClaimsHere
          here={here}
          byId={byId}
          numbers={numbers}
          onClose={closeHere}
          onChoose={(id) => {
            const opener = here.opener;
            setHere(null);
            onOpenClaim(id, opener);
          }}
        />
      )}
      {pending && canAct && (
        <button
          ref={buttonRef}
          type="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onAction({ start: pending.start, end: pending.end });
            setPending(null);
          }}
          style={{ top: pending.top, left: pending.left }}
          className="absolute z-20 rounded-md bg-blue-700 px-3 py-1.5 font-sans text-sm font-semibold text-white shadow-lg hover:bg-blue-800"
        >
          {actionLabel}
        </button>
      )}
    </div>
  );
}
