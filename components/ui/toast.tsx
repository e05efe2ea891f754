"use client";
import { useEffect, useRef } from "react";
import { Alert, type AlertTone } from "./alert";

// A status region that outlives its messages, so screen readers announce each
// new one (a live region added together with its text is often not read).
// A message may carry one action ("Undo: reactivate"); it takes focus when it
// appears if `focusAction` is set, since the control that caused it may be gone.

export type ToastMessage = {
  tone: AlertTone;
  text: string;
  action?: { label: string; onClick: () => void; disabled?: boolean };
  focusAction?: boolean;
};

export function Toast({ message, onDismiss, className = "" }: { message: ToastMessage | null; onDismiss?: () => void; className?: string }) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const wantsFocus = !!message?.action && !!message.focusAction;
  useEffect(() => {
    if (!wantsFocus) return;
    // After a dialog that caused the message has closed and handed focus back to its opener.
    const t = setTimeout(() => actionRef.current?.focus(), 150);
    return () => clearTimeout(t);
  }, [message, wantsFocus]);
  return (
    <div role="status" className={className}>
      {message && (
        // An error is an alert of its own: read out at once, even inside this polite region.
        <Alert tone={message.tone} live={message.tone === "error" ? "alert" : "none"} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>{message.text}</span>
          {message.action && (
            <button ref={actionRef} type="button" disabled={message.action.disabled} onClick={message.action.onClick}
              className="rounded border border-current px-2 py-0.5 font-medium underline-offset-2 hover:underline disabled:opacity-60">
              {message.action.label}
            </button>
          )}
          {onDismiss && (
            <button type="button" onClick={onDismiss} className="ml-auto px-1 text-current hover:underline">
              Dismiss
            </button>
          )}
        </Alert>
      )}
    </div>
  );
}
