// A claim's history as people read it, built from its audit events. Pure.
//
// Why "revision" and not the claim's `version`: `version` is the optimistic-
// concurrency counter, and every write bumps it (submitting, each review
// decision, the automatic re-anchoring after an article's text changes), not
// only edits. Saving with "Submit for review" is two writes (the edit, then the
// submission), so a reviewer's edits showed as versions 1, 3, 6… and a history
// quoting `version: 3 → 4` and `reviewedVersion: 5` read as numbers jumping.
// Here each change of what the claim says (wording, verdict, rationale, sources,
// highlighted words) by a person is the next revision, 1, 2, 3 in order; the
// other events say which revision they concerned.
import { CLAIM_STATUS_LABEL, STANCE_LABEL, VERDICT_INFO, type ClaimStatus, type Stance, type Verdict } from "@/lib/claims/constants";
import { collapseUnchanged, hasChanges, wordDiff, type ShownSegment } from "@/lib/diff/word-diff";

export type AuditLike = { id: string; action: string; changes: unknown; createdAt: Date; actor: { name: string } | null };

export type TextChange = { field: "claimText" | "rationale" | "exact"; label: string; segments: ShownSegment[] };

export type HistoryEntry = {
  id: string;
  action: string;
  actor: string;
  /** What happened, as a sentence after the actor's name: "edited", "requested changes". */
  summary: string;
  createdAt: Date;
  /** The revision this event made (it changed what the claim says), or null. */
  revision: number | null;
  /** For submissions and decisions: the revision they were about. */
  about: number | null;
  /** Word-level differences of the texts it changed. */
  textChanges: TextChange[];
  /** Other changes in plain words: "Verdict: False → Mostly false". */
  details: string[];
  /** The words someone wrote with it: a review's comment or a discussion comment. */
  note: string | null;
};

const SUMMARY: Record<string, string> = {
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

/** The fields whose change makes a new revision. */
const CONTENT = ["claimText", "verdict", "rationale", "sources", "exact"] as const;
/** Events that never make a revision: the system following the article's text, or no change of content. */
const NO_REVISION = new Set(["claim.reanchor", "claim.submit", "claim.comment", "claim.delete"]);
const TEXT_FIELDS: Array<[TextChange["field"], string]> = [["claimText", "Claim"], ["rationale", "Rationale"], ["exact", "Highlighted words"]];
/** Bookkeeping that means nothing to a reader (the concurrency counter, offsets, ids) or that the summary already says. */
const HIDDEN = new Set(["version", "reviewedVersion", "reviewId", "commentId", "decision", "comment", "body", "start", "end", "articleId", "articleRevision", "prefix", "suffix"]);
const ANCHOR_LABEL: Record<string, string> = { ANCHORED: "found", FUZZY: "found approximately", ORPHANED: "not found in the text" };

type Change = { from: unknown; to: unknown };
const isChange = (v: unknown): v is Change => !!v && typeof v === "object" && "from" in v && "to" in v;

/** Entries in the order given (oldest first) and the claim's current revision. */
export function buildClaimHistory(events: readonly AuditLike[]): { entries: HistoryEntry[]; revision: number } {
  let revision = 1;
  let created = false;
  const entries = events.map((e): HistoryEntry => {
    const changes = (e.changes && typeof e.changes === "object" ? e.changes : {}) as Record<string, unknown>;
    const isCreate = e.action === "claim.create";
    const edits = !isCreate && !NO_REVISION.has(e.action) && CONTENT.some((k) => isChange(changes[k]));
    const about = e.action === "claim.submit" || e.action.startsWith("claim.review.") ? revision : null;
    let made: number | null = null;
    if (isCreate && !created) made = 1;
    else if (edits) made = ++revision;
    if (isCreate) created = true;
    return {
      id: e.id,
      action: e.action,
      actor: e.actor?.name ?? "Verity",
      summary: SUMMARY[e.action] ?? e.action,
      createdAt: e.createdAt,
      revision: made,
      about,
      textChanges: isCreate ? [] : textChanges(changes),
      details: isCreate ? createdDetails(changes) : [...spacingOnly(changes), ...details(e.action, changes)],
      note: noteOf(e.action, changes),
    };
  });
  return { entries, revision };
}

function textChanges(changes: Record<string, unknown>): TextChange[] {
  const out: TextChange[] = [];
  for (const [field, label] of TEXT_FIELDS) {
    const c = changes[field];
    if (!isChange(c)) continue;
    const segments = wordDiff(text(c.from), text(c.to));
    // The word diff ignores spacing; say so rather than show a text with nothing marked.
    if (!hasChanges(segments)) continue;
    out.push({ field, label, segments: collapseUnchanged(segments) });
  }
  return out;
}

/** Texts whose words stayed the same while their spacing or line breaks changed. */
function spacingOnly(changes: Record<string, unknown>): string[] {
  return TEXT_FIELDS.filter(([field]) => {
    const c = changes[field];
    return isChange(c) && text(c.from) !== text(c.to) && !hasChanges(wordDiff(text(c.from), text(c.to)));
  }).map(([, label]) => `${label}: only spacing or line breaks changed`);
}

function createdDetails(changes: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof changes.verdict === "string") out.push(`Verdict: ${verdictLabel(changes.verdict)}`);
  if (Array.isArray(changes.sources)) {
    const n = changes.sources.length;
    out.push(n === 0 ? "No sources" : `${n} source${n === 1 ? "" : "s"}`);
  }
  return out;
}

