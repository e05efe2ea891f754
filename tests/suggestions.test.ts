import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GET as listRoute } from "@/app/api/articles/[id]/suggestions/route";
import { POST as dismissRoute } from "@/app/api/articles/[id]/suggestions/[suggestionId]/dismiss/route";
import { PATCH as patchArticleRoute } from "@/app/api/articles/[id]/route";
import { createImportJob } from "@/lib/imports/jobs";
import { importArticle } from "@/lib/imports/mutations";
import type { SuggestionDto } from "@/lib/suggestions/schema";
import { ensureSuggestions } from "@/lib/suggestions/store";
import { seedArticleInput } from "@/seeds/demo";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { runToEnd } from "./support/imports";

const uid = () => randomUUID().slice(0, 8);

const CALM = "Officials in Tehran said on Monday that the cyber attacks had failed completely.";
const DATED = "Stuxnet targeted Iran's nuclear facilities in November 2007, researchers say.";
const STAT = "Unemployment rose by 12% last year, the highest rate since 1990, according to the ministry.";
const EXPORTS = "Exports to China fell to $4.2 billion, less than half of what they were in 2015.";
const ADDED = "Inflation reached 40% in March, the worst figure in a decade, the central bank said.";


/**
 * An article through the import job, as every import runs: stored unranked (a job ranks
 * its articles after its items), then ranked as the background pass does it.
 */
async function importedArticle() {
  const admin = await makeCaller("ADMIN");
  const tag = uid();
  const text = [CALM, DATED, STAT, EXPORTS, `Reference ${tag}.`].join("\n");
  const { id } = await createImportJob(admin.user.id, "ITEMS", [{ type: "items", items: [{ title: `Suggested ${tag}`, text, publishedAt: "2019-06-24", language: "en" }] }]);
  const job = await runToEnd(id, {}, 300);
  expect(job.imported).toBe(1);
  const item = await prisma.importItem.findFirstOrThrow({ where: { jobId: id } });
  const stored = await prisma.article.findUniqueOrThrow({ where: { id: item.articleId! }, include: { _count: { select: { suggestions: true } } } });
  expect(stored).toMatchObject({ suggestionsRevision: null, _count: { suggestions: 0 } });
  expect(await ensureSuggestions(stored.id)).toBeGreaterThan(3);
  const article = await prisma.article.findUniqueOrThrow({ where: { id: stored.id } });
  expect(article.suggestionsRevision).toBe(1);
  // The stored (canonical) text: paragraphs as the import laid them out.
  return { admin, article, text: article.text };
}

async function list(articleId: string, headers: Record<string, string>, query = "") {
  const res = await call(listRoute, { path: `/api/articles/${articleId}/suggestions${query}`, params: { id: articleId }, headers });
  return res;
}

const items = (res: { json: Record<string, unknown> }) => res.json.items as SuggestionDto[];
const dismiss = (articleId: string, suggestionId: string, headers: Record<string, string>) =>
  call(dismissRoute, { method: "POST", params: { id: articleId, suggestionId }, headers });

