import { z } from "zod";

export const NOTIFICATION_PAGE_SIZE = 20;

export const notificationListQuerySchema = z.strictObject({
  unread: z.enum(["0", "1", "true", "false"], { error: "must be 1 or 0" }).optional().transform((v) => v === "1" || v === "true"),
  limit: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100, "must be at most 100").optional(),
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** Mark these as read (`ids`), or every one of the caller's (`all: true`). */
export const markReadSchema = z
  .strictObject({
    ids: z.array(z.string({ error: "must be text" }).min(1).max(100), { error: "must be a list of notification ids" }).max(500, "must have at most 500 items").optional(),
    all: z.literal(true, { error: "must be true" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.all && !v.ids?.length) ctx.addIssue({ code: "custom", path: ["ids"], message: "name at least one notification, or send all: true" });
  });
export type MarkReadInput = z.output<typeof markReadSchema>;

export type NotificationItem = {
  id: string;
  kind: "ASSIGNMENT" | "MENTION" | "REVIEW_DECISION" | "CHANGES_REQUESTED";
  message: string;
  href: string;
  readAt: string | null;
  createdAt: string;
  actor: { id: string; name: string } | null;
};
