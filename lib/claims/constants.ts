// The verdict scale and claim states. Pure: shared by server, browser and serialisers.
// The lists are the database's enums (lib/enums.ts), in schema order.
import * as db from "@/lib/enums";

export const VERDICTS = db.enumValues(db.Verdict);
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_INFO: Record<Verdict, { label: string; description: string; rating: number | null }> = {
  TRUE: { label: "True", description: "Accurate, with nothing significant missing.", rating: 5 },
  MOSTLY_TRUE: { label: "Mostly true", description: "Accurate, but needs clarification or added context.", rating: 4 },
  MIXED: { label: "Mixed", description: "Partly accurate and partly not.", rating: 3 },
  MOSTLY_FALSE: { label: "Mostly false", description: "Contains some truth but leaves a wrong impression.", rating: 2 },
  FALSE: { label: "False", description: "Not accurate.", rating: 1 },
  MISLEADING: { label: "Misleading", description: "Accurate words used to give a wrong impression.", rating: null },
  OUTDATED: { label: "Outdated", description: "Was accurate once, or is dated wrongly.", rating: null },
  UNVERIFIABLE: { label: "Unverifiable", description: "Cannot be proved or disproved with the evidence available.", rating: null },
};

export const CLAIM_STATUSES = db.enumValues(db.ClaimStatus);
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABEL: Record<ClaimStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export const STANCES = db.enumValues(db.Stance);
export type Stance = (typeof STANCES)[number];
export const STANCE_LABEL: Record<Stance, string> = { SUPPORTS: "Supports", REFUTES: "Refutes", CONTEXT: "Context" };

export const ANCHOR_STATUSES = db.enumValues(db.AnchorStatus);
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** States from which the author may submit for review. */
export const SUBMITTABLE: readonly ClaimStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

export const MAX_SOURCES = 20;
export const MAX_QUOTE = 10_000;
