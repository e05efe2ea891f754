import { describeChanges } from "@/components/ui/describe-change";

const LABELS: Record<string, string> = {
  "claim.create": "created the claim",
  "claim.update": "edited",
  "claim.submit": "submitted it for review",
  "claim.comment": "commented",
  "claim.reattach": "re-attached it to new text",
  "claim.reanchor": "re-anchored it after a text change",
  "claim.delete": "deleted it",
  "claim.review.approve": "approved it",
  "claim.review.request_changes": "requested changes",
  "claim.review.reject": "rejected it",
};

type Event = { id: string; action: string; changes: unknown; createdAt: Date; actor: { name: string } | null };

export function ClaimTimeline({ events }: { events: Event[] }) {
  return (
    <ol aria-label="History" className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{e.actor?.name ?? "Verity"}</strong> {LABELS[e.action] ?? e.action}{" "}
            <time dateTime={e.createdAt.toISOString()} className="text-slate-600">{e.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
          </p>
          {e.action !== "claim.create" && describeChanges(e.changes) && <p className="text-slate-600">{describeChanges(e.changes)}</p>}
        </li>
      ))}
    </ol>
  );
}
