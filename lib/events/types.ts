// The live-events contract (/api/events): what a stream asks for and what it gets.
// Isomorphic: no Node or Prisma.

export const TOPICS = ["article", "import", "notification"] as const;
export type Topic = (typeof TOPICS)[number];

/** Who a stream is for and what it asked for. */
export type StreamFilter = {
  userId: string;
  /** Events of this article (claims, comments, reviews, the article, suggestions, presence). */
  articleId?: string;
  topics: ReadonlySet<Topic>;
};

/** An outbox row as the server sends it: `id` is the SSE id (outbox position), `data` the JSON. */
export type LiveMessage = {
  id: string;
  type: string;
  topic: string;
  articleId: string | null;
  /** The one user it is for (notifications), or null. */
  userId: string | null;
  data: Record<string, unknown>;
};

/**
 * Whether `filter`'s stream gets `m`. Notifications go to their user only (and
 * only on the notification topic); imports only on the import topic (the route
 * lets only admins ask for it); everything else is article-scoped.
 */
export function matches(filter: StreamFilter, m: Pick<LiveMessage, "topic" | "articleId" | "userId">): boolean {
  if (m.userId !== null) return m.userId === filter.userId && m.topic === "notification" && filter.topics.has("notification");
  if (m.topic === "import") return filter.topics.has("import");
  if (m.articleId === null) return false;
  return filter.topics.has("article") || filter.articleId === m.articleId;
}
