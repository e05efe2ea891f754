// A fact-check record as an import item stores it between expanding the job
// and running the item (ImportItem.input, JSON). Checked again when the item
// runs: the row may have been written by an older version of Verity. Isomorphic.
import { z } from "zod";
import { VERDICTS } from "@/lib/claims/constants";
import type { FactCheckRecord } from "./records";

const text = (max: number) => z.string().trim().min(1).max(max);
const num = z.number().finite().nullable();
const httpUrl = z.string().max(4000).refine((s) => /^https?:\/\//i.test(s), "must be an http or https URL");

export const factCheckRecordSchema = z.object({
  url: httpUrl,
  claimReviewed: text(2000),
  title: text(500).nullable().default(null),
  rating: z.object({ alternateName: text(300).nullable(), ratingValue: num, bestRating: num, worstRating: num }),
  mapped: z.object({ verdict: z.enum(VERDICTS).nullable(), by: z.enum(["label", "scale", "unmapped"]) }),
  publisher: text(300).nullable(),
  claimant: text(300).nullable(),
  appearanceUrl: httpUrl.nullable(),
  datePublished: z.iso.datetime().nullable(),
  language: z.string().max(35).nullable(),
}) satisfies z.ZodType<FactCheckRecord, unknown>;

/** How an import item's input says it is a fact-check, not an article (articles never have this key: their schema is strict). */
export const FACT_CHECK_INPUT_KEY = "factCheck";

export function isFactCheckInput(input: unknown): input is { factCheck: unknown } {
  return typeof input === "object" && input !== null && !Array.isArray(input) && FACT_CHECK_INPUT_KEY in input;
}
