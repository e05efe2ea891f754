import { describe as describeSelector } from "@/lib/anchoring/describe";

/** A valid claim body for `quote` in `text` (first occurrence). */
export function claimBody(text: string, quote: string, overrides: Record<string, unknown> = {}) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const base = {
    selector: describeSelector(text, start, start + quote.length),
    claimText: "The sky was green in 2007.",
    verdict: "FALSE",
    rationale: "Archive photos show a **blue** sky.",
    sources: [
      { url: "https://example.org/sky-2007", title: "Sky colour records, 2007", stance: "REFUTES" },
      { url: "https://example.net/weather", title: "Weather almanac", publisher: "Almanac Press", stance: "CONTEXT", archivedUrl: "https://archive.example/weather" },
    ],
  };
  // Overrides may be deliberately invalid; tests check how the API answers them.
  return { ...base, ...overrides } as typeof base;
}
