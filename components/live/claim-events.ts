// What a burst of live events means for the claims an article reader shows:
// which claims to fetch again, which to drop. Pure, so it is unit-tested.
import type { LiveEvent } from "./stream";

/** What the reader knows of a claim: enough to tell its own echo from news. */
export type KnownClaim = { version: number; commentIds?: readonly string[]; reviewIds?: readonly string[] };

export type ClaimPlan = {
  /** Claims to read again (new, changed, or with a new comment or review), in event order. */
  refetch: string[];
  /** Claims deleted that the reader still shows. */
  remove: string[];
  /** Who changed each claim, when the event says. */
  actors: Record<string, string>;
  /** The article's text was revised: claim positions now refer to a text the reader does not show. */
  revised: boolean;
  /** The stream could not resume: everything shown must be read again. */
  resync: boolean;
};

const CLAIM_EVENTS = new Set(["claim.created", "claim.updated", "claim.deleted", "comment.created", "review.created"]);

function actorName(e: LiveEvent): string | undefined {
  const a = e.actor as { name?: unknown } | undefined;
  return a && typeof a.name === "string" && a.name ? a.name : undefined;
}

/**
 * Events the reader caused itself arrive too: a claim at a version it already
 * has, a comment or review already in its list, a deletion of a claim it no
 * longer shows are skipped.
 */
export function planClaimEvents(events: readonly LiveEvent[], articleId: string, known: ReadonlyMap<string, KnownClaim>): ClaimPlan {
  const refetch: string[] = [];
  const remove: string[] = [];
  const actors: Record<string, string> = {};
  let revised = false;
  let resync = false;
  const want = (id: string, e: LiveEvent) => {
    if (!refetch.includes(id)) refetch.push(id);
    const name = actorName(e);
    if (name) actors[id] = name;
  };
  for (const e of events) {
    if (e.type === "resync") {
      resync = true;
      continue;
    }
    if (e.articleId !== articleId) continue;
    if (e.type === "article.revised") {
      revised = true;
      continue;
    }
    if (!CLAIM_EVENTS.has(e.type)) continue;
    const claimId = e.type === "comment.created" || e.type === "review.created" ? (typeof e.claimId === "string" ? e.claimId : "") : e.id;
    if (!claimId) continue;
    const k = known.get(claimId);
    switch (e.type) {
      case "claim.created":
      case "claim.updated":
        if (k && typeof e.version === "number" && k.version >= e.version) break;
        want(claimId, e);
        break;
      case "claim.deleted": {
        const at = refetch.indexOf(claimId);
        if (at >= 0) refetch.splice(at, 1);
        if (k && !remove.includes(claimId)) remove.push(claimId);
        break;
      }
      case "comment.created":
        // A summary shows no comments: they are read when the claim is opened.
        if (k?.commentIds && !k.commentIds.includes(e.id)) want(claimId, e);
        break;
      case "review.created":
        if (k?.reviewIds && !k.reviewIds.includes(e.id)) want(claimId, e);
        break;
    }
  }
  return { refetch: refetch.filter((id) => !remove.includes(id)), remove, actors, revised, resync };
}

/** Whether a claim read again is newer than the one shown (an older read that lost a race is dropped). */
export function isNewer(fetched: { version: number }, shown: { version: number } | undefined): boolean {
  return !shown || fetched.version >= shown.version;
}
