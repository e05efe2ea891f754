"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StaleEdit } from "./use-live-claims";

/** Above the claim form when its claim changed elsewhere: the viewer's text stays until they choose "Reload". */
export function StaleEditAlert({ stale, onReload }: { stale: StaleEdit; onReload: () => void }) {
  return (
    <Alert tone="warning" live="alert">
      {stale.deleted ? (
        <p className="font-semibold">Deleted by someone else — this claim can no longer be saved</p>
      ) : (
        <p className="font-semibold">Changed by {stale.by ?? "someone else"} — reload it</p>
      )}
      <p className="mt-1">
        {stale.deleted
          ? "Your edits are still in the form below: copy anything you want to keep."
          : "Your edits are still in the form below. Reload replaces them with the current version; saving without reloading shows both versions first."}
      </p>
      <Button tone="secondary" className="mt-2 !px-3 !py-1 text-sm" onClick={onReload}>Reload</Button>
    </Alert>
  );
}

/**
 * The article's text was revised while it was open. The text is not swapped
 * under the reader (a selection or a half-written claim would lose its place):
 * they reload when ready.
 */
export function LiveClaimNotices({ revised }: { revised: boolean }) {
  if (!revised) return null;
  return (
    <Alert tone="warning" className="mb-4 flex flex-wrap items-center justify-between gap-2 font-sans">
      <span>The article text changed since you opened it. Claims and highlights here follow the earlier text until you reload.</span>
      <Button tone="secondary" className="!px-3 !py-1 text-sm" onClick={() => window.location.reload()}>Reload</Button>
    </Alert>
  );
}
