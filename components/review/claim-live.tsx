"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLiveEvents, type LiveEvent } from "@/components/live/live-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The review page of one claim, live. Someone else's comment is added to the
// history at once (a re-render that keeps whatever is typed in the forms). A
// change to the claim itself (an edit, a decision, a deletion) is not swapped in
// under an editor who may be writing a decision about what they read: the page
// says who changed it and offers "Reload"; a decision sent meanwhile refers to
// the version that was read and is refused (409) rather than applied to the new one.

type Props = { claimId: string; articleId: string; version: number; meId: string };

type Change = { kind: "changed" | "decided" | "deleted" | "revised"; by: string | null };

/** Who made the change an event announces (the server joins the name), or nulls. */
function actorOf(e: LiveEvent): { id: string | null; name: string | null } {
  const a = e.actor as { id?: unknown; name?: unknown } | undefined;
  return { id: typeof a?.id === "string" ? a.id : null, name: typeof a?.name === "string" ? a.name : null };
}

function text(c: Change): string {
  const who = c.by ?? "Someone";
  switch (c.kind) {
    case "deleted":
      return `${who} deleted this claim.`;
    case "decided":
      return `${who} reviewed this claim meanwhile.`;
    case "revised":
      return "The article's text was revised meanwhile.";
    default:
      return `Changed by ${who} — reload it.`;
  }
}

export function ClaimLive({ claimId, articleId, version, meId }: Props) {
  const router = useRouter();
  const [change, setChange] = useState<Change | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useLiveEvents(
    (e) => {
      if (e.type === "resync") return setChange((c) => c ?? { kind: "changed", by: null });
      const actor = actorOf(e);
      const mine = actor.id === meId;
      if ((e.type === "claim.updated" || e.type === "claim.deleted") && e.id === claimId) {
        if (mine || (e.type === "claim.updated" && typeof e.version === "number" && e.version <= version)) return;
        return setChange({ kind: e.type === "claim.deleted" ? "deleted" : "changed", by: actor.name });
      }
      if (e.type === "review.created" && e.claimId === claimId && !mine) return setChange({ kind: "decided", by: actor.name });
      if (e.type === "article.revised" && e.articleId === articleId) return setChange((c) => c ?? { kind: "revised", by: null });
      if (e.type === "comment.created" && e.claimId === claimId && !mine) {
        // Only while the page still shows the current claim: after a change, "Reload" brings both.
        if (change || refreshTimer.current) return;
        refreshTimer.current = setTimeout(() => {
          refreshTimer.current = undefined;
          router.refresh();
        }, 300);
      }
    },
    [claimId, articleId, version, meId, change],
  );

  if (!change) return null;
  return (
    <Alert tone="warning" title="This claim changed">
      <p>{text(change)}</p>
      {change.kind === "deleted" ? (
        <p className="mt-1">
          <Link href="/review" className="font-medium underline">Back to the review queue</Link>
        </p>
      ) : (
        <Button
          type="button"
          tone="secondary"
          className="mt-2"
          onClick={() => {
            setChange(null);
            router.refresh();
          }}
        >
          Reload
        </Button>
      )}
    </Alert>
  );
}