describe("suggestions on import", () => {
  it("an imported article gets ranked suggestions with reasons, the dated reference's phrase among them", async () => {
    const { article, text } = await importedArticle();
    const reviewer = await makeCaller("REVIEWER");
    const res = await list(article.id, reviewer.headers);
    expect(res.status).toBe(200);
    const got = items(res);
    expect(got.length).toBeGreaterThan(3);
    // Best first.
    for (let i = 1; i < got.length; i++) expect(got[i - 1].score).toBeGreaterThanOrEqual(got[i].score);
    for (const s of got) {
      expect(s.status).toBe("OPEN");
      expect(text.slice(s.selector.start, s.selector.end)).toBe(s.selector.exact);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const stat = got.find((s) => s.selector.exact === STAT)!;
    expect(stat.scope).toBe("sentence");
    expect(stat.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(["statistic", "dated-reference"]));
    expect(stat.reasons.find((r) => r.kind === "statistic")).toMatchObject({ label: "statistic (percentage)", phrase: "12%" });
    const phrase = got.find((s) => s.selector.exact === "in November 2007")!;
    expect(phrase).toMatchObject({ scope: "phrase", reasons: [expect.objectContaining({ kind: "dated-reference", label: "dated reference", phrase: "in November 2007" })] });
    expect(phrase.selector.start).toBe(text.indexOf("in November 2007"));
    // The phrase sorts right after its sentence.
    const sentence = got.findIndex((s) => s.selector.exact === DATED);
    expect(got[sentence + 1].id).toBe(phrase.id);
    // Stored as W3C selectors on revision 1.
    const row = await prisma.suggestion.findUniqueOrThrow({ where: { id: phrase.id } });
    expect(row).toMatchObject({ articleRevision: 1, prefix: text.slice(phrase.selector.start - row.prefix.length, phrase.selector.start), suffix: text.slice(phrase.selector.end, phrase.selector.end + row.suffix.length) });
    expect(row.prefix.length).toBeGreaterThan(0);
  }, 120_000);

  it("the seed article gets its dated reference \"in November 2007\"", async () => {
    const r = await importArticle(null, seedArticleInput(), "SEED"); // or the copy another test imported
    const reviewer = await makeCaller("REVIEWER");
    const got = items(await list(r.articleId, reviewer.headers));
    expect(got).toContainEqual(expect.objectContaining({ scope: "phrase", selector: expect.objectContaining({ exact: "in November 2007" }) }));
  }, 120_000);

  it("an article stored before suggestions existed gets them once (the demo seed does this for its article)", async () => {
    const a = await makeArticle();
    await prisma.suggestion.deleteMany({ where: { articleId: a.id } });
    await prisma.article.update({ where: { id: a.id }, data: { suggestionsRevision: null } });
    expect(await ensureSuggestions(a.id)).toBeGreaterThan(0);
    expect(await ensureSuggestions(a.id)).toBe(0);
    const rows = await prisma.suggestion.findMany({ where: { articleId: a.id } });
    expect(rows.map((r) => r.exact)).toContain("in 2007");
  }, 60_000);

  it("articles made by the factories (importArticle, as POST /api/articles) get suggestions too", async () => {
    const a = await makeArticle();
    const rows = await prisma.suggestion.findMany({ where: { articleId: a.id } });
    expect(rows.map((r) => r.exact)).toContain("in 2007");
    expect((await prisma.article.findUniqueOrThrow({ where: { id: a.id } })).suggestionsRevision).toBe(1);
  });
});

describe("suggestions on a revision", () => {
  it("re-anchors them: offsets move, dismissed stay dismissed, removed text orphans, new text is suggested", async () => {
    const { admin, article, text } = await importedArticle();
    const reviewer = await makeCaller("REVIEWER");
    const before = items(await list(article.id, reviewer.headers));
    const dated = before.find((s) => s.selector.exact === DATED)!;
    const stat = before.find((s) => s.selector.exact === STAT)!;
    const exports = before.find((s) => s.selector.exact === EXPORTS)!;
    expect([dated, stat, exports].every(Boolean)).toBe(true);
    expect((await dismiss(article.id, dated.id, reviewer.headers)).status).toBe(204);

    // A new first paragraph (everything moves), the exports sentence removed.
    const edited = [ADDED, CALM, DATED, STAT, text.slice(text.indexOf("Reference"))].join("\n");
    const res = await call(patchArticleRoute, { method: "PATCH", params: { id: article.id }, headers: admin.headers, body: { text: edited } });
    expect(res.status).toBe(200);
    expect(res.json.revision).toBe(2);

    const stored = (await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).text;
    const shift = stored.indexOf(STAT) - text.indexOf(STAT);
    expect(shift).toBeGreaterThan(ADDED.length);
    const after = await prisma.suggestion.findMany({ where: { articleId: article.id } });
    const byId = new Map(after.map((s) => [s.id, s]));
    expect(byId.get(dated.id)).toMatchObject({ status: "DISMISSED", start: dated.selector.start + shift, exact: DATED, articleRevision: 2 });
    expect(byId.get(stat.id)).toMatchObject({ status: "OPEN", start: stat.selector.start + shift, end: stat.selector.end + shift, exact: STAT, articleRevision: 2 });
    // Its reasons moved with it.
    const reason = (byId.get(stat.id)!.reasons as Array<{ kind: string; phrase: string; start: number; end: number }>).find((r) => r.kind === "statistic")!;
    expect(stored.slice(reason.start, reason.end)).toBe(reason.phrase);
    expect(byId.get(exports.id)).toMatchObject({ status: "ORPHANED", articleRevision: 1 });
    // The new sentence is suggested once; the dismissed sentence is not suggested again.
    expect(after.filter((s) => s.exact === ADDED)).toHaveLength(1);
    expect(after.filter((s) => s.exact === DATED)).toHaveLength(1);
    expect(after.find((s) => s.exact === ADDED)).toMatchObject({ status: "OPEN", start: 0, articleRevision: 2 });

    const open = items(await list(article.id, reviewer.headers));
    expect(open.map((s) => s.id)).not.toContain(dated.id);
    expect(open.map((s) => s.id)).not.toContain(exports.id);
    expect(open.map((s) => s.selector.exact)).toContain(ADDED);
    const all = items(await list(article.id, reviewer.headers, "?all=1"));
    expect(all.find((s) => s.id === dated.id)).toMatchObject({ status: "DISMISSED" });
    expect(all.map((s) => s.id)).not.toContain(exports.id);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: article.id, action: "article.revise" } });
    expect(audit.changes).toMatchObject({ suggestions: { orphaned: expect.any(Number), added: expect.any(Number) } });

    // An orphaned suggestion cannot be dismissed.
    const orphan = await dismiss(article.id, exports.id, reviewer.headers);
    expect(orphan.status).toBe(409);
  }, 180_000);
});

