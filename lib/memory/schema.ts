import { z } from "zod";
import { httpUrlField } from "@/lib/articles/schema";

// Newsroom memory requests: "Checked before" (GET /api/claims/similar), "Same
// claim" links (POST /api/claims/:id/links) and source memory (GET
// /api/sources/lookup). Isomorphic: the claim form checks with these too.

export const MAX_SIMILAR_TEXT = 2_000;
/** Shorter texts ask nothing: a word or two cannot say which claim is meant. */
export const MIN_SIMILAR_TEXT = 3;
export const SIMILAR_LIMIT = { min: 1, max: 20, default: 5 } as const;

const optionalId = z
  .string({ error: "must be an id" })
  .trim()
  .max(100, "must be an id")
  .optional()
  .transform((v) => v || undefined);

export const similarQuerySchema = z.strictObject({
  text: z.string({ error: "is required" }).max(MAX_SIMILAR_TEXT, `must be at most ${MAX_SIMILAR_TEXT} characters`),
  excludeArticleId: optionalId,
  excludeClaimId: optionalId,
  limit: z
    .union([z.literal(""), z.coerce.number({ error: "must be a whole number" })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? SIMILAR_LIMIT.default : v))
    .pipe(
      z
        .number({ error: "must be a whole number" })
        .int("must be a whole number")
        .min(SIMILAR_LIMIT.min, `must be between ${SIMILAR_LIMIT.min} and ${SIMILAR_LIMIT.max}`)
        .max(SIMILAR_LIMIT.max, `must be between ${SIMILAR_LIMIT.min} and ${SIMILAR_LIMIT.max}`),
    ),
});
export type SimilarQuery = z.output<typeof similarQuerySchema>;

const targetId = z.string({ error: "must be an id" }).trim().min(1, "is required").max(100, "must be an id");

/** Exactly one of claimId and factCheckId. */
export const linkInputSchema = z
  .strictObject({ claimId: targetId.optional(), factCheckId: targetId.optional() }, { error: "must be a JSON object" })
  .superRefine((v, ctx) => {
    if (v.claimId === undefined && v.factCheckId === undefined) {
      ctx.addIssue({ code: "custom", path: ["claimId"], message: "Give the claim (claimId) or the fact-check (factCheckId) that checks the same claim" });
    } else if (v.claimId !== undefined && v.factCheckId !== undefined) {
      ctx.addIssue({ code: "custom", path: ["factCheckId"], message: "Give either claimId or factCheckId, not both" });
    }
  })
  .transform((v) => (v.claimId !== undefined ? { kind: "claim" as const, id: v.claimId } : { kind: "factcheck" as const, id: v.factCheckId! }));
export type LinkInput = z.output<typeof linkInputSchema>;

export const sourceLookupQuerySchema = z.strictObject({
  url: httpUrlField("must be an http or https URL", "is required"),
});
