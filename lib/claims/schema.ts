import { z } from "zod";
import { httpUrlSchema, optionalText as sharedOptionalText } from "@/lib/articles/schema";
import { CONTEXT_LENGTH } from "@/lib/anchoring/types";
import { MAX_QUOTE, MAX_SOURCES, STANCES, VERDICTS } from "./constants";

// Isomorphic: the claim form validates with these in the browser, the API on the server.

const offset = (name: string) =>
  z.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(0, `${name} must not be negative`).max(50_000_000);

export const selectorSchema = z
  .strictObject({
    exact: z.string({ error: "is required" }).min(1, "is required").max(MAX_QUOTE, `must be at most ${MAX_QUOTE} characters`),
    prefix: z.string({ error: "must be a string" }).max(CONTEXT_LENGTH, `must be at most ${CONTEXT_LENGTH} characters`).default(""),
    suffix: z.string({ error: "must be a string" }).max(CONTEXT_LENGTH, `must be at most ${CONTEXT_LENGTH} characters`).default(""),
    start: offset("start"),
    end: offset("end"),
  }, { error: "is required" })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be greater than start" });
    else if (s.end - s.start !== s.exact.length) ctx.addIssue({ code: "custom", path: ["exact"], message: "must be as long as end - start" });
  });

// Sources store an absent publisher or excerpt as null.
const optionalText = (max: number) => sharedOptionalText(max).transform((v) => v ?? null);

export const sourceInputSchema = z.strictObject({
  url: httpUrlSchema,
  title: z.string({ error: "is required" }).trim().min(1, "is required").max(500, "must be at most 500 characters"),
  publisher: optionalText(300),
  stance: z.enum(STANCES, { error: `must be one of ${STANCES.join(", ")}` }),
  archivedUrl: httpUrlSchema.optional().nullable().or(z.literal("")).transform((v) => v || null),
  excerpt: optionalText(5_000),
});
export type SourceInput = z.output<typeof sourceInputSchema>;

export const claimFieldsSchema = z.strictObject({
  claimText: z.string({ error: "is required" }).trim().min(1, "is required").max(1_000, "must be at most 1000 characters"),
  verdict: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(", ")}` }),
  rationale: z.string({ error: "must be a string" }).trim().max(20_000, "must be at most 20000 characters").default(""),
  sources: z.array(sourceInputSchema, { error: "must be a list" }).max(MAX_SOURCES, `at most ${MAX_SOURCES} sources`).default([]),
});

export const claimInputSchema = claimFieldsSchema.extend({ selector: selectorSchema });
export type ClaimInput = z.output<typeof claimInputSchema>;

export const claimUpdateSchema = z
  .strictObject({
    version: z.number({ error: "is required" }).int("must be a whole number").min(1, "must be 1 or more"),
    claimText: claimFieldsSchema.shape.claimText.optional(),
    verdict: claimFieldsSchema.shape.verdict.optional(),
    rationale: z.string({ error: "must be a string" }).trim().max(20_000, "must be at most 20000 characters").optional(),
    sources: claimFieldsSchema.shape.sources.unwrap().optional(),
    /** Re-attaches the claim (typically an orphaned one) to a new span of the current text. */
    selector: selectorSchema.optional(),
  });
export type ClaimUpdate = z.output<typeof claimUpdateSchema>;

export const versionOnlySchema = z.strictObject({
  version: z.number({ error: "must be a whole number" }).int("must be a whole number").min(1).optional(),
});

export const commentInputSchema = z.strictObject({
  body: z.string({ error: "is required" }).trim().min(1, "is required").max(5_000, "must be at most 5000 characters"),
});
