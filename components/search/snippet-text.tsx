import { parseSnippet } from "@/lib/search/snippet";

/**
 * A search snippet as React text with <mark> elements: the snippet is parsed
 * (only <mark>…</mark> is markup in it), never set as HTML.
 */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <>
      {parseSnippet(snippet).map((run, i) =>
        run.marked ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}
