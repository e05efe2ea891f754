"use client";
import { useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { Notice } from "./notice";

// A button that asks before acting: it opens a Dialog named `title` that
// states the consequence, with "Cancel" and `confirmLabel`. onConfirm resolves
// to an error message (shown in the dialog, which stays open) or nothing (the
// dialog closes). While it runs, both buttons are disabled.

export type ConfirmButtonProps = {
  label: string;
  /** The button's accessible name when its visible label alone is ambiguous (a table of "Revoke" buttons: "Revoke CI token"). */
  ariaLabel?: string;
  title: string;
  consequence: React.ReactNode;
  confirmLabel: string;
  /** Tone of the confirm button inside the dialog. */
  tone?: "danger" | "primary";
  /** Tone of the button that opens the dialog. */
  buttonTone?: "danger" | "primary" | "secondary";
  className?: string;
  onConfirm: () => Promise<string | void>;
};

export function ConfirmButton({ label, ariaLabel, title, consequence, confirmLabel, tone = "primary", buttonTone = "secondary", className, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    if (busy) return;
    setOpen(false);
    setError(null);
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    let message: string | void;
    try {
      message = await onConfirm();
    } catch (e) {
      message = e instanceof Error && e.message ? e.message : "Something went wrong. Please try again.";
    }
    setBusy(false);
    if (message) setError(message);
    else setOpen(false);
  }

  return (
    <>
      <Button tone={buttonTone} className={className} aria-label={ariaLabel} onClick={() => setOpen(true)}>{label}</Button>
      <Dialog
        open={open}
        onClose={close}
        title={title}
        footer={
          <>
            <Button tone="secondary" onClick={close} disabled={busy}>Cancel</Button>
            <Button tone={tone} onClick={confirm} disabled={busy} aria-busy={busy || undefined}>{confirmLabel}</Button>
          </>
        }
      >
        <div className="text-sm text-slate-800">{consequence}</div>
        {error && <Notice tone="error" className="mt-3">{error}</Notice>}
      </Dialog>
    </>
  );
}
