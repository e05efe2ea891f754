import { z } from "zod";

const id = (what: string) => z.string({ error: `must be ${what}` }).trim().min(1, `must be ${what}`).max(100, `must be ${what}`);

/** Hand an article (or one claim of it) to someone. The form's select sends "" for "the whole article". */
export const assignmentInputSchema = z.strictObject({
  assigneeId: id("a user's id"),
  claimId: z
    .union([id("a claim's id"), z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  note: z.string({ error: "must be text" }).trim().max(500, "must be at most 500 characters").optional().default(""),
});
export type AssignmentInput = z.output<typeof assignmentInputSchema>;

export type AssignmentView = {
  id: string;
  articleId: string;
  claimId: string | null;
  claimText: string | null;
  assignee: { id: string; name: string };
  assignedBy: { id: string; name: string } | null;
  note: string;
  createdAt: string;
};
