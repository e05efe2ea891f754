// Newsroom-scale data for `npm run bench`, written straight into the bench app's
// database with INSERT … SELECT generate_series (seconds, not the minutes the API
// would take): 10,000 articles of ~5 KB with their first revision, 100,000 claims
// over them in every state (a few thousand SUBMITTED for the review queue), their
// sources, reviews and comments, ~30 reviewers and a few editors, and the audit
// events all of that would have written. Rows have the shapes the app writes:
// cuid-like ids, blocks over the text, selectors cut from the text, sha256 hashes.
import pg from "pg";
import { SENTENCES } from "./prose";

export type ScaleCounts = { articles: number; claims: number; sources: number; reviews: number; comments: number; auditEvents: number; users: number; seconds: number };


const TOPICS = ["budget", "transport", "housing", "health", "schools", "energy", "climate", "police", "elections", "water"];
const PARAGRAPHS = 12;
// Claim states by claim number mod 100: SUBMITTED 3 %, CHANGES_REQUESTED 5 %, DRAFT 35 %, APPROVED 45 %, REJECTED 12 %.
const STATUS_SQL = `CASE WHEN j % 100 < 3 THEN 'SUBMITTED' WHEN j % 100 < 8 THEN 'CHANGES_REQUESTED' WHEN j % 100 < 43 THEN 'DRAFT' WHEN j % 100 < 88 THEN 'APPROVED' ELSE 'REJECTED' END`;

const id = (kind: string, n: string) => `'c' || substr(md5('${kind}-' || ${n}), 1, 24)`;

