// The list pages' queries at newsroom scale, through EXPLAIN ANALYZE on the
// bench database after scripts/bench/scale-seed.ts: each plan's execution time
// (second run, warm) and whether it reads a large table from end to end (a Seq Scan on Claim,
// AuditEvent, Source, Review, Comment or Article). The SQL mirrors what the
// pages ask (lib/reviews/data.ts, lib/audit/data.ts, lib/articles/data.ts,
// lib/dashboard/data.ts, lib/claims/reader-data.ts); aggregates over a whole
// table (the admin's newsroom counts) are marked as such and allowed to scan.
import pg from "pg";
import type { Report } from "./report";

type Check = { figure: string; sql: string; params?: unknown[]; wholeTable?: boolean };
type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

const LARGE = new Set(["Claim", "AuditEvent", "Source", "Review", "Comment", "Article", "ArticleRevision"]);

function walk(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

export async function explainListQueries(databaseUrl: string, report: Report) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const reviewer = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reviewer@example.org'`)).rows[0].id;
    const busiest = (await db.query<{ articleId: string }>(`SELECT "articleId" FROM "Claim" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].articleId;
    const firstTwenty = `(SELECT id FROM "Article" ORDER BY "createdAt" DESC, id DESC LIMIT 20)`;
    const checks: Check[] = [
      { figure: "review queue: the 50 oldest submitted claims", sql: `SELECT id, "articleId", "authorId", "submittedAt" FROM "Claim" WHERE status = 'SUBMITTED' ORDER BY "submittedAt" ASC, id ASC LIMIT 50` },
      { figure: "review queue: how many are waiting", sql: `SELECT count(*) FROM "Claim" WHERE status = 'SUBMITTED'` },
      {
        figure: "review queue: the articles waiting longest (filter)",
        sql: `SELECT "articleId", min("submittedAt") FROM "Claim" WHERE status = 'SUBMITTED' GROUP BY "articleId" ORDER BY 2 ASC LIMIT 100`,
      },
      { figure: "audit log: newest 50 events", sql: `SELECT id, action, "actorId", "createdAt" FROM "AuditEvent" ORDER BY "createdAt" DESC, id DESC LIMIT 50` },
      { figure: "audit log: one record's events", sql: `SELECT id FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY "createdAt" DESC LIMIT 50`, params: [busiest] },
      {
        figure: "audit log: the distinct actions (skip scan)",
        sql: `WITH RECURSIVE a AS (SELECT min(action) AS action FROM "AuditEvent" UNION ALL SELECT (SELECT min(action) FROM "AuditEvent" WHERE action > a.action) FROM a WHERE a.action IS NOT NULL) SELECT action FROM a WHERE action IS NOT NULL`,
      },
      { figure: "audit log: how many events", sql: `SELECT count(*) FROM "AuditEvent"`, wholeTable: true },
      { figure: "articles list: newest 20", sql: `SELECT id, title FROM "Article" ORDER BY "createdAt" DESC, id DESC LIMIT 20` },
      { figure: "articles list: claim counts of a page", sql: `SELECT "articleId", count(*) FROM "Claim" WHERE "articleId" IN ${firstTwenty} GROUP BY "articleId"` },
      {
        figure: "dashboard: my open claims",
        sql: `SELECT id FROM "Claim" WHERE "authorId" = $1 AND status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED') ORDER BY "updatedAt" DESC LIMIT 200`,
        params: [reviewer],
      },
      { figure: "dashboard (admin): claims by verdict and status", sql: `SELECT verdict, status, count(*) FROM "Claim" GROUP BY verdict, status`, wholeTable: true },
      {
        figure: "reader: an article's claims with their source counts",
        sql: `SELECT c.id, (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id) FROM "Claim" c JOIN "User" u ON u.id = c."authorId" WHERE c."articleId" = $1 ORDER BY c.start, c."end" DESC, c."createdAt"`,
        params: [busiest],
      },
    ];
    for (const check of checks) {
      // Twice: the second run's time, with the pages in memory as a busy server would have them.
      await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${check.sql}`, check.params ?? []);
      const res = await db.query<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${check.sql}`, check.params ?? []);
      const [{ Plan, "Execution Time": ms }] = res.rows[0]["QUERY PLAN"];
      const nodes = walk(Plan);
      const scans = nodes.filter((n) => n["Node Type"] === "Seq Scan" && LARGE.has(n["Relation Name"] ?? "")).map((n) => n["Relation Name"]);
      const indexes = [...new Set(nodes.map((n) => n["Index Name"]).filter(Boolean))];
      const how = scans.length ? `Seq Scan on ${scans.join(", ")}` : indexes.length ? `index ${indexes.join(", ")}` : Plan["Node Type"];
      report.add(
        `EXPLAIN ${check.figure}`,
        `${ms.toFixed(1)} ms, ${how}`,
        check.wholeTable ? "reads the whole table by design" : "no Seq Scan on a large table",
        check.wholeTable ? null : scans.length === 0,
      );
    }
  } finally {
    await db.end();
  }
}
