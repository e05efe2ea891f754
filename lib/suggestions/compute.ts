// What Verity stores as an article's suggestions: the ranker's output, capped.
// Pure (no Next, no Prisma): the import worker process runs it (lib/imports/worker/tasks.ts),
// and the app runs it in-process only where no worker prepared the text.
import { suggestForText } from "./rank";
import type { Suggestion } from "./types";

/** Sentences stored per article (each followed by the date phrases of its dated references, not counted). */
export const SUGGESTION_CAP = 50;

/** The article's metadata that changes a ranking: dates are judged against publishedAt; language picks the model. */
export type SuggestContext = { publishedAt: Date | null; language: string | null };

export type SuggestionDraft = Suggestion;

/**
 * The best SUGGESTION_CAP sentences (the ranker's minScore of 0.5, except that a sentence
 * with a dated reference is kept whatever its score) and, right after each, the date
 * phrases of its dated references (scope "phrase"), best first.
 */
export function computeSuggestions(text: string, ctx: SuggestContext): SuggestionDraft[] {
  // The ranker's limit counts phrases too: ask for room, then cap sentences only.
  const items = suggestForText(text, { publishedAt: ctx.publishedAt, language: ctx.language, limit: SUGGESTION_CAP * 2 });
  const out: SuggestionDraft[] = [];
  let sentences = 0;
  for (const item of items) {
    if (item.scope === "sentence" && ++sentences > SUGGESTION_CAP) break;
    out.push(item);
  }
  return out;
}
