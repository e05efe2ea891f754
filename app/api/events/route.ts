import { route } from "@/lib/http";
import { can } from "@/lib/auth/permissions";
import { sql } from "@/lib/db";
import { forbidden, invalidInput, notFound } from "@/lib/errors";
import { eventsQuerySchema, lastEventIdSchema } from "@/lib/events/schema";
import { openEventStream } from "@/lib/events/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/events: live updates as server-sent events (the contract: README, "Live updates").
export const GET = route({ can: "events:read", query: eventsQuerySchema }, async ({ req, user, query }) => {
  if (query.topics.has("import") && !can(user, "import:run")) throw forbidden("Import progress is for admins: leave out the import topic");
  if (query.articleId) {
    const found = await sql("verity_events_article", `SELECT 1 FROM "Article" WHERE id = $1`, [query.articleId]);
    if (!found.length) throw notFound("Article");
  }
  // EventSource sends Last-Event-ID when it reconnects: newer than the address's lastEventId.
  const header = req.headers.get("last-event-id");
  let resumeFrom = query.lastEventId;
  if (header !== null && header.trim() !== "") {
    const parsed = lastEventIdSchema.safeParse(header.trim());
    if (!parsed.success) throw invalidInput({ lastEventId: "must be the id of an event (digits)" }, "The Last-Event-ID header must be the id of an event (digits)");
    resumeFrom = parsed.data;
  }
  return openEventStream({
    filter: { userId: user.id, articleId: query.articleId, topics: query.topics },
    after: resumeFrom === undefined ? null : BigInt(resumeFrom),
    signal: req.signal,
  });
});
