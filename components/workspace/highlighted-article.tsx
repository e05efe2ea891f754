"use client";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { firstAndLast, segmentRange, type Segment } from "@/lib/claims/segments";
import { VERDICT_INFO } from "@/lib/claims/constants";
import { VERDICT_STYLE } from "./verdict-style";
import { rangeToOffsets, selectOffsets } from "./dom-offsets";
import type { ClaimSummaryDto } from "./types";

type Props = {
  text: string;
  blocks: Block[];
  claims: ClaimSummaryDto[];
  selectedId: string | null;
  flashId: string | null;
  /** "New claim", or "Re-attach here" while an orphaned claim is being re-attached. */
  actionLabel: string;
  canAct: boolean;
  onOpenClaim: (id: string) => void;
  onAction: (range: { start: number; end: number }) => void;
};

// One stylesheet for every highlight instead of inline styles on each of
// (possibly) thousands of marks; colours come from the one verdict table.
const HIGHLIGHT_CSS = [
  `mark.hl{color:inherit;cursor:pointer;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;` +
    `text-underline-offset:calc(3px + var(--stack,0) * 4px);padding-bottom:calc(1px + var(--stack,0) * 4px);` +
    `box-decoration-break:clone;-webkit-box-decoration-break:clone}`,
  `.hl-chip{margin-left:2px;user-select:none;border-radius:4px;padding:0 4px;vertical-align:text-top;color:#fff;` +
    `font:600 0.6rem/1rem ui-sans-serif,system-ui,sans-serif;text-transform:uppercase;letter-spacing:.025em}`,
  ...Object.entries(VERDICT_STYLE).map(
    ([v, s]) =>
      `mark.hl-${v}{background-color:${s.bg};text-decoration-color:${s.line};text-decoration-style:${s.lineStyle}}.hl-chip-${v}{background-color:${s.line}}`,
  ),
].join("\n");

type Pending = { start: number; end: number; top: number; left: number };

export function HighlightedArticle({ text, blocks, claims, selectedId, flashId, actionLabel, canAct, onOpenClaim, onAction }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);

  const segmentsByBlock = useMemo(() => {
    const spans = claims.map((c) => ({ id: c.id, start: c.selector.start, end: c.selector.end }));
    return blocks.map((b) => segmentRange(b.start, b.end, spans));
  }, [blocks, claims]);
  const edges = useMemo(() => firstAndLast(segmentsByBlock), [segmentsByBlock]);

  const readSelection = useCallback(() => {
    const root = rootRef.current;
    const wrap = wrapRef.current;
    const sel = window.getSelection();
    if (!root || !wrap || !sel || sel.rangeCount === 0 || sel.isCollapsed) return setPending(null);
    const range = sel.getRangeAt(0);
    const offsets = rangeToOffsets(root, range, text);
    if (!offsets) return setPending(null);
    const r = range.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
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
      }
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

  function renderSegment(seg: Segment, depth: number): React.ReactNode {
    if (depth >= seg.ids.length) {
      return <span data-offset={seg.start}>{text.slice(seg.start, seg.end)}</span>;
    }
    const id = seg.ids[depth];
    const claim = byId.get(id)!;
    const stackBelow = seg.ids.length - 1 - depth;
    const isLast = edges.get(id)?.last === seg.start;
    const isFirst = edges.get(id)?.first === seg.start;
    return (
      <mark
        data-claim-id={id}
        data-first={isFirst ? "" : undefined}
        onClick={(e) => {
          if (window.getSelection()?.isCollapsed === false) return;
          e.stopPropagation();
          onOpenClaim(id);
        }}
        className={`hl hl-${claim.verdict}${selectedId === id ? " ring-2 ring-blue-600" : ""}${flashId === id ? " animate-pulse ring-4 ring-amber-400" : ""}`}
        style={stackBelow ? ({ "--stack": stackBelow } as React.CSSProperties) : undefined}
      >
        {renderSegment(seg, depth + 1)}
        {isLast && (
          <button
            type="button"
            data-claim-chip={id}
            aria-label={`${claim.claimText} (${VERDICT_INFO[claim.verdict].label}, ${claim.status.toLowerCase().replace("_", " ")})`}
            onClick={(e) => {
              e.stopPropagation();
              onOpenClaim(id);
            }}
            className={`hl-chip hl-chip-${claim.verdict}`}
          >
            {VERDICT_INFO[claim.verdict].label}
          </button>
        )}
      </mark>
    );
  }

  return (
    <div ref={wrapRef} className="relative">
      <style>{HIGHLIGHT_CSS}</style>
      <QuoteFinder text={text} onFound={selectQuote} />
      <section aria-label="Article" ref={rootRef} className="article-body space-y-4 whitespace-pre-line text-lg leading-relaxed" onMouseUp={readSelection}>
        {blocks.map((b, i) => {
          const content = segmentsByBlock[i].map((seg) => <Fragment key={seg.start}>{renderSegment(seg, 0)}</Fragment>);
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

function QuoteFinder({ text, onFound }: { text: string; onFound: (start: number, end: number) => void }) {
  const [message, setMessage] = useState("");
  const lastHit = useRef(-1);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-2 font-sans text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get("quote") ?? "").trim();
        if (!q) return;
        const hay = text.toLowerCase();
        const needle = q.toLowerCase();
        let at = hay.indexOf(needle, lastHit.current + 1);
        if (at < 0) at = hay.indexOf(needle);
        lastHit.current = at;
        if (at < 0) return setMessage(`"${q}" is not in the article.`);
        const count = hay.split(needle).length - 1;
        setMessage(count > 1 ? `Selected one of ${count} matches; press Enter again for the next.` : "Selected.");
        onFound(at, at + q.length);
      }}
    >
      <div>
        <label htmlFor="quote-finder" className="block font-medium text-slate-700">Find a quote to select</label>
        <input id="quote-finder" name="quote" type="search" autoComplete="off" onChange={() => (lastHit.current = -1)}
          className="mt-1 w-72 rounded border border-slate-400 px-2 py-1" />
      </div>
      <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">Find</button>
      <p aria-live="polite" className="w-full text-slate-600">{message}</p>
    </form>
  );
}
