import "server-only";
import type { ArticleInput } from "@/lib/articles/schema";
import type { ParsedFeed } from "../parsers/types";
import type { TaskOutput } from "./tasks";
import { prepareContent, prepareMetadata, type ContentInput, type PreparedArticle, type PreparedContent } from "@/lib/articles/prepare";
import { runInWorker } from "./pool";

// The app's way to read outside input: each call runs in the import worker pool
// (pool.ts) under its CPU, wall-clock and memory limits, and an overrun fails
// naming the input's field. Same results and errors as the parsers themselves.

/** A fetched web page's ClaimReview records, or its story and metadata (errors name `url`). */
export function readPage(html: string, pageUrl: string): Promise<TaskOutput<"page">> {
  return runInWorker("page", { html, pageUrl }, { field: "url" });
}

/** A feed's first `maxItems` items, and how many it has (errors name `feedUrl`). */
export function readFeed(xml: string, feedUrl: string, maxItems: number): Promise<ParsedFeed & { total: number }> {
  return runInWorker("feed", { xml, feedUrl, maxItems }, { field: "feedUrl" });
}

/** An uploaded file's articles and ClaimReview records (errors name `files`, starting with the file name). */
export function readFile(name: string, content: string): Promise<TaskOutput<"file">> {
  return runInWorker("file", { name, content }, { field: "files", prefix: `${name}: ` });
}

/**
 * prepareContent off the event loop when there is HTML to parse. Plain text
 * stays here: splitting it into paragraphs is linear and cheap, and the many
 * plain-text articles (seed data, API items, tests) need no process hop.
 */
export function prepareContentInWorker(input: ContentInput): Promise<PreparedContent> {
  if (!input.html) return Promise.resolve().then(() => prepareContent(input));
  return runInWorker("content", { text: input.text, html: input.html, baseUrl: input.baseUrl }, { field: "html" });
}

/** prepareArticle, with the HTML parsed in the pool. */
export async function prepareArticleInWorker(input: ArticleInput): Promise<PreparedArticle> {
  const content = await prepareContentInWorker({ text: input.text, html: input.html, baseUrl: input.sourceUrl });
  return { ...prepareMetadata(input), ...content };
}