describe("the suggestions API", () => {
  it("dismisses once, audited in the same change, idempotently; 400 and 404 name what is wrong", async () => {
    const article = await makeArticle();
    const reviewer = await makeCaller("REVIEWER");
    const [first] = items(await list(article.id, reviewer.headers));
    expect(first).toBeDefined();

    expect((await dismiss(article.id, first.id, reviewer.headers)).status).toBe(204);
    expect((await dismiss(article.id, first.id, reviewer.headers)).status).toBe(204);
    const audits = await prisma.auditEvent.findMany({ where: { entityId: first.id, action: "suggestion.dismiss" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: reviewer.user.id, entityType: "Suggestion", changes: { articleId: article.id, status: { from: "OPEN", to: "DISMISSED" } } });
    const row = await prisma.suggestion.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "DISMISSED", dismissedById: reviewer.user.id });
    expect(row.dismissedAt).toBeInstanceOf(Date);

    // Hidden for everyone, listed again only with all=1.
    const other = await makeCaller("EDITOR");
    expect(items(await list(article.id, other.headers)).map((s) => s.id)).not.toContain(first.id);
    expect(items(await list(article.id, other.headers, "?all=1")).map((s) => s.id)).toContain(first.id);

    const bad = await list(article.id, reviewer.headers, "?all=maybe");
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ all: expect.any(String) });

    expect((await list("no-such-article", reviewer.headers)).status).toBe(404);
    expect((await dismiss(article.id, "no-such-suggestion", reviewer.headers)).status).toBe(404);
    // A suggestion is found only under its own article.
    const elsewhere = await makeArticle();
    expect((await dismiss(elsewhere.id, first.id, reviewer.headers)).status).toBe(404);
  }, 60_000);
});
