// What the import worker processes do: every parse of outside input that can
// take long or take much memory (web pages, feeds, uploaded files, article
// HTML). Runs in the worker (entry.ts); the app only imports the types, through
// pool.ts. No Next, no Prisma, no server-only: a plain Node process loads this.
import { extractArticleFromHtml } from "../parsers/extract-html";
import { parseFeed } from "../parsers/feed";
import { parseImportFileEntries } from "../parsers/files";
import { readPageClaimReviews } from "../parsers/page-claimreviews";
import { prepareContent, type ContentInput } from "@/lib/articles/prepare";
import type { SuggestContext, SuggestionDraft } from "@/lib/suggestions/compute";

export const TASKS = {
  /** A fetched web page: the ClaimReview records of its JSON-LD when it has any (a fact-checker's page), else its story and metadata. */
  page: async (input: { html: string; pageUrl?: string }) => {
    const records = await readPageClaimReviews(input.html, input.pageUrl);
    if (records) return { kind: "factchecks" as const, records };
    return { kind: "article" as const, article: await extractArticleFromHtml(input.html, input.pageUrl) };
  },
  /** A feed: its first `maxItems` items, and how many it has in all. */
  feed: (input: { xml: string; feedUrl?: string; maxItems: number }) => {
    const feed = parseFeed(input.xml, input.feedUrl);
    return { title: feed.title, items: feed.items.slice(0, input.maxItems), total: feed.items.length };
  },
  /** An uploaded file: one article, or one per JSON object or CSV row, and the ClaimReview records of a JSON file. */
  file: (input: { name: string; content: string }) => parseImportFileEntries(input.name, input.content),
  /**
   * An article's HTML (and text): sanitized HTML (links resolved against baseUrl), canonical text, blocks, content hash;
   * with `suggest`, also its suggestions (lib/suggestions/compute.ts), ranked here so the app's event loop never does.
   */
  content: async (input: ContentInput & { suggest?: SuggestContext }) => {
    const content = prepareContent(input);
    if (!input.suggest) return content;
    // Loaded on first use: the ranker (compromise, the weights) is not every worker's business, nor in its start-up heap.
    const { computeSuggestions } = await import("../../suggestions/compute");
    return { ...content, suggestions: computeSuggestions(content.text, input.suggest) as SuggestionDraft[] | undefined };
  },
};

export type TaskKind = keyof typeof TASKS;
export type TaskInput<K extends TaskKind> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskKind> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** App → worker. */
export type TaskRequest = { id: number; kind: TaskKind; input: unknown };

/** An error as it crosses the process boundary: an AppError keeps its code and fields. */
export type TaskError = { code?: string; message: string; fields?: Record<string, string>; stack?: string };

/** Worker → app. Messages are structured-cloned (IPC "advanced" serialization). */
export type WorkerMessage = { type: "ready" } | { type: "done"; id: number; ok: true; value: unknown } | { type: "done"; id: number; ok: false; error: TaskError };

export async function runTask(request: TaskRequest): Promise<unknown> {
  const task = TASKS[request.kind] as ((input: unknown) => unknown) | undefined;
  if (!task) throw new Error(`unknown import worker task "${request.kind}"`);
  return task(request.input);
}
