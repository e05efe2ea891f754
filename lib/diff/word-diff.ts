// Word-level differences between two versions of a text (a claim's wording, its
// rationale), as segments a page marks up with <ins> and <del>. Pure: runs on
// the server, in the browser and in unit tests. The comparison itself is jsdiff's
// (Myers' O(ND) algorithm on word tokens); this module only shapes its output.
import { diffWords } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };
/** A run of unchanged words left out of a long text, so the changes stay in view. */
export type SkippedSegment = { kind: "skipped"; words: number };
export type ShownSegment = DiffSegment | SkippedSegment;

/**
 * Past this many inserted plus removed tokens the texts have little in common:
 * jsdiff gives up (bounding the work on a 20,000-character rationale) and the
 * change is shown as the old text removed and the new one added.
 */
const MAX_EDIT_LENGTH = 1_000;
/** And past this many milliseconds, for the same reason (a history page renders many diffs). */
const TIMEOUT_MS = 100;

/**
 * The segments that turn `before` into `after`. Joining the non-removed ones
 * gives `after`; the non-added ones give `before` up to whitespace: jsdiff's
 * word diff ignores spacing (unchanged runs carry the new text's spaces), so a
 * change of spacing or line breaks alone yields no marked segment.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  if (!before || !after) return whole(before, after);
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes) return whole(before, after);
  const out: DiffSegment[] = [];
  for (const c of changes) {
    if (!c.value) continue;
    const kind = c.added ? "added" : c.removed ? "removed" : "same";
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else out.push({ kind, text: c.value });
  }
  return out;
}

function whole(before: string, after: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  if (before) out.push({ kind: "removed", text: before });
  if (after) out.push({ kind: "added", text: after });
  return out;
}

/** True when the segments hold any insertion or removal. */
export function hasChanges(segments: readonly ShownSegment[]): boolean {
  return segments.some((s) => s.kind === "added" || s.kind === "removed");
}

/**
 * Shortens long unchanged runs to `context` words on each side of a change, so a
 * one-word edit in a long rationale is not buried (nor cut off, as the old
 * before/after summary was). A run is shortened only when that saves at least
 * `minSkip` words; a text without changes is returned whole.
 */
export function collapseUnchanged(segments: readonly DiffSegment[], context = 12, minSkip = 6): ShownSegment[] {
  if (!hasChanges(segments)) return [...segments];
  const out: ShownSegment[] = [];
  segments.forEach((s, i) => {
    if (s.kind !== "same") return void out.push(s);
    const keepHead = i === 0 ? 0 : context;
    const keepTail = i === segments.length - 1 ? 0 : context;
    out.push(...shorten(s.text, keepHead, keepTail, minSkip));
  });
  return out;
}

function shorten(text: string, keepHead: number, keepTail: number, minSkip: number): ShownSegment[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const skip = words.length - keepHead - keepTail;
  if (skip < minSkip) return [{ kind: "same", text }];
  // The head keeps the whitespace after its last word, the tail the whitespace before its first.
  const head = text.slice(0, words[keepHead].start);
  const tail = text.slice(words[words.length - keepTail - 1].end);
  const out: ShownSegment[] = [];
  if (head) out.push({ kind: "same", text: head });
  out.push({ kind: "skipped", words: skip });
  if (tail) out.push({ kind: "same", text: tail });
  return out;
}
