import { z } from "zod";
import { httpUrlField, optionalText as sharedOptionalText } from "@/lib/articles/schema";
import { MSG } from "@/lib/messages";
import { CONTEXT_LENGTH } from "@/lib/anchoring/types";
import { MAX_QUOTE, MAX_SOURCES, STANCES, VERDICTS } from "./constants";

// Isomorphic: the claim form validates with these in the browser, the API on the server.
// Messages are plain words from lib/messages.ts; zodFields adds "Source 2: " to a source's.

const offset = () => z.number({ error: "must be a whole number" }).int("must be a whole number").min(0, "must not be negative").max(50_000_000, "is too large");

export const selectorSchema = z
  .strictObject({
    exact: z.string({ error: "is required" }).min(1, "is required").max(MAX_QUOTE, MSG.tooLong(MAX_QUOTE)),
    prefix: z.string({ error: "must be text" }).max(CONTEXT_LENGTH, MSG.tooLong(CONTEXT_LENGTH)).default(""),
    suffix: z.string({ error: "must be text" }).max(CONTEXT_LENGTH, MSG.tooLong(CONTEXT_LENGTH)).default(""),
    start: offset(),
    end: offset(),
  }, { error: "is required" })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after the quote's start" });
    else if (s.end - s.start !== s.exact.length) ctx.addIssue({ code: "custom", path: ["exact"], message: "must be exactly as long as its start-to-end span" });
  });

// Sources store an absent publisher or excerpt as null.
const optionalText = (max: number) => sharedOptionalText(max).transform((v) => v ?? null);

export const sourceInputSchema = z.strictObject({
  url: httpUrlField(MSG.urlScheme, MSG.sourceUrlRequired),
  title: z.string({ error: MSG.sourceTitleRequired }).trim().min(1, MSG.sourceTitleRequired).max(500, MSG.tooLong(500)),
  publisher: optionalText(300),
  stance: z.enum(STANCES, { error: MSG.stanceRequired }),
  archivedUrl: httpUrlField(MSG.archivedUrlScheme).optional().nullable().or(z.literal("")).transform((v) => v || null),
  excerpt: optionalText(5_000),
});
export type SourceInput = z.output<typeof sourceInputSchema>;

export const claimFieldsSchema = z.strictObject({
  claimText: z.string({ error: MSG.claimRequired }).trim().min(1, MSG.claimRequired).max(1_000, "The claim must be at most 1,000 characters: restate it in one sentence"),
  verdict: z.enum(VERDICTS, { error: MSG.verdictRequired }),
  rationale: z.string({ error: "must be text" }).trim().max(20_000, MSG.tooLong(20_000)).default(""),
  sources: z.array(sourceInputSchema, { error: "must be a list" }).max(MAX_SOURCES, `Add at most ${MAX_SOURCES} sources`).default([]),
});

export const claimInputSchema = claimFieldsSchema.extend({ selector: selectorSchema });
export type ClaimInput = z.output<typeof claimInputSchema>;

export const claimUpdateSchema = z
  .strictObject({
    version: z.number({ error: "is required" }).int("must be a whole number").min(1, "must be 1 or more"),
    claimText: claimFieldsSchema.shape.claimText.optional(),
    verdict: claimFieldsSchema.shape.verdict.optional(),
    rationale: z.string({ error: "must be text" }).trim().max(20_000, MSG.tooLong(20_000)).optional(),
    sources: claimFieldsSchema.shape.sources.unwrap().optional(),
    /** Re-attaches the claim (typically an orphaned one) to a new span of the current text. */
    selector: selectorSchema.optional(),
  });
export type ClaimUpdate = z.output<typeof claimUpdateSchema>;

export const versionOnlySchema = z.strictObject({
  version: z.number({ error: "must be a whole number" }).int("must be a whole number").min(1).optional(),
});

export const commentInputSchema = z.strictObject({
  body: z.string({ error: MSG.commentRequired }).trim().min(1, MSG.commentRequired).max(5_000, MSG.tooLong(5_000)),
});
