// Four eyes: nobody approves a claim they wrote or last edited, so every
// published verdict has been through two people. Pure; the review mutation
// enforces it in its WHERE clause and the review page explains it up front.
// ALLOW_SELF_APPROVAL=1 lifts it for one-person teams.

export type FourEyesClaim = { authorId: string; lastEditedById: string | null };

/** Why `editorId` may not approve `claim`, or null when they may. */
export function fourEyesRefusal(editorId: string, claim: FourEyesClaim, allowSelfApproval: boolean): string | null {
  if (allowSelfApproval) return null;
  if (claim.authorId === editorId) return "You wrote this claim, so another editor must approve it (four eyes).";
  if (claim.lastEditedById === editorId) return "You made the last change to this claim, so another editor must approve it (four eyes).";
  return null;
}

export const APPROVE_WITH_EDITS =
  "An approval cannot also change the verdict or rationale: that would approve your own edit. Request changes with your edit, or save it and let another editor approve (four eyes).";
