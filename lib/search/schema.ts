import { z } from "zod";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { CLAIM_STATUSES, VERDICTS } from "@/lib/claims/constants";

// GET /api/search and the /search page: isomorphic, so the page parses its
// address with the same rules the API applies to a request.

export const SEARCH_TYPES = ["article", "claim", "source", "factcheck"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Status filter: an article state (articles only) or a claim state (claims and their sources). */
export const SEARCH_STATUSES = [...ARTICLE_STATUSES, ...CLAIM_STATUSES] as const;

export const MAX_QUERY = 300;
export const SEARCH_PAGE_SIZE = 20;
/**
 * Matches of one type that are ranked (and counted) per search. A word found in
 * more rows than this ("council" in every article) is counted as "1,000+" and
 * only this many of its matches are ranked: refine the search to see others.
 */
export const CANDIDATE_LIMIT = 1000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, as a date input sends) or an ISO 8601 instant; empty means no filter. */
const dateField = (edge: "from" | "to") =>
  z
    .string({ error: "must be a date (YYYY-MM-DD)" })
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const d = new Date(DAY.test(v) ? `${v}T00:00:00Z` : v);
      if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1000 || d.getUTCFullYear() > 9999) {
        ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD)" });
        return z.NEVER;
      }
      // "to" a day includes that whole day: the bound is the next midnight, exclusive.
      if (edge === "to" && DAY.test(v)) d.setUTCDate(d.getUTCDate() + 1);
      return d;
    });

/** "" (an empty <select> or input in a GET form) is no filter. */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.literal(""), z.enum(values, { error: message })], { error: message })
    .optional()
    .transform((v) => (v ? (v as T[number]) : undefined));

export const searchQuerySchema = z
  .strictObject({
    q: z
      .string({ error: "is required" })
      .trim()
      .min(1, "is required")
      .max(MAX_QUERY, `must be at most ${MAX_QUERY} characters`),
    type: optionalEnum(SEARCH_TYPES, "must be one of article, claim, source, factcheck"),
    verdict: optionalEnum(VERDICTS, `must be one of ${VERDICTS.join(", ")}`),
    status: optionalEnum(SEARCH_STATUSES, `must be one of ${SEARCH_STATUSES.join(", ")}`),
    publisher: z
      .string({ error: "must be text" })
      .trim()
      .max(300, "must be at most 300 characters")
      .optional()
      .transform((v) => v || undefined),
    from: dateField("from"),
    to: dateField("to"),
    page: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(CANDIDATE_LIMIT, `must be at most ${CANDIDATE_LIMIT}`)
      .default(1),
    pageSize: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(50, "must be at most 50")
      .default(SEARCH_PAGE_SIZE),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after the from date" });
  });

export type SearchQuery = z.output<typeof searchQuerySchema>;

export type SearchItem = {
  type: SearchType;
  id: string;
  title: string;
  /** HTML-escaped text in which only <mark>…</mark> is markup. */
  snippet: string;
  score: number;
  articleId?: string;
  claimId?: string;
  verdict?: string | null;
  status?: string;
  url?: string;
  publisher?: string | null;
  /** ISO 8601: the article's publication, the claim's or source's creation, the fact-check's publication. */
  date?: string | null;
  /** A fact-check's own rating text. */
  rating?: string | null;
  /** Claims and sources: the article they are in. */
  articleTitle?: string;
  /** Sources: the claim they support; fact-checks: the claim reviewed. */
  claimText?: string;
};

export type SearchCounts = Record<SearchType, number>;

export type SearchResult = {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: SearchCounts;
  /** Types with more matches than CANDIDATE_LIMIT: their count is a floor ("1,000+"). */
  capped: Record<SearchType, boolean>;
};
