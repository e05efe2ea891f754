import { describe, expect, it } from "vitest";
import { eventsQuerySchema } from "./schema";
import { matches, type StreamFilter, type Topic } from "./types";

const f = (topics: Topic[], articleId?: string): StreamFilter => ({ userId: "u1", articleId, topics: new Set(topics) });
const ev = (topic: string, articleId: string | null, userId: string | null = null) => ({ topic, articleId, userId });

describe("matches: who gets which event", () => {
  it.each([
    ["article-scoped event, stream on that article", f([], "a1"), ev("article", "a1"), true],
    ["article-scoped event, stream on another article", f([], "a2"), ev("article", "a1"), false],
    ["article-scoped event, article topic", f(["article"]), ev("article", "a1"), true],
    ["presence, stream on that article", f([], "a1"), ev("presence", "a1"), true],
    ["presence, article topic", f(["article"]), ev("presence", "a9"), true],
    ["import progress, import topic", f(["import"]), ev("import", null), true],
    ["import progress, article topic only", f(["article"]), ev("import", null), false],
    ["own notification, notification topic", f(["notification"]), ev("notification", null, "u1"), true],
    ["own notification, without the notification topic", f(["article"], "a1"), ev("notification", null, "u1"), false],
    ["someone else's notification, every topic", f(["article", "import", "notification"], "a1"), ev("notification", null, "u2"), false],
    ["a user-addressed event that names an article still goes to its user only", f(["article"], "a1"), ev("notification", "a1", "u2"), false],
  ])("%s", (_name, filter, event, expected) => {
    expect(matches(filter, event)).toBe(expected);
  });
});

describe("eventsQuerySchema", () => {
  it("parses a topic list and a cursor", () => {
    const q = eventsQuerySchema.parse({ topics: "article, notification,", lastEventId: "42" });
    expect([...q.topics]).toEqual(["article", "notification"]);
    expect(q.lastEventId).toBe("42");
  });
  it.each([
    [{ topics: "article,gossip" }, "topics"],
    [{}, "topics"],
    [{ topics: "article", lastEventId: "4x" }, "lastEventId"],
  ])("refuses %j naming %s", (input, field) => {
    const r = eventsQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
  it("an articleId alone is enough", () => {
    expect(eventsQuerySchema.parse({ articleId: "a1" }).topics.size).toBe(0);
  });
});