function details(action: string, changes: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (HIDDEN.has(key) || TEXT_FIELDS.some(([f]) => f === key)) continue;
    if (key === "verdict" && isChange(value)) out.push(`Verdict: ${verdictLabel(value.from)} → ${verdictLabel(value.to)}`);
    else if (key === "status" && isChange(value)) {
      // Submissions and decisions say their new state in the summary; an edit that reopens an approved claim does not.
      if (action === "claim.update" || action === "claim.reattach") out.push(`Status: ${statusLabel(value.from)} → ${statusLabel(value.to)}`);
    } else if (key === "anchorStatus" && isChange(value)) out.push(`Highlight: ${ANCHOR_LABEL[String(value.from)] ?? value.from} → ${ANCHOR_LABEL[String(value.to)] ?? value.to}`);
    else if (key === "sources" && isChange(value)) out.push(...sourceChanges(value));
    else out.push(`${key}: ${isChange(value) ? `${short(value.from)} → ${short(value.to)}` : short(value)}`);
  }
  return out;
}

/** Sources are recorded as "STANCE url" lines: say which went and which came. */
function sourceChanges(c: Change): string[] {
  const from = Array.isArray(c.from) ? c.from.map(String) : [];
  const to = Array.isArray(c.to) ? c.to.map(String) : [];
  const out: string[] = [];
  for (const s of from) if (!to.includes(s)) out.push(`Source removed: ${sourceLabel(s)}`);
  for (const s of to) if (!from.includes(s)) out.push(`Source added: ${sourceLabel(s)}`);
  if (!out.length) out.push("Sources reordered or edited");
  return out;
}

function sourceLabel(line: string): string {
  const space = line.indexOf(" ");
  const stance = line.slice(0, space) as Stance;
  return space > 0 && STANCE_LABEL[stance] ? `${line.slice(space + 1)} (${STANCE_LABEL[stance].toLowerCase()})` : line;
}

function noteOf(action: string, changes: Record<string, unknown>): string | null {
  if (action.startsWith("claim.review.") && typeof changes.comment === "string" && changes.comment) return changes.comment;
  if (action === "claim.comment" && typeof changes.body === "string") return changes.body;
  return null;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const verdictLabel = (v: unknown) => VERDICT_INFO[v as Verdict]?.label ?? text(v);
const statusLabel = (v: unknown) => CLAIM_STATUS_LABEL[v as ClaimStatus] ?? text(v);

function short(v: unknown): string {
  const s = v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}