export async function seedScale(databaseUrl: string, opts: { articles?: number; claims?: number; log?: (line: string) => void } = {}): Promise<ScaleCounts> {
  const articles = opts.articles ?? 10_000;
  const claims = opts.claims ?? 100_000;
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const demo = await db.query<{ id: string; email: string; passwordHash: string }>(`SELECT id, email, "passwordHash" FROM "User" WHERE email IN ('admin@example.org', 'editor@example.org', 'reviewer@example.org')`);
    const by = (e: string) => demo.rows.find((r) => r.email === e) ?? (() => { throw new Error(`no ${e} in the bench database`); })();
    const admin = by("admin@example.org");
    const hash = admin.passwordHash;
    await db.query("BEGIN");

    // A newsroom: the demo reviewer among 30 others, the demo editor among 4 others.
    await db.query(
      `INSERT INTO "User" (id, email, name, role, active, "passwordHash", "createdAt", "updatedAt")
       SELECT ${id("user", "n")}, 'bench-' || CASE WHEN n <= 30 THEN 'reviewer' ELSE 'editor' END || n || '@example.org',
              CASE WHEN n <= 30 THEN 'Reviewer ' ELSE 'Editor ' END || n, (CASE WHEN n <= 30 THEN 'REVIEWER' ELSE 'EDITOR' END)::"Role", true, $1,
              now() - interval '400 days', now() - interval '400 days'
       FROM generate_series(1, 34) n`,
      [hash],
    );
    await db.query(`CREATE TEMP TABLE bench_people ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY email)) - 1 AS k, id, role FROM "User" WHERE role IN ('REVIEWER', 'EDITOR') AND active`);
    const people = await db.query<{ reviewers: number; editors: number }>(`SELECT count(*) FILTER (WHERE role = 'REVIEWER')::int AS reviewers, count(*) FILTER (WHERE role = 'EDITOR')::int AS editors FROM bench_people`);
    const { reviewers, editors } = people.rows[0];
    await db.query(`CREATE TEMP TABLE bench_reviewers ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS k, id FROM bench_people WHERE role = 'REVIEWER'`);
    await db.query(`CREATE TEMP TABLE bench_editors ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS k, id FROM bench_people WHERE role = 'EDITOR'`);
    log(`users: ${reviewers} reviewers, ${editors} editors`);

    // Articles: 12 paragraphs of ~400 characters (ASCII, so Postgres's length() counts UTF-16 units too).
    await db.query(
      `CREATE TEMP TABLE bench_articles ON COMMIT DROP AS
       WITH paras AS (
         SELECT i, p, format('%s %s %s %s (Report %s, paragraph %s.)',
                  ($1::text[])[1 + (i + p) % 8], ($1::text[])[1 + (i + p + 3) % 8], ($1::text[])[1 + (i + 2 * p + 5) % 8], ($1::text[])[1 + (i * 7 + p) % 8], i, p) AS t
         FROM generate_series(1, $2::int) i, generate_series(1, ${PARAGRAPHS}) p
       ), offs AS (
         SELECT i, p, t, (sum(length(t) + 2) OVER (PARTITION BY i ORDER BY p)) - length(t) - 2 AS s FROM paras
       )
       SELECT i, ${id("article", "i")} AS id,
              string_agg(t, E'\\n\\n' ORDER BY p) AS text,
              jsonb_agg(jsonb_build_object('type', 'paragraph', 'start', s, 'end', s + length(t)) ORDER BY p) AS blocks
       FROM offs GROUP BY i`,
      [SENTENCES, articles],
    );
    await db.query(
      `INSERT INTO "Article" (id, slug, title, author, publisher, "sourceUrl", "publishedAt", language, text, blocks, "contentHash", status, revision, "factCheckPublishedAt", "createdById", "createdAt", "updatedAt")
       SELECT a.id, 'scale-' || a.i || '-' || substr(md5(a.id), 1, 6),
              initcap(($1::text[])[1 + a.i % 10]) || ' report ' || a.i || ': what the ' || ($1::text[])[1 + (a.i * 3) % 10] || ' figures say',
              'Reporter ' || (a.i % 23), 'Bench Gazette', 'https://scale.example/news/' || a.i, c.at - interval '2 hours', 'en',
              a.text, a.blocks, encode(sha256(convert_to(a.text, 'UTF8')), 'hex'),
              (CASE WHEN a.i % 20 < 16 THEN 'OPEN' WHEN a.i % 20 < 19 THEN 'PUBLISHED' ELSE 'ARCHIVED' END)::"ArticleStatus", 1,
              CASE WHEN a.i % 20 BETWEEN 16 AND 18 THEN c.at + interval '3 days' END, $2, c.at, c.at
       FROM bench_articles a, LATERAL (SELECT now() - (($3::int - a.i) * interval '50 minutes') AS at) c`,
      [TOPICS, admin.id, articles],
    );
    await db.query(`INSERT INTO "ArticleRevision" (id, "articleId", revision, text, blocks, "contentHash", "createdAt")
                    SELECT ${id("revision", "a.i")}, a.id, 1, a.text, a.blocks, encode(sha256(convert_to(a.text, 'UTF8')), 'hex'), now() - (($1::int - a.i) * interval '50 minutes')
                    FROM bench_articles a`, [articles]);
    log(`articles: ${articles}`);

    // Claims: each article gets about claims/articles of them, each quoting 30-110 characters inside one paragraph.
    await db.query(
      `CREATE TEMP TABLE bench_claims ON COMMIT DROP AS
       SELECT j, ${id("claim", "j")} AS id, a.id AS "articleId", ${STATUS_SQL} AS status,
              (SELECT id FROM bench_reviewers r WHERE r.k = j % $3::int) AS "authorId",
              (SELECT id FROM bench_editors e WHERE e.k = j % $4::int) AS "editorId",
              ((a.blocks -> (j % ${PARAGRAPHS})) ->> 'start')::int + (j * 13) % 150 AS s, 30 + (j % 81) AS len,
              a."createdAt" + ((j % 1440) * interval '1 minute') AS at
       FROM generate_series(1, $1::int) j
       JOIN "Article" a ON a.id = ${id("article", "(1 + (j * 7919) % $2::int)")}`,
      [claims, articles, reviewers, editors],
    );
    await db.query(
      `INSERT INTO "Claim" (id, "articleId", "articleRevision", exact, prefix, suffix, start, "end", "anchorStatus", "claimText", verdict, rationale, status, "authorId", "lastEditedById", version, "submittedAt", "createdAt", "updatedAt")
       SELECT c.id, c."articleId", 1, substr(text, s + 1, len), substr(text, greatest(s - 32, 0) + 1, s - greatest(s - 32, 0)), substr(text, s + len + 1, 32), s, s + len,
              (CASE WHEN (j / 7) % 100 < 96 THEN 'ANCHORED' WHEN (j / 7) % 100 < 99 THEN 'FUZZY' ELSE 'ORPHANED' END)::"AnchorStatus",
              'Claim ' || j || ': ' || substr(text, s + 1, len),
              (($1::text[])[1 + (j / 3) % 8])::"Verdict",
              CASE WHEN j % 3 = 0 THEN '' ELSE 'Checked against the official figures published by the statistics office for claim ' || j || '.' END,
              c.status::"ClaimStatus", c."authorId", c."authorId",
              CASE c.status WHEN 'DRAFT' THEN 1 WHEN 'SUBMITTED' THEN 2 ELSE 3 END,
              CASE WHEN c.status <> 'DRAFT' THEN at + interval '1 hour' END, at,
              at + CASE WHEN c.status = 'DRAFT' THEN interval '0' WHEN c.status = 'SUBMITTED' THEN interval '1 hour' ELSE interval '1 day' END
       FROM bench_claims c JOIN "Article" a ON a.id = c."articleId"`,
      [["TRUE", "MOSTLY_TRUE", "MIXED", "MOSTLY_FALSE", "FALSE", "MISLEADING", "OUTDATED", "UNVERIFIABLE"]],
    );
    log(`claims: ${claims}`);

    // Sources for 60 % of the claims (a second one for a third of those), a review for every decided claim, comments on 20 %.
    await db.query(
      `INSERT INTO "Source" (id, "claimId", position, url, title, publisher, "accessedAt", stance, "createdAt")
       SELECT ${id("source", "c.j || '-' || n")}, c.id, n, 'https://stats.example/tables/' || c.j || '/' || n, 'Official table ' || c.j || '.' || n, 'Statistics office', c.at,
              (ARRAY['SUPPORTS', 'REFUTES', 'CONTEXT'])[1 + (c.j + n) % 3]::"Stance", c.at
       FROM bench_claims c, generate_series(0, 1) n
       WHERE c.j % 5 < 3 AND (n = 0 OR c.j % 5 = 0)`,
    );
    await db.query(
      `INSERT INTO "Review" (id, "claimId", "editorId", decision, comment, "claimVersion", "createdAt")
       SELECT ${id("review", "j")}, id, "editorId",
              (CASE status WHEN 'APPROVED' THEN 'APPROVE' WHEN 'REJECTED' THEN 'REJECT' ELSE 'REQUEST_CHANGES' END)::"ReviewDecision",
              CASE WHEN status = 'APPROVED' THEN NULL ELSE 'Please add the primary source for claim ' || j || '.' END, 2, at + interval '1 day'
       FROM bench_claims WHERE status IN ('APPROVED', 'REJECTED', 'CHANGES_REQUESTED')`,
    );
    await db.query(
      `INSERT INTO "Comment" (id, "claimId", "authorId", body, "createdAt")
       SELECT ${id("comment", "j")}, id, CASE WHEN j % 2 = 0 THEN "editorId" ELSE "authorId" END, 'Is there a newer figure for claim ' || j || '?', at + interval '2 hours'
       FROM bench_claims WHERE j % 5 = 1`,
    );

    // The audit trail those writes leave: created, submitted, decided, commented; articles imported; sign-ins.
    await db.query(
      `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", changes, ip, "createdAt")
       SELECT ${id("audit-create", "j")}, "authorId", 'claim.create', 'Claim', id, jsonb_build_object('verdict', 'TRUE', 'exactLength', len), '127.0.0.1', at FROM bench_claims
       UNION ALL
       SELECT ${id("audit-submit", "j")}, "authorId", 'claim.submit', 'Claim', id, '{"status":{"from":"DRAFT","to":"SUBMITTED"}}'::jsonb, '127.0.0.1', at + interval '1 hour' FROM bench_claims WHERE status <> 'DRAFT'
       UNION ALL
       SELECT ${id("audit-review", "j")}, "editorId", 'claim.review.' || CASE status WHEN 'APPROVED' THEN 'approve' WHEN 'REJECTED' THEN 'reject' ELSE 'request_changes' END, 'Claim', id,
              jsonb_build_object('status', jsonb_build_object('from', 'SUBMITTED', 'to', status)), '127.0.0.1', at + interval '1 day'
       FROM bench_claims WHERE status IN ('APPROVED', 'REJECTED', 'CHANGES_REQUESTED')
       UNION ALL
       SELECT ${id("audit-comment", "j")}, CASE WHEN j % 2 = 0 THEN "editorId" ELSE "authorId" END, 'claim.comment', 'Claim', id, jsonb_build_object('body', 'Is there a newer figure?'), '127.0.0.1', at + interval '2 hours'
       FROM bench_claims WHERE j % 5 = 1
       UNION ALL
       SELECT ${id("audit-article", "i")}, $1, 'article.create', 'Article', id, NULL, '127.0.0.1', now() - (($2::int - i) * interval '50 minutes') FROM bench_articles
       UNION ALL
       SELECT ${id("audit-signin", "n")}, p.id, 'auth.sign_in', 'User', p.id, NULL, '127.0.0.1', now() - (n * interval '90 minutes')
       FROM generate_series(1, 5000) n JOIN bench_people p ON p.k = n % ($3::int + $4::int)`,
      [admin.id, articles, reviewers, editors],
    );
    await db.query("COMMIT");
    // As autovacuum would have by the time a newsroom had this much: fresh statistics and a visibility map.
    await db.query(`VACUUM ANALYZE "User", "Article", "ArticleRevision", "Claim", "Source", "Review", "Comment", "AuditEvent"`);
    const n = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return {
      articles: await n("Article"),
      claims: await n("Claim"),
      sources: await n("Source"),
      reviews: await n("Review"),
      comments: await n("Comment"),
      auditEvents: await n("AuditEvent"),
      users: await n("User"),
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (e) {
    await db.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await db.end();
  }
}
