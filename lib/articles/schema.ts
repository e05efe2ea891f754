import { z } from "zod";
import { ArticleStatus as ArticleStatusEnum, enumValues } from "@/lib/enums";
import { isHttpUrl } from "./url";

// Isomorphic: the same schemas validate forms in the browser and requests on the server.

export const ARTICLE_STATUSES = enumValues(ArticleStatusEnum);
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const MAX_TEXT = 900_000;

/** An optional trimmed string of at most `max` characters; empty or missing becomes undefined. */
export const optionalText = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined));

export const httpUrlSchema = z
  .string({ error: "must be a string" })
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine(isHttpUrl, "must be an http or https URL");

const dateSchema = z
  .union([z.string(), z.date()], { error: "must be a date (YYYY-MM-DD or ISO 8601)" })
  .transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD or ISO 8601)" });
      return z.NEVER;
    }
    return d;
  });

export const articleInputSchema = z
  .strictObject(
    {
      title: z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters"),
      text: optionalText(MAX_TEXT),
      html: optionalText(MAX_TEXT),
      sourceUrl: httpUrlSchema.optional().nullable().transform((v) => v ?? undefined),
      author: optionalText(300),
      publisher: optionalText(300),
      publishedAt: dateSchema.optional().nullable().transform((v) => v ?? undefined),
      language: z
        .string({ error: "must be a string" })
        .trim()
        .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a language tag such as en or pt-BR")
        .optional()
        .nullable()
        .transform((v) => v ?? undefined),
    },
  )
  .superRefine((v, ctx) => {
    if (!v.text && !v.html) ctx.addIssue({ code: "custom", path: ["text"], message: "is required unless html is given" });
  });

export type ArticleInput = z.output<typeof articleInputSchema>;

// PATCH /api/articles/:id: every field optional, at least one given. `null` (or an
// empty string) clears an optional metadata field; text and html cannot be cleared,
// only replaced, and either one makes a new revision when the text changes.
const clearableText = (max: number) =>
  z
    .string({ error: "must be a string" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

const replacementText = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
  .optional();

export const articleUpdateSchema = z
  .strictObject({
    title: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(500, "must be at most 500 characters").optional(),
    text: replacementText,
    html: replacementText,
    sourceUrl: httpUrlSchema.nullable().optional(),
    author: clearableText(300),
    publisher: clearableText(300),
    publishedAt: dateSchema.nullable().optional(),
    language: z
      .string({ error: "must be a string" })
      .trim()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a language tag such as en or pt-BR")
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (Object.values(v).every((x) => x === undefined)) ctx.addIssue({ code: "custom", path: [], message: "must change at least one field" });
  });

export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

export const articleListQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  status: z.enum(ARTICLE_STATUSES, { error: `must be one of ${ARTICLE_STATUSES.join(", ")}` }).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000).default(1),
  pageSize: z.coerce.number().int("must be a whole number").min(1).max(100, "must be at most 100").default(20),
});

export type ArticleListQuery = z.output<typeof articleListQuerySchema>;
