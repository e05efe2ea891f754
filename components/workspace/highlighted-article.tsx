"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Block } from "@/lib/articles/blocks";
import { firstAndLast, segmentRange, type Segment } from "@/lib/claims/segments";
import { VERDICT_INFO } from "@/lib/claims/constants";
import { VERDICT_STYLE } from "./verdict-style";
import { rangeToOffsets, selectOffsets } from "./dom-offsets";
import type { ClaimDto } from "./types";

type Props = {
  text: string;
  blocks: Block[];
  claims: ClaimDto[];
  selectedId: string | null;
  flashId: string | null;
  /** "New claim", or "Re-attach here" while an orphaned claim is being re-attached. */
  actionLabel: string;
  canAct: boolean;
  onOpenClaim: (id: string) => void;
  onAction: (range: { start: number; end: number }) => void;
};

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
    const style = VERDICT_STYLE[claim.verdict];
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
        className={`cursor-pointer rounded-sm text-inherit transition-shadow ${selectedId === id ? "ring-2 ring-blue-600" : ""} ${flashId === id ? "animate-pulse ring-4 ring-amber-400" : ""}`}
        style={{
          backgroundColor: style.bg,
          textDecorationLine: "underline",
          textDecorationColor: style.line,
          textDecorationStyle: style.lineStyle,
          textDecorationThickness: "2px",
          textUnderlineOffset: `${3 + stackBelow * 4}px`,
          paddingBottom: `${1 + stackBelow * 4}px`,
          boxDecorationBreak: "clone",
          WebkitBoxDecorationBreak: "clone",
        }}
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
            className={`ml-0.5 select-none rounded px-1 align-text-top font-sans text-[0.6rem] font-semibold uppercase leading-4 tracking-wide ${style.chip}`}
          >
            {VERDICT_INFO[claim.verdict].label}
          </button>
        )}
      </mark>
    );
  }

  return (
    <div ref={wrapRef} className="relative">
      <QuoteFinder text={text} onFound={selectQuote} />
      <section aria-label="Article" ref={rootRef} className="article-body space-y-4 text-lg leading-relaxed" onMouseUp={readSelection}>
        {blocks.map((b, i) => {
          const content = segmentsByBlock[i].map((seg) => <span key={seg.start}>{renderSegment(seg, 0)}</span>);
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
