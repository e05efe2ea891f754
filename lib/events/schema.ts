import { z } from "zod";
import { TOPICS, type Topic } from "./types";

const cursor = z.string().regex(/^\d{1,18}$/, "must be the id of an event (digits)");

/** GET /api/events's query: `articleId`, `topics` (comma list), `lastEventId`. */
export const eventsQuerySchema = z
  .object({
    articleId: z.string().trim().min(1).max(200).optional(),
    topics: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const names = (raw ?? "").split(",").map((t) => t.trim()).filter(Boolean);
        const unknown = names.filter((t) => !(TOPICS as readonly string[]).includes(t));
        if (unknown.length) {
          ctx.addIssue({ code: "custom", message: `has unknown topic ${JSON.stringify(unknown[0])} (known: ${TOPICS.join(", ")})` });
          return z.NEVER;
        }
        return new Set(names as Topic[]);
      }),
    lastEventId: cursor.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.articleId && q.topics.size === 0) ctx.addIssue({ code: "custom", path: ["topics"], message: "is required without an articleId (article, import, notification)" });
  });

export const lastEventIdSchema = cursor;
