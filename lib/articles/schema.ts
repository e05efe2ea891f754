import { z } from "zod";
import { ArticleStatus as ArticleStatusEnum, enumValues } from "@/lib/enums";
import { MSG } from "@/lib/messages";
import { isHttpUrl } from "./url";

// Isomorphic: the same schemas validate forms in the browser and requests on the server.
// Reasons are fragments ("is required") or sentences; lib/messages.ts puts the
// field's label in front (plainFieldMessage) wherever a person reads them.

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

/**
 * A web address. `scheme` is the reason given for one that is not http(s), and
 * `empty` for a blank one (a form's "Enter the source URL").
 */
export const httpUrlField = (scheme: string, empty: string = scheme) =>
  z
    .string({ error: empty })
    .trim()
    .max(2048, "must be at most 2048 characters")
    .refine((v) => v.length > 0, { message: empty, abort: true })
    .refine(isHttpUrl, scheme);

export const httpUrlSchema = httpUrlField("must be an http or https URL");

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
    title: z.string({ error: MSG.titleRequired }).trim().min(1, MSG.titleRequired).max(500, "must be at most 500 characters").optional(),
    text: replacementText,
    html: replacementText,
    sourceUrl: httpUrlSchema.nullable().optional(),
    author: clearableText(300),
    publisher: clearableText(300),
    publishedAt: dateSchema.nullable().optional(),
    language: z
      .string({ error: "must be a string" })
      .trim()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, MSG.languageTag)
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (Object.values(v).every((x) => x === undefined)) ctx.addIssue({ code: "custom", path: [], message: MSG.changeSomething("title, text, HTML, source URL, author, publisher, published date or language") });
  });

export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

export const articleListQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  status: z.enum(ARTICLE_STATUSES, { error: MSG.articleStatus }).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000).default(1),
  pageSize: z.coerce.number().int("must be a whole number").min(1).max(100, "must be at most 100").default(20),
});

export type ArticleListQuery = z.output<typeof articleListQuerySchema>;
