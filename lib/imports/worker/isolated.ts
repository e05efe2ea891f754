import "server-only";
import type { ArticleInput } from "@/lib/articles/schema";
import type { ParsedFeed } from "../parsers/types";
import type { TaskOutput } from "./tasks";
import { prepareContent, prepareMetadata, type ContentInput, type PreparedArticle, type PreparedContent } from "@/lib/articles/prepare";
import type { SuggestContext, SuggestionDraft } from "@/lib/suggestions/compute";
import { AppError } from "@/lib/errors";
import { ImportWorkersStopped, runInWorker } from "./pool";

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

/** Content as the worker prepares it: with the article's suggestions when they were asked for. */
export type ContentWithSuggestions = PreparedContent & { suggestions?: SuggestionDraft[] };

/**
 * prepareContent off the event loop when there is HTML to parse or suggestions to
 * rank (`suggest`: the ranker takes ~0.2 s for 100 KB of text, and its model loads
 * once per process). Plain text without suggestions stays here: splitting it into
 * paragraphs is linear and cheap. Should no worker start, plain text is prepared
 * here without suggestions, and the caller ranks it (lib/suggestions/store.ts).
 */
export async function prepareContentInWorker(input: ContentInput & { suggest?: SuggestContext }): Promise<ContentWithSuggestions> {
  if (!input.html && !input.suggest) return Promise.resolve().then(() => prepareContent(input));
  try {
    return await runInWorker("content", { text: input.text, html: input.html, baseUrl: input.baseUrl, suggest: input.suggest }, { field: input.html ? "html" : "text" });
  } catch (e) {
    if (input.html || e instanceof AppError || e instanceof ImportWorkersStopped) throw e;
    return prepareContent(input);
  }
}

/**
 * prepareArticle, with the HTML parsed and (unless `suggest` is false: an import job
 * ranks its articles after its items, lib/suggestions/backfill.ts) the suggestions
 * ranked in the pool.
 */
export async function prepareArticleInWorker(input: ArticleInput, opts: { suggest?: boolean } = {}): Promise<PreparedArticle & { suggestions?: SuggestionDraft[] }> {
  const meta = prepareMetadata(input);
  const suggest = opts.suggest === false ? undefined : { publishedAt: meta.publishedAt, language: meta.language };
  const content = await prepareContentInWorker({ text: input.text, html: input.html, baseUrl: input.sourceUrl, suggest });
  return { ...meta, ...content };
}
