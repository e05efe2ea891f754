"use client";
import { useMemo, useRef, useState } from "react";
import { findQuote, nextMatch, prepareHaystack } from "./find-quote";

/**
 * The keyboard path to a selection: type the quote, press Enter, and its words
 * are selected in the article. Tolerant of typography, spacing and case (see
 * find-quote.ts); Enter again selects the next occurrence.
 */
export function QuoteFinder({ text, onFound }: { text: string; onFound: (start: number, end: number) => void }) {
  const [message, setMessage] = useState("");
  const lastHit = useRef(-1);
  const hay = useMemo(() => prepareHaystack(text), [text]);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-2 font-sans text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get("quote") ?? "").trim();
        if (!q) return;
        const matches = findQuote(hay, q);
        const i = nextMatch(matches, lastHit.current);
        if (i < 0) {
          lastHit.current = -1;
          return setMessage(`"${q}" is not in the article.`);
        }
        const m = matches[i];
        lastHit.current = m.start;
        setMessage(matches.length > 1 ? `Selected match ${i + 1} of ${matches.length}; press Enter again for the next.` : "Selected.");
        onFound(m.start, m.end);
      }}
    >
      <div>
        <label htmlFor="quote-finder" className="block font-medium text-slate-700">Find a quote to select</label>
        <input id="quote-finder" name="quote" type="search" autoComplete="off" onChange={() => (lastHit.current = -1)}
          aria-describedby="quote-finder-hint" className="mt-1 w-72 max-w-full rounded border border-slate-400 px-2 py-1" />
      </div>
      <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">Find</button>
      <p id="quote-finder-hint" className="w-full text-xs text-slate-600">
        Quotes, dashes, spacing and capitals need not match. In the article text, Shift and the arrow keys extend the selection.
      </p>
      <p aria-live="polite" className="w-full text-slate-600">{message}</p>
    </form>
  );
}
