import { describe, expect, it } from "vitest";
import { DASHBOARD_EVENTS, matchesTypes, REVIEW_QUEUE_EVENTS } from "./refresh-rules";

describe("matchesTypes", () => {
  it.each([
    ["claim.updated", REVIEW_QUEUE_EVENTS, true],
    ["claim.deleted", REVIEW_QUEUE_EVENTS, true],
    ["review.created", REVIEW_QUEUE_EVENTS, true],
    ["comment.created", REVIEW_QUEUE_EVENTS, false],
    ["presence", REVIEW_QUEUE_EVENTS, false],
    ["article.published", REVIEW_QUEUE_EVENTS, true],
    ["article.revised", REVIEW_QUEUE_EVENTS, false],
    ["article.published", DASHBOARD_EVENTS, true],
    ["articles.x", DASHBOARD_EVENTS, false],
    ["claim", DASHBOARD_EVENTS, false],
    ["notification.created", DASHBOARD_EVENTS, false],
  ] as const)("%s in %j: %s", (type, patterns, expected) => {
    expect(matchesTypes(type, patterns)).toBe(expected);
  });
});
