import type { HistoryEntry } from "@/lib/history/claim-history";
import { WordDiff, WordDiffKey } from "./word-diff";
import { formatTimestamp } from "@/components/ui/format";

// A claim's history, oldest first: who did what, each edit numbered as a
// revision (1, 2, 3…) with its texts shown word by word.

const stamp = (d: Date) => `${formatTimestamp(d)} UTC`;

export function ClaimTimeline({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <div className="space-y-2">
      {entries.some((e) => e.textChanges.length > 0) && <WordDiffKey />}
      <ol aria-label="History" className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
        {entries.map((e) => (
          <li key={e.id} className="space-y-1">
            <p>
              {e.revision !== null && <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-white">Revision {e.revision}</span>}
              <strong>{e.actor}</strong> {e.summary}
              {e.about !== null && <span className="text-slate-700"> (on revision {e.about})</span>}{" "}
              <time dateTime={e.createdAt.toISOString()} className="text-slate-600">{stamp(e.createdAt)}</time>
            </p>
            {e.textChanges.map((t) => <WordDiff key={t.field} label={t.label} segments={t.segments} />)}
            {e.details.length > 0 && (
              <ul className="list-disc pl-5 text-slate-700">
                {e.details.map((d, i) => <li key={i}>{d}</li>)}
              </ul>
            )}
            {e.note && <blockquote className="whitespace-pre-wrap border-l-2 border-slate-300 pl-2 text-slate-800">{e.note}</blockquote>}
          </li>
        ))}
      </ol>
    </div>
  );
}
