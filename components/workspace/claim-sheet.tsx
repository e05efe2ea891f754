"use client";
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

/** Below Tailwind's `lg` breakpoint the claim panel is a sheet over the text instead of a side column. */
const NARROW = "(max-width: 1023.98px)";

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia(NARROW);
    const update = () => setNarrow(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return narrow;
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

type Props = {
  /** True on a narrow screen while a claim (or a claim form) is open: the panel is a modal bottom sheet. */
  sheet: boolean;
  title: string;
  onClose: () => void;
  panelRef: RefObject<HTMLDivElement | null>;
  children: ReactNode;
};

/**
 * The claims panel: a sticky side column on wide screens; on narrow ones the
 * list stays below the article and an open claim slides up as a sheet over
 * the text (a modal dialog with a "Close" button; Escape closes it too), so a
 * reader never loses their place in the article. Same element either way, so
 * a form keeps its state when the layout changes.
 */
export function ClaimsAside({ sheet, title, onClose, panelRef, children }: Props) {
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    if (!sheet) return;
    const onKey = (e: KeyboardEvent) => {
      const box = panelRef.current;
      if (!box) return;
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        onCloseRef.current();
      } else if (e.key === "Tab") {
        // Keep Tab inside the sheet while it is open (the article behind it is inert).
        const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
        if (items.length === 0) return;
        const first = items[0];
        const last = items[items.length - 1];
        const active = document.activeElement;
        if (e.shiftKey && (active === first || active === box || !box.contains(active))) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (active === last || !box.contains(active))) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [sheet, panelRef]);

  return (
    <>
      {sheet && <div aria-hidden="true" data-sheet-backdrop="" className="fixed inset-0 z-30 bg-slate-900/40" onClick={() => onCloseRef.current()} />}
      <aside
        aria-label="Claims"
        className={
          sheet
            ? "fixed inset-x-0 bottom-0 z-40 rounded-t-2xl border-t border-slate-300 bg-white shadow-2xl"
            : "lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
        }
      >
        <div
          ref={panelRef}
          tabIndex={-1}
          role={sheet ? "dialog" : undefined}
          aria-modal={sheet ? true : undefined}
          aria-labelledby={sheet ? headingId : undefined}
          className={sheet ? "max-h-[70vh] overflow-y-auto overscroll-contain p-4 outline-none" : "rounded-lg border border-slate-200 bg-white p-4 outline-none"}
        >
          <div className="mb-3 flex items-start justify-between gap-3">
            <h2 id={headingId} className="text-lg font-semibold">{title}</h2>
            {sheet && (
              <button type="button" onClick={() => onCloseRef.current()} className="rounded border border-slate-400 px-3 py-1 font-sans text-sm font-medium hover:bg-slate-100">
                Close
              </button>
            )}
          </div>
          {children}
        </div>
      </aside>
    </>
  );
}
