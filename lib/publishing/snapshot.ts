// What a publication holds and how two of them differ. Pure: no Next, no
// Prisma, so the dialog, the page and the tests share it.
import type { ClaimStatus, Stance, Verdict } from "@/lib/claims/constants";

export type SnapshotSource = {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  stance: Stance;
  archivedUrl: string | null;
  excerpt: string | null;
};

/** One approved claim exactly as it went live. */
export type SnapshotClaim = {
  id: string;
  /** 1, 2, 3… in reading order within this publication. */
  number: number;
  start: number;
  end: number;
  exact: string;
  claimText: string;
  verdict: Verdict;
  rationale: string;
  sources: SnapshotSource[];
  /** When an editor last approved it (ISO), null when no approval is on record. */
  approvedAt: string | null;
  /** The claim version that went live. */
  version: number;
};

/** A claim as the preview sees it: its live state. */
export type LiveClaim = Omit<SnapshotClaim, "number"> & { status: ClaimStatus; anchorStatus: "ANCHORED" | "FUZZY" | "ORPHANED" };

export type StayOutCode = "draft" | "changes_requested" | "submitted" | "rejected" | "orphaned";

export const STAY_OUT_REASON: Record<StayOutCode, string> = {
  draft: "Draft: not yet submitted for review",
  changes_requested: "Changes requested: back with the reviewer",
  submitted: "Waiting for review: publishing is blocked until an editor decides",
  rejected: "Rejected by an editor",
  orphaned: "Approved, but its quote is no longer in the article text",
};

/** Why a claim does not go live, or null when it does. */
export function stayOutCode(c: Pick<LiveClaim, "status" | "anchorStatus">): StayOutCode | null {
  switch (c.status) {
    case "DRAFT":
      return "draft";
    case "CHANGES_REQUESTED":
      return "changes_requested";
    case "SUBMITTED":
      return "submitted";
    case "REJECTED":
      return "rejected";
    case "APPROVED":
      return c.anchorStatus === "ORPHANED" ? "orphaned" : null;
  }
}

/** The snapshot that publishing now would store: approved, anchored claims in reading order, numbered. */
export function buildSnapshot(claims: LiveClaim[]): SnapshotClaim[] {
  return claims
    .filter((c) => stayOutCode(c) === null)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
    .map((c, i) => ({
      id: c.id,
      number: i + 1,
      start: c.start,
      end: c.end,
      exact: c.exact,
      claimText: c.claimText,
      verdict: c.verdict,
      rationale: c.rationale,
      sources: c.sources.map((s) => ({ id: s.id, url: s.url, title: s.title, publisher: s.publisher, stance: s.stance, archivedUrl: s.archivedUrl, excerpt: s.excerpt })),
      approvedAt: c.approvedAt,
      version: c.version,
    }));
}

export type ChangedField = "claim" | "verdict" | "rationale" | "sources" | "quote";

export const CHANGED_FIELD_LABEL: Record<ChangedField, string> = {
  claim: "claim wording",
  verdict: "verdict",
  rationale: "rationale",
  sources: "sources",
  quote: "quoted passage",
};

const sourceKey = (s: SnapshotSource) => JSON.stringify([s.url, s.title, s.publisher, s.stance, s.archivedUrl, s.excerpt]);

/** What differs, to a reader, between a claim's two published states. */
export function changedFields(before: SnapshotClaim, after: SnapshotClaim): ChangedField[] {
  const out: ChangedField[] = [];
  if (before.claimText !== after.claimText) out.push("claim");
  if (before.verdict !== after.verdict) out.push("verdict");
  if (before.rationale !== after.rationale) out.push("rationale");
  if (before.sources.map(sourceKey).join("\n") !== after.sources.map(sourceKey).join("\n")) out.push("sources");
  if (before.exact !== after.exact) out.push("quote");
  return out;
}

export type SnapshotDiff = {
  added: SnapshotClaim[];
  changed: Array<{ claim: SnapshotClaim; fields: ChangedField[] }>;
  removed: SnapshotClaim[];
  unchanged: SnapshotClaim[];
};

/** added / changed / removed / unchanged claims from `previous` (null: nothing was public) to `next`. */
export function diffSnapshots(previous: SnapshotClaim[] | null, next: SnapshotClaim[]): SnapshotDiff {
  const before = new Map((previous ?? []).map((c) => [c.id, c]));
  const nextIds = new Set(next.map((c) => c.id));
  const diff: SnapshotDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const c of next) {
    const old = before.get(c.id);
    if (!old) diff.added.push(c);
    else {
      const fields = changedFields(old, c);
      if (fields.length) diff.changed.push({ claim: c, fields });
      else diff.unchanged.push(c);
    }
  }
  for (const c of previous ?? []) if (!nextIds.has(c.id)) diff.removed.push(c);
  return diff;
}

/** Reads a stored snapshot defensively (it is JSON from the database). */
export function parseSnapshot(value: unknown): SnapshotClaim[] {
  return Array.isArray(value) ? (value as SnapshotClaim[]) : [];
}

/**
 * A short fingerprint of what a publish would do: the latest publication's number
 * and each claim going live at its version. The dialog sends back the one its
 * preview showed; a publish whose content moved on since is refused, so what
 * goes live is exactly what the editor saw. (FNV-1a, 2 × 32 bits: not security.)
 */
export function previewFingerprint(latestNumber: number | null, snapshot: SnapshotClaim[], articleRevision: number): string {
  const text = `${latestNumber ?? 0}|r${articleRevision}|${snapshot.map((c) => `${c.id}@${c.version}`).join(",")}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}
