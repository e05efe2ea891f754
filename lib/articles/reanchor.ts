// Re-anchoring a whole article's claims against a new revision of its text.
// Pure: no Next, no Prisma, so it is unit-tested as a table and runs anywhere.
import { describe } from "@/lib/anchoring/describe";
import { locate } from "@/lib/anchoring/locate";
import type { Selector } from "@/lib/anchoring/types";

export type AnchorState = "ANCHORED" | "FUZZY" | "ORPHANED";

export type Anchor = { selector: Selector; anchorStatus: AnchorState };

export type ClaimAnchor = Anchor & { id: string };

export type ReanchorResult = { id: string; before: Anchor; after: Anchor; changed: boolean };

export type ReanchorCounts = { anchored: number; fuzzy: number; orphaned: number };

function sameAnchor(a: Anchor, b: Anchor): boolean {
  const s = a.selector;
  const t = b.selector;
  return (
    a.anchorStatus === b.anchorStatus &&
    s.exact === t.exact &&
    s.prefix === t.prefix &&
    s.suffix === t.suffix &&
    s.start === t.start &&
    s.end === t.end
  );
}

/**
 * Where one claim lands in `text`.
 *
 * - Found: the selector is rebuilt from the new text (exact = the words there now,
 *   prefix/suffix from describe()), so the next revision is located from here.
 * - FUZZY is sticky: once the quoted words changed, finding the (already rewritten)
 *   quote again in a later revision must not silently clear the warning. Only a
 *   person re-attaching the claim makes it ANCHORED again.
 * - Not found: ORPHANED with the old selector untouched, so the claim keeps what it
 *   quoted and a later revision that restores the words can re-anchor it.
 */
export function reanchorClaim(text: string, before: Anchor): Anchor {
  const hit = locate(text, before.selector);
  if (hit) {
    try {
      const selector = describe(text, hit.start, hit.end);
      const anchorStatus: AnchorState = hit.status === "FUZZY" || before.anchorStatus === "FUZZY" ? "FUZZY" : "ANCHORED";
      return { selector, anchorStatus };
    } catch {
      // locate() promises a valid range; should it ever not, orphan rather than store a broken one.
    }
  }
  return { selector: before.selector, anchorStatus: "ORPHANED" };
}

/** Every claim against the new text, with what changed and the counts the API reports. */
export function reanchorClaims(text: string, claims: readonly ClaimAnchor[]): { results: ReanchorResult[]; counts: ReanchorCounts } {
  const counts: ReanchorCounts = { anchored: 0, fuzzy: 0, orphaned: 0 };
  const results = claims.map((claim) => {
    const before: Anchor = { selector: claim.selector, anchorStatus: claim.anchorStatus };
    const after = reanchorClaim(text, before);
    if (after.anchorStatus === "ANCHORED") counts.anchored++;
    else if (after.anchorStatus === "FUZZY") counts.fuzzy++;
    else counts.orphaned++;
    return { id: claim.id, before, after, changed: !sameAnchor(before, after) };
  });
  return { results, counts };
}

/** The audit record of one claim's move: {field: {from, to}} for the fields that changed. */
export function anchorChanges(before: Anchor, after: Anchor): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const pairs: Array<[string, unknown, unknown]> = [
    ["exact", before.selector.exact, after.selector.exact],
    ["prefix", before.selector.prefix, after.selector.prefix],
    ["suffix", before.selector.suffix, after.selector.suffix],
    ["start", before.selector.start, after.selector.start],
    ["end", before.selector.end, after.selector.end],
    ["anchorStatus", before.anchorStatus, after.anchorStatus],
  ];
  for (const [key, from, to] of pairs) if (from !== to) out[key] = { from, to };
  return out;
}
