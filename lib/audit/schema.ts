import { z } from "zod";

export const auditQuerySchema = z.strictObject({
  entityId: z.string().trim().max(200).optional(),
  actorId: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000).default(1),
  pageSize: z.coerce.number().int("must be a whole number").min(1).max(200, "must be at most 200").default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
