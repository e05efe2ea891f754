// Raw parser output against the real article schema, one item at a time, so a
// bad row is reported on its own instead of failing the whole import.
import { articleInputSchema, type ArticleInput } from "@/lib/articles/schema";
import { zodFields } from "@/lib/validation";
import { RAW_ARTICLE_KEYS, type RawArticle } from "./types";

export type ArticleInputResult =
  | { ok: true; input: ArticleInput }
  | { ok: false; fields: Record<string, string>; message: string };

export function toArticleInput(raw: RawArticle): ArticleInputResult {
  // The schema is strict; parsers are trusted to produce only these keys, but
  // objects from JSON files may carry more at runtime.
  const candidate: Record<string, string> = {};
  for (const key of RAW_ARTICLE_KEYS) {
    const value: unknown = raw[key];
    if (typeof value !== "string") continue;
    const trimmed = value.trim();
    if (trimmed) candidate[key] = trimmed;
  }
  const result = articleInputSchema.safeParse(candidate);
  if (result.success) return { ok: true, input: result.data };
  const fields = zodFields(result.error);
  const message = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("; ");
  return { ok: false, fields, message };
}
