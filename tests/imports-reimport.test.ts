import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createImportJob } from "@/lib/imports/jobs";
import { getImportJob } from "@/lib/imports/data";
import { runImportJob } from "@/lib/imports/run";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { makeCaller, makeUser } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

async function importItems(actorId: string, items: unknown[]) {
  const { id } = await createImportJob(actorId, "ITEMS", [{ type: "items", items }]);
  for (let i = 0; i < 100; i++) {
    const r = await runImportJob(id);
    if (r.state === "finished" || r.state === "done") break;
    await new Promise((res) => setTimeout(res, 100));
  }
  return (await getImportJob(id, { includeArticles: true }))!;
}

describe("re-importing a known URL", () => {
  it("with changed text makes a new revision and re-anchors the claims; with the same text it is a duplicate", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const url = `https://news.example/reimport-${Date.now()}`;
    const v1 = "The mayor said the bridge cost 2 million pounds.\n\nWork began in 2019 and ended in 2021.\n\nCritics called it late.";
    const first = await importItems(admin.id, [{ title: "Bridge story", text: v1, sourceUrl: url }]);
    expect(first.imported).toBe(1);
    const article = await prisma.article.findFirstOrThrow({ where: { sourceUrl: url } });

    const reviewer = await makeCaller("REVIEWER");
    for (const quote of ["cost 2 million pounds", "Work began in 2019", "Critics called it late"]) {
      const r = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer.headers, body: claimBody(article.text, quote) });
      expect(r.status).toBe(201);
    }

    const same = await importItems(admin.id, [{ title: "Bridge story", text: v1, sourceUrl: `${url}?utm_source=rss` }]);
    expect({ imported: same.imported, duplicates: same.duplicates }).toEqual({ imported: 0, duplicates: 1 });

    const v2 = "Updated: The mayor said the bridge cost 2 million pounds.\n\nWork began in 2018 and ended in 2021.";
    const second = await importItems(admin.id, [{ title: "Bridge story", text: v2, sourceUrl: url }]);
    expect({ imported: second.imported, duplicates: second.duplicates, failed: second.failed }).toEqual({ imported: 1, duplicates: 0, failed: 0 });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, include: { claims: true, revisions: true } });
    expect(stored.revision).toBe(2);
    expect(stored.revisions).toHaveLength(2);
    expect(stored.text).toBe(v2);
    const byStatus = Object.fromEntries(stored.claims.map((c) => [c.anchorStatus === "ORPHANED" ? c.exact : stored.text.slice(c.start, c.end), c.anchorStatus]));
    expect(byStatus).toEqual({ "cost 2 million pounds": "ANCHORED", "Work began in 2018": "FUZZY", "Critics called it late": "ORPHANED" });
    expect(await prisma.article.count({ where: { sourceUrl: url } })).toBe(1);
  });
});
