"use client";
import { useEffect, useId, useRef } from "react";

// A modal dialog on the native <dialog> element: showModal() traps focus and
// makes the rest of the page inert; the <h2> title is its accessible name.
// Escape, the close button and "Cancel" controls call onClose; focus goes
// back to whatever had it when the dialog opened. No domain knowledge.

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
};

export function Dialog({ open, onClose, title, description, children, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Return focus to the opener when the dialog closes (or unmounts while open).
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restore = () => {
      const target = opener.current;
      opener.current = null;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
    dialog.addEventListener("close", restore);
    return () => {
      dialog.removeEventListener("close", restore);
      if (dialog.open) {
        dialog.close();
        restore();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let the parent decide (it owns `open`).
        event.preventDefault();
        onCloseRef.current();
      }}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] whitespace-normal text-left max-h-[calc(100vh-2rem)] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      {open && (
        <div className="flex max-h-[calc(100vh-2rem)] flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
            <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
            <button
              type="button"
              onClick={() => onCloseRef.current()}
              aria-label="Close"
              className="rounded px-2 text-xl leading-none text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <div className="overflow-y-auto px-5 py-4">
            {description && <div id={descriptionId} className="mb-3 text-sm text-slate-700">{description}</div>}
            {children}
          </div>
          {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
