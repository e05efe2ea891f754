import type { ShownSegment } from "@/lib/diff/word-diff";

// An edit shown word by word. Not by colour alone: added words are underlined
// (<ins>), removed ones struck through (<del>), and each carries visually
// hidden "added:" / "removed:" text, since most screen readers do not announce
// <ins>/<del> by default. Server- and client-safe (no hooks).

export function WordDiff({ segments, label }: { segments: readonly ShownSegment[]; label: string }) {
  return (
    <div className="space-y-0.5">
      <p className="text-xs font-semibold text-slate-700">{label}</p>
      <p className="whitespace-pre-wrap rounded border border-slate-200 bg-white px-2 py-1">
        {segments.map((s, i) => {
          if (s.kind === "added")
            return (
              <ins key={i} className="bg-emerald-100 text-emerald-950 underline decoration-2 underline-offset-2">
                <span className="sr-only">[added: </span>{s.text}<span className="sr-only">]</span>
              </ins>
            );
          if (s.kind === "removed")
            return (
              // A gap between a removed word and the word that replaced it, so "1852" and "1853" do not run together.
              <del key={i} className={`bg-red-100 text-red-950 line-through decoration-2 ${segments[i + 1]?.kind === "added" ? "mr-1" : ""}`}>
                <span className="sr-only">[removed: </span>{s.text}<span className="sr-only">]</span>
              </del>
            );
          if (s.kind === "skipped")
            return <span key={i} className="text-slate-600 italic">[… {s.words} unchanged word{s.words === 1 ? "" : "s"} …]</span>;
          return <span key={i}>{s.text}</span>;
        })}
      </p>
    </div>
  );
}

/** The key under the history: what the marks mean. */
export function WordDiffKey() {
  return (
    <p className="text-xs text-slate-600">
      In edits, <span className="bg-emerald-100 text-emerald-950 underline decoration-2 underline-offset-2">added words are underlined</span> and{" "}
      <span className="bg-red-100 text-red-950 line-through decoration-2">removed words are struck through</span>.
    </p>
  );
}
