import "server-only";
import { sql } from "@/lib/db";
import { articleText, type ArticleText } from "@/lib/articles/text-cache";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { anchorSelector, sourceSummary } from "./selector";
import type { ClaimView } from "./data";
import type { ClaimInput } from "./schema";

// POST /api/articles/:id/claims, the write reviewers make most: one statement.
// The claim, its sources and its audit event are inserted by one SQL statement
// (data-modifying CTEs run as one transaction), guarded by the article row it
// locks FOR SHARE at the revision whose text the selector was checked against:
// a concurrent revision either waits for this insert (and then re-anchors it)
// or, committed first, makes this statement insert nothing (a 409 below). The
// answer is built from what was inserted, not read back. With the text from
// the per-revision cache, a write is two round trips: the caller's user row
// (the route wrapper) and this statement, both plain SQL on the shared pool,
// as named statements Postgres plans once per connection. Before: nine, through
// Prisma's query interpreter, with a 100 KB read of the text each time.

type SourceRow = { id: string; position: number; url: string; title: string; publisher: string | null; stance: string; archivedUrl: string | null; excerpt: string | null };
type Inserted = { id: string; createdAt: Date; sources: SourceRow[] };

// $1 article id, $2 revision, $3 claim id, $4 exact, $5 prefix, $6 suffix, $7 start, $8 end, $9 claimText,
// $10 verdict, $11 rationale, $12 user id, $13 sources (jsonb), $14 audit event id, $15 audit changes (jsonb)
const INSERT_CLAIM = `
  WITH a AS (
    SELECT id FROM "Article" WHERE id = $1 AND revision = $2::int AND status <> 'ARCHIVED' FOR SHARE
  ), c AS (
    INSERT INTO "Claim" (id, "articleId", "articleRevision", exact, prefix, suffix, start, "end", "anchorStatus", "claimText", verdict, rationale, status, "authorId", "lastEditedById", version, "createdAt", "updatedAt")
    SELECT $3, a.id, $2::int, $4, $5, $6, $7::int, $8::int, 'ANCHORED', $9, $10::"Verdict", $11, 'DRAFT', $12, $12, 1, now(), now()
    FROM a
    RETURNING id, "createdAt"
  ), s AS (
    INSERT INTO "Source" (id, "claimId", position, url, title, publisher, "accessedAt", "archivedUrl", excerpt, stance, "createdAt")
    SELECT x.id, c.id, x.position, x.url, x.title, x.publisher, now(), x."archivedUrl", x.excerpt, x.stance::"Stance", now()
    FROM c, jsonb_to_recordset($13::jsonb)
      AS x(id text, position int, url text, title text, publisher text, stance text, "archivedUrl" text, excerpt text)
  ), e AS (
    INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", changes, "createdAt")
    SELECT $14, $12, 'claim.create', 'Claim', c.id, $15::jsonb, now() FROM c
  )
  SELECT id, "createdAt" AT TIME ZONE 'UTC' AS "createdAt" FROM c`;

async function insert(user: CurrentUser, article: ArticleText, input: ClaimInput, selector: ReturnType<typeof anchorSelector>): Promise<Inserted | null> {
  const claimId = newId();
  const sources: SourceRow[] = input.sources.map((s, position) => ({
    id: newId(),
    position,
    url: s.url,
    title: s.title,
    publisher: s.publisher ?? null,
    stance: s.stance,
    archivedUrl: s.archivedUrl ?? null,
    excerpt: s.excerpt ?? null,
  }));
  const changes = { articleId: article.id, exact: selector.exact, start: selector.start, end: selector.end, claimText: input.claimText, verdict: input.verdict, sources: sourceSummary(input.sources) };
  const rows = await sql<{ id: string; createdAt: Date }>("verity_create_claim", INSERT_CLAIM, [
    article.id, article.revision, claimId, selector.exact, selector.prefix, selector.suffix, selector.start, selector.end,
    input.claimText, input.verdict, input.rationale, user.id, JSON.stringify(sources), newId(), JSON.stringify(changes),
  ]);
  if (!rows[0]) return null;
  return { ...rows[0], sources };
}

function view(user: CurrentUser, article: ArticleText, input: ClaimInput, selector: ReturnType<typeof anchorSelector>, row: Inserted): ClaimView {
  const who = { id: user.id, name: user.name };
  return {
    id: row.id,
    articleId: article.id,
    articleRevision: article.revision,
    selector: { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, start: selector.start, end: selector.end },
    anchorStatus: "ANCHORED",
    claimText: input.claimText,
    verdict: input.verdict,
    rationale: input.rationale,
    status: "DRAFT",
    author: who,
    lastEditedBy: who,
    version: 1,
    submittedAt: null,
    createdAt: row.createdAt,
    updatedAt: row.createdAt,
    sourceCount: input.sources.length,
    detail: true,
    // The rows the statement stored, ids made here; accessedAt and createdAt are the statement's now().
    sources: row.sources.map((s) => ({ id: s.id, url: s.url, title: s.title, publisher: s.publisher, stance: s.stance as ClaimView["sources"][number]["stance"], archivedUrl: s.archivedUrl, excerpt: s.excerpt, accessedAt: row.createdAt })),
    reviews: [],
    comments: [],
  };
}

export async function createClaim(user: CurrentUser, articleId: string, input: ClaimInput): Promise<ClaimView> {
  if (!can(user, "claim:create")) throw forbidden();
  let checkedRevision: number | null = null;
  // At most two tries: the cached text may be a revision behind (another instance revised the article).
  for (let attempt = 0; attempt < 2; attempt++) {
    const article = await articleText(articleId, { fresh: attempt > 0 });
    if (!article) throw notFound("Article");
    if (article.status === "ARCHIVED") throw new AppError("conflict", "This article is archived and takes no new claims");
    let selector: ReturnType<typeof anchorSelector>;
    try {
      selector = anchorSelector(article.text, input.selector);
    } catch (e) {
      // A cached text may be older than the writer's: read it fresh before refusing the selector.
      if (attempt === 0) continue;
      // The words were right for the revision the writer saw, which changed meanwhile.
      if (checkedRevision !== null && checkedRevision !== article.revision) throw textChanged();
      throw e;
    }
    checkedRevision = article.revision;
    const row = await insert(user, article, input, selector);
    if (row) return view(user, article, input, selector, row);
    // Nothing inserted: gone, archived, or revised since the text was read. Look again.
  }
  throw textChanged();
}

const textChanged = () =>
  new AppError("conflict", "The article's text changed while you were working. Reload it and select the words again.", { fields: { selector: "refers to an older revision of the text" } });
