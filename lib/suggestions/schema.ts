// Shapes of the suggestions API, shared by the route handlers and the reader. Isomorphic.
import { z } from "zod";
import type { Reason } from "./types";

/** GET /api/articles/:id/suggestions?all=1: dismissed ones too. */
export const suggestionListQuerySchema = z.object({
  all: z.enum(["0", "1", "true", "false"], { error: "must be 1 or 0" }).optional().transform((v) => v === "1" || v === "true"),
});

export type SuggestionStatus = "OPEN" | "DISMISSED" | "ORPHANED";

/** One suggestion as the API sends it. */
export type SuggestionDto = {
  id: string;
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number };
  score: number;
  reasons: Reason[];
  scope: "sentence" | "phrase";
  status: SuggestionStatus;
};
