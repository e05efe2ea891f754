import { z } from "zod";
import { VERDICTS } from "@/lib/claims/constants";
import { enumValues, ReviewDecision } from "@/lib/enums";
import { MSG } from "@/lib/messages";

export const DECISIONS = enumValues(ReviewDecision);
export type Decision = (typeof DECISIONS)[number];

export const reviewInputSchema = z
  .strictObject({
    decision: z.enum(DECISIONS, { error: MSG.decisionRequired }),
    comment: z.string({ error: "must be text" }).trim().max(5_000, MSG.tooLong(5_000)).optional().nullable(),
    version: z.number({ error: "is required" }).int("must be a whole number").min(1, "must be 1 or more"),
    /** The editor may settle the verdict or rationale while deciding; recorded as the editor's change. */
    verdict: z.enum(VERDICTS, { error: MSG.verdictRequired }).optional(),
    rationale: z.string({ error: "must be text" }).trim().max(20_000, MSG.tooLong(20_000)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "APPROVE" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: MSG.commentRequiredUnlessApproving });
  });
export type ReviewInput = z.output<typeof reviewInputSchema>;

export const reviewQueueQuerySchema = z.strictObject({
  articleId: z.string().max(100).optional(),
  reviewerId: z.string().max(100).optional(),
  verdict: z.enum(VERDICTS, { error: MSG.verdictRequired }).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000, "must be at most 100000").optional(),
  pageSize: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(500, "must be at most 500").optional(),
});
/** The review page shows this many claims at a time; the API answers up to 500 unless asked for fewer. */
export const REVIEW_PAGE_SIZE = 50;
export const REVIEW_API_PAGE_SIZE = 500;
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const DECISION_STATUS = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", REJECT: "REJECTED" } as const;
