// Shared by the claim writes: a selector checked against the article's text,
// and source rows and their audit summary. Pure.
import { describe } from "@/lib/anchoring/describe";
import { invalidInput } from "@/lib/errors";
import type { ClaimInput, SourceInput } from "./schema";

type SelectorInput = ClaimInput["selector"];

/**
 * Checks a selector against the article's current text and returns the stored
 * form: the offsets must lie in the text and `exact` must be the text there.
 * Prefix and suffix are recomputed from the text, never trusted from the client.
 */
export function anchorSelector(text: string, s: SelectorInput) {
  if (s.end > text.length) throw invalidInput({ "selector.end": `is beyond the end of the text (${text.length} characters)` });
  if (text.slice(s.start, s.end) !== s.exact) {
    throw invalidInput({ "selector.exact": `does not match the article text at ${s.start}–${s.end}` });
  }
  return describe(text, s.start, s.end);
}

export function sourceRows(sources: SourceInput[]) {
  return sources.map((s, position) => ({
    position,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    stance: s.stance,
    archivedUrl: s.archivedUrl,
    excerpt: s.excerpt,
  }));
}

export const sourceSummary = (sources: { url: string; stance: string }[]) => sources.map((s) => `${s.stance} ${s.url}`);
