import { createHash } from "node:crypto";
import type { Block } from "@/lib/articles/blocks";
import { blocksFromPlainText } from "@/lib/articles/blocks";
import type { ArticleInput } from "@/lib/articles/schema";
import { invalidInput } from "@/lib/errors";
import { htmlToArticle } from "./html";
import { normalizeSourceUrl } from "./url";

export type PreparedArticle = {
  title: string;
  author: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  language: string | null;
  text: string;
  blocks: Block[];
  html: string | null;
  contentHash: string;
};

/** The duplicate key for content: case and whitespace do not make a story new. */
export function contentHash(text: string): string {
  const norm = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(norm).digest("hex");
}

/**
 * Turns validated input into what is stored: every way into Verity (API, paste,
 * files, URL, feed, CLI, the seed) goes through here.
 */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  // Given both, the plain text is canonical and the HTML is kept (sanitized) as the original.
  const fromHtml = input.html ? htmlToArticle(input.html) : null;
  const { text, blocks } = input.text ? blocksFromPlainText(input.text.normalize("NFC")) : (fromHtml ?? { text: "", blocks: [] });
  if (!text) throw invalidInput({ [input.html ? "html" : "text"]: "has no readable text" });
  return {
    title: input.title.replace(/\s+/g, " ").trim(),
    author: input.author ?? null,
    publisher: input.publisher ?? null,
    sourceUrl: input.sourceUrl ? normalizeSourceUrl(input.sourceUrl) : null,
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
    text,
    blocks,
    html: fromHtml?.html ?? null,
    contentHash: contentHash(text),
  };
}

export function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return base || "article";
}
