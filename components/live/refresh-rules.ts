/**
 * Whether an event type is one of `patterns`: an exact type ("claim.updated")
 * or a family ending in ".*" ("claim.*" = claim.created, claim.updated, ...).
 */
export function matchesTypes(type: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith(".*") ? type.startsWith(p.slice(0, -1)) : type === p));
}

/** What changes the review queue: a claim's status (submitted, reviewed, deleted), an article (un)published. */
export const REVIEW_QUEUE_EVENTS = ["claim.*", "review.created", "article.published", "article.unpublished"] as const;
/** What the dashboard counts: claims, reviews and articles. */
export const DASHBOARD_EVENTS = ["claim.*", "review.created", "article.*"] as const;
