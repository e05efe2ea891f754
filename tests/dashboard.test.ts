import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { newsroomStats } from "@/lib/dashboard/data";
import { CLAIM_STATUSES, VERDICTS } from "@/lib/claims/constants";
import { ARTICLE_STATUSES } from "@/lib/articles/schema";
import { makeArticle, makeUser } from "@/seeds/factories";
import { onOwnDatabase } from "./support/fresh-database";

// Whole-table counts: on a database of this file's own, so other test files
// running at the same time cannot write between the two counts compared.
onOwnDatabase("dashboard");

describe("newsroom counts on the admin's dashboard", () => {
  it("count every claim by verdict and by status, and every article by status, as the tables hold them", async () => {
    const author = await makeUser({ role: "REVIEWER" });
    const article = await makeArticle({ sourceUrl: `https://news.example/${Math.random().toString(36).slice(2)}` });
    // A spread of verdicts and statuses, so a count taken from the wrong column would differ.
    for (let i = 0; i < 12; i++) {
      await prisma.claim.create({
        data: { articleId: article.id, exact: "the sky", start: 0, end: 7, claimText: `c${i}`, verdict: VERDICTS[i % VERDICTS.length], status: CLAIM_STATUSES[(i * 3) % CLAIM_STATUSES.length], authorId: author.id },
      });
    }
    const stats = await newsroomStats();
    for (const v of VERDICTS) expect(stats.byVerdict.find(([k]) => k === v)?.[1], v).toBe(await prisma.claim.count({ where: { verdict: v } }));
    for (const s of CLAIM_STATUSES) expect(stats.byStatus.find(([k]) => k === s)?.[1], s).toBe(await prisma.claim.count({ where: { status: s } }));
    for (const s of ARTICLE_STATUSES) expect(stats.articles.find(([k]) => k === s)?.[1], s).toBe(await prisma.article.count({ where: { status: s } }));
  });
});
