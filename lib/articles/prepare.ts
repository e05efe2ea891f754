import { createHash } from "node:crypto";
import type { Block } from "./blocks";
import { blocksFromPlainText } from "./blocks";
import type { ArticleInput } from "./schema";
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

/** An article's text and/or HTML, and the URL its HTML's relative links resolve against (its source URL; none for pasted HTML). */
export type ContentInput = { text?: string; html?: string; baseUrl?: string };

/** prepareContent somewhere it may take long: the app's is the import worker pool's (lib/imports/worker/isolated.ts). */
export type ContentPreparer = (input: ContentInput) => Promise<PreparedContent>;

/**
 * The text, blocks, sanitized HTML and content hash of an input. With HTML this
 * is the costly part (sanitize-html and linkedom): the app runs it in the
 * import worker pool (lib/imports/worker/isolated.ts), not on its event loop.
 */
export function prepareContent(input: ContentInput): PreparedContent {
  // Given both, the plain text is canonical and the HTML is kept (sanitized) as the original.
  const fromHtml = input.html ? htmlToArticle(input.html, input.baseUrl) : null;
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
  const content = prepareContent({ text: input.text, html: input.html, baseUrl: input.sourceUrl });
  return { ...prepareMetadata(input), ...content };
}
