// The background ranking of articles an import job stored (lib/suggestions/backfill.ts),
// on a database of this file's own: a pass ranks every unranked article, and other
// files' articles in the shared database would be ranked (and counted) too.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onOwnDatabase } from "./support/fresh-database";

onOwnDatabase("backfill");

const uid = () => randomUUID().slice(0, 8);
const CLAIMY = (tag: string) =>
  `Unemployment in Varnholm ${tag} rose by 12% last year, the highest rate since 1990, according to the ministry.\n\nStuxnet targeted Iran's nuclear facilities in November 2007, researchers say.`;

/** A job of `n` articles run to its end, as the queue worker runs it: stored, not ranked yet. */
async function importJob(items: Array<{ title: string; text: string }>) {
  const { makeCaller } = await import("@/seeds/factories");
  const { createImportJob } = await import("@/lib/imports/jobs");
  const { runToEnd } = await import("./support/imports");
  const admin = await makeCaller("ADMIN");
  const { id } = await createImportJob(admin.user.id, "ITEMS", [{ type: "items", items: items.map((i) => ({ ...i, publishedAt: "2019-06-24", language: "en" })) }]);
  const job = await runToEnd(id, {}, 300);
  expect(job.imported).toBe(items.length);
  return { admin, articleIds: (job.articles ?? []).map((a) => a.articleId!) };
}

describe("ranking imported articles in the background", () => {
  it("a job's articles are readable unranked; one pass ranks each once, an article with nothing worth checking included", async () => {
    const { prisma } = await import("@/lib/db");
    const { rankPendingSuggestions } = await import("@/lib/suggestions/backfill");
    const tags = [uid(), uid()];
    const { articleIds } = await importJob([
      { title: `Claims ${tags[0]}`, text: CLAIMY(tags[0]) },
      { title: `Claims ${tags[1]}`, text: CLAIMY(tags[1]) },
      { title: `Calm ${uid()}`, text: "The weather was pleasant." },
    ]);
    expect(articleIds).toHaveLength(3);
    const before = await prisma.article.findMany({ where: { id: { in: articleIds } }, select: { suggestionsRevision: true } });
    expect(before.map((a) => a.suggestionsRevision)).toEqual([null, null, null]);
    expect(await prisma.suggestion.count({ where: { articleId: { in: articleIds } } })).toBe(0);

    // Two passes at once (two instances after a restart): each article ranked, stored once.
    const [a, b] = await Promise.all([rankPendingSuggestions(), rankPendingSuggestions()]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.ranked + b.ranked).toBeGreaterThanOrEqual(3);
    const after = await prisma.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, revision: true, suggestionsRevision: true, text: true } });
    for (const art of after) expect(art.suggestionsRevision).toBe(art.revision);
    const rows = await prisma.suggestion.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, exact: true, start: true, end: true } });
    for (const id of articleIds.slice(0, 2)) {
      const mine = rows.filter((r) => r.articleId === id);
      expect(mine.map((r) => r.exact)).toEqual(expect.arrayContaining(["in November 2007"]));
      // Not doubled by the second pass.
      expect(new Set(mine.map((r) => `${r.start}:${r.end}`)).size).toBe(mine.length);
    }
    expect(rows.filter((r) => r.articleId === articleIds[2])).toHaveLength(0);

    // Nothing left: the calm article (no suggestions) is not ranked again and again.
    expect(await rankPendingSuggestions()).toEqual({ ranked: 0, failed: 0 });
  }, 180_000);

  it("an article revised before the pass reached it was ranked by its revision and is left alone", async () => {
    const { prisma } = await import("@/lib/db");
    const { rankPendingSuggestions } = await import("@/lib/suggestions/backfill");
    const { updateArticle } = await import("@/lib/imports/mutations");
    const tag = uid();
    const { admin, articleIds } = await importJob([{ title: `Revised ${tag}`, text: CLAIMY(tag) }]);
    const [id] = articleIds;
    const revised = await updateArticle(admin.user, id, { text: `${CLAIMY(tag)}\n\nExports to China fell to $4.2 billion, less than half of what they were in 2015.`, author: undefined, publisher: undefined });
    expect(revised.reanchor).not.toBeNull();
    const art = await prisma.article.findUniqueOrThrow({ where: { id } });
    expect(art).toMatchObject({ revision: 2, suggestionsRevision: 2 });
    const count = await prisma.suggestion.count({ where: { articleId: id } });
    expect(count).toBeGreaterThan(0);
    expect(await rankPendingSuggestions()).toEqual({ ranked: 0, failed: 0 });
    expect(await prisma.suggestion.count({ where: { articleId: id } })).toBe(count);
  }, 180_000);

  it("a text the ranker cannot finish within the worker's CPU limit is recorded as ranked with none, not retried on every pass", async () => {
    const { prisma } = await import("@/lib/db");
    const { reloadEnv } = await import("@/lib/env");
    const { rankPendingSuggestions } = await import("@/lib/suggestions/backfill");
    const tag = uid();
    // ~300 KB of sentences worth checking: ranking takes far more than 0.05 s of CPU.
    const long = Array.from({ length: 1500 }, (_, i) => `In ${1990 + (i % 30)} exports from Varnholm ${tag} rose by ${i % 97}% to $${i}.4 billion, officials said.`).join(" ");
    const { articleIds } = await importJob([{ title: `Long ${tag}`, text: long }]);
    process.env.IMPORT_ITEM_CPU_SECONDS = "0.05";
    reloadEnv();
    try {
      expect(await rankPendingSuggestions()).toEqual({ ranked: 1, failed: 0 });
    } finally {
      delete process.env.IMPORT_ITEM_CPU_SECONDS;
      reloadEnv();
    }
    const art = await prisma.article.findUniqueOrThrow({ where: { id: articleIds[0] } });
    expect(art.suggestionsRevision).toBe(art.revision);
    expect(await prisma.suggestion.count({ where: { articleId: art.id } })).toBe(0);
    expect(await rankPendingSuggestions()).toEqual({ ranked: 0, failed: 0 });
  }, 180_000);

  it("articles stored before suggestions existed are ranked by the pass the app starts (kickSuggestionBackfill)", async () => {
    const { prisma } = await import("@/lib/db");
    const { makeArticle } = await import("@/seeds/factories");
    const { kickSuggestionBackfill, stopSuggestionBackfill } = await import("@/lib/suggestions/backfill");
    const old = await makeArticle({ text: CLAIMY(uid()) });
    // As a database migrated from before: no suggestions, never ranked.
    await prisma.suggestion.deleteMany({ where: { articleId: old.id } });
    await prisma.article.update({ where: { id: old.id }, data: { suggestionsRevision: null } });
    kickSuggestionBackfill();
    kickSuggestionBackfill(); // a second kick while one runs: one more pass after it, not two at once
    await expect.poll(async () => (await prisma.article.findUniqueOrThrow({ where: { id: old.id } })).suggestionsRevision, { timeout: 60_000 }).toBe(1);
    await stopSuggestionBackfill();
    const rows = await prisma.suggestion.findMany({ where: { articleId: old.id } });
    expect(rows.map((r) => r.exact)).toContain("in November 2007");
    expect(new Set(rows.map((r) => `${r.start}:${r.end}`)).size).toBe(rows.length);
  }, 120_000);
});
