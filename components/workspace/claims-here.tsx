"use client";
import { useEffect, useRef } from "react";
import { VERDICT_INFO } from "@/lib/claims/constants";
import { excerpt } from "./highlight-layout";
import type { ClaimSummaryDto } from "./types";

export type Here = { ids: string[]; top: number; left: number; opener: HTMLElement };

type Props = {
  here: Here;
  byId: ReadonlyMap<string, ClaimSummaryDto>;
  numbers: ReadonlyMap<string, number>;
  onChoose: (id: string) => void;
  /** `returnFocus`: Escape gives focus back to the overlapped text; a click elsewhere leaves it where it went. */
  onClose: (returnFocus: boolean) => void;
};

/**
 * The list of every claim covering a spot where highlights overlap. A
 * non-modal popover: focus moves into it, Arrow keys and Tab move between
 * claims, Escape or a click outside closes it.
 */
export function ClaimsHere({ here, byId, numbers, onChoose, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("button")?.focus({ preventScroll: true });
  }, [here]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (ref.current?.contains(t) || here.opener.contains(t)) return;
      onClose(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [here, onClose]);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label="Claims here"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose(true);
          return;
        }
        if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next = buttons[(at + (e.key === "ArrowDown" ? 1 : buttons.length - 1)) % buttons.length];
        e.preventDefault();
        next?.focus();
      }}
      style={{ top: here.top, left: here.left }}
      className="absolute z-30 w-[min(20rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-2 font-sans text-sm shadow-xl"
    >
      <p className="px-1 pb-1 font-semibold text-slate-800">{here.ids.length} claims cover these words</p>
      <ul className="space-y-1">
        {here.ids.map((id) => {
          const c = byId.get(id);
          if (!c) return null;
          return (
            <li key={id}>
              <button type="button" onClick={() => onChoose(id)} className="w-full rounded border border-slate-200 px-2 py-1.5 text-left hover:bg-slate-50">
                <span className={`hl-chip hl-chip-${c.verdict}`}>{numbers.get(id) ?? "?"} · {VERDICT_INFO[c.verdict].label}</span>
                <span className="mt-0.5 block leading-snug text-slate-900">{excerpt(c.claimText)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
