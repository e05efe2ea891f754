// Re-anchoring an article's stored suggestions against a new revision of its text,
// and merging in the new revision's fresh ranking. Pure: unit-tested, runs anywhere.
import { describe } from "@/lib/anchoring/describe";
import { locate } from "@/lib/anchoring/locate";
import type { Selector } from "@/lib/anchoring/types";
import type { SuggestionDraft } from "./compute";
import type { Reason } from "./types";

export type SuggestionState = "OPEN" | "DISMISSED" | "ORPHANED";

export type StoredSuggestion = {
  id: string;
  selector: Selector;
  status: SuggestionState;
  /** Someone dismissed it once: wherever it lands (or comes back), it stays dismissed. */
  dismissed: boolean;
  score: number;
  reasons: Reason[];
  scope: "sentence" | "phrase";
};

export type SuggestionUpdate = Omit<StoredSuggestion, "dismissed"> & { anchored: boolean };

export type SuggestionCounts = { kept: number; orphaned: number; added: number };

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * A reason's words in the suggestion's new span: where they were relative to its start,
 * else the first place in the span that has them; dropped when the words are gone.
 */
function moveReasons(reasons: Reason[], before: Selector, after: Selector): Reason[] {
  const out: Reason[] = [];
  for (const r of reasons) {
    const rel = r.start - before.start;
    const words = r.phrase || (rel >= 0 ? before.exact.slice(rel, r.end - before.start) : "");
    if (!words) continue;
    const at = rel >= 0 && after.exact.slice(rel, rel + words.length) === words ? rel : after.exact.indexOf(words);
    if (at < 0) continue;
    out.push({ ...r, start: after.start + at, end: after.start + at + words.length });
  }
  return out;
}

/** Where one stored suggestion lands in `text`; `anchored` false means its words are gone (ORPHANED, selector kept). */
export function reanchorSuggestion(text: string, s: StoredSuggestion): SuggestionUpdate {
  const orphan: SuggestionUpdate = { id: s.id, selector: s.selector, status: "ORPHANED", score: s.score, reasons: s.reasons, scope: s.scope, anchored: false };
  const hit = locate(text, s.selector);
  if (!hit) return orphan;
  let selector: Selector;
  try {
    selector = describe(text, hit.start, hit.end);
  } catch {
    return orphan;
  }
  const reasons = moveReasons(s.reasons, s.selector, selector);
  // An open suggestion is worth showing for the words that made it one: with none left, it is gone.
  if (!s.dismissed && reasons.length === 0) return orphan;
  return { id: s.id, selector, status: s.dismissed ? "DISMISSED" : "OPEN", score: s.score, reasons, scope: s.scope, anchored: true };
}

/**
 * Every stored suggestion against the new text, then the fresh ranking of that text:
 * a fresh item with the span and scope of a re-anchored one is that suggestion (its score
 * and reasons refreshed, its status kept: a dismissed one stays dismissed); one that
 * overlaps a re-anchored one of its scope is already covered by it; any other is new.
 */
export function reanchorSuggestions(text: string, stored: readonly StoredSuggestion[], fresh: readonly SuggestionDraft[]) {
  const updates = stored.map((s) => reanchorSuggestion(text, s));
  const live = updates.filter((u) => u.anchored);
  const inserts: SuggestionDraft[] = [];
  for (const f of fresh) {
    const same = live.find((u) => u.scope === f.scope && u.selector.start === f.start && u.selector.end === f.end);
    if (same) {
      same.score = f.score;
      same.reasons = f.reasons;
      continue;
    }
    if (live.some((u) => u.scope === f.scope && overlaps(u.selector, f))) continue;
    if (inserts.some((i) => i.scope === f.scope && i.start === f.start && i.end === f.end)) continue;
    inserts.push(f);
  }
  const counts: SuggestionCounts = { kept: live.length, orphaned: updates.length - live.length, added: inserts.length };
  return { updates, inserts, counts };
}
