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

/** What an article's text or HTML becomes: the part of preparing that parses (HTML) and hashes. */
export type PreparedContent = Pick<PreparedArticle, "text" | "blocks" | "html" | "contentHash">;

/**
 * The text, blocks, sanitized HTML and content hash of an input. With HTML this
 * is the costly part (sanitize-html and linkedom): the app runs it in the
 * import worker pool (lib/imports/worker/isolated.ts), not on its event loop.
 */
export function prepareContent(input: { text?: string; html?: string }): PreparedContent {
  // Given both, the plain text is canonical and the HTML is kept (sanitized) as the original.
  const fromHtml = input.html ? htmlToArticle(input.html) : null;
  const { text, blocks } = input.text ? blocksFromPlainText(input.text.normalize("NFC")) : (fromHtml ?? { text: "", blocks: [] });
  if (!text) throw invalidInput({ [input.html ? "html" : "text"]: "has no readable text" });
  return { text, blocks, html: fromHtml?.html ?? null, contentHash: contentHash(text) };
}

/** The metadata as stored: cheap string work. */
export function prepareMetadata(input: ArticleInput): Omit<PreparedArticle, keyof PreparedContent> {
  return {
    title: input.title.replace(/\s+/g, " ").trim(),
    author: input.author ?? null,
    publisher: input.publisher ?? null,
    sourceUrl: input.sourceUrl ? normalizeSourceUrl(input.sourceUrl) : null,
    publishedAt: input.publishedAt ?? null,
    language: input.language ?? null,
  };
}

/**
 * Turns validated input into what is stored: every way into Verity (API, paste,
 * files, URL, feed, CLI, the seed) goes through here, or through its pool
 * counterpart prepareArticleInWorker (lib/imports/worker/isolated.ts).
 */
export function prepareArticle(input: ArticleInput): PreparedArticle {
  const content = prepareContent(input);
  return { ...prepareMetadata(input), ...content };
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
