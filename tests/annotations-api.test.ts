import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { GET as annotationsRoute } from "@/app/api/articles/[id]/annotations/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const QUOTES = ["the sky was green in 2007", "\u{1F389} party time"];

type Selector = { type: string; exact?: string; start?: number; end?: number };
type Target = { type: string; source: string; selector: Selector[]; state?: { type: string; sourceDate: string } };
const targets = (t: Target | Target[]) => (Array.isArray(t) ? t : [t]);
const codePoints = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

async function setup(opts: { sourceUrl?: string } = {}) {
  const uid = randomUUID().slice(0, 8);
  const article = await makeArticle({
    text: `Fire \u{1F525} and flags \u{1F1E8}\u{1F1E6} up front ${uid}.\nIt has a second paragraph that says the sky was green in 2007.\nThen \u{1F389} party time, and a third.`,
    ...(opts.sourceUrl ? { sourceUrl: `${opts.sourceUrl}/${uid}` } : {}),
  });
  const reviewer = await makeCaller("REVIEWER");
  const claims = [];
  for (const quote of QUOTES) {
    const res = await call(createClaimRoute, { params: { id: article.id }, headers: reviewer.headers, body: claimBody(article.text, quote) });
    expect(res.status).toBe(201);
    claims.push(res.json);
  }
  return { article, reviewer, claims };
}

const get = (id: string, headers?: Record<string, string>, path?: string) => call(annotationsRoute, { params: { id }, headers, path });

describe("GET /api/articles/:id/annotations", () => {
  it("answers a W3C AnnotationCollection with code-point positions and the revision's date", async () => {
    const { article, reviewer, claims } = await setup({ sourceUrl: "https://news.example/story" });
    const res = await get(article.id, reviewer.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(CONTENT_TYPE);

    const body = res.json;
    expect(body).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      label: article.title,
      total: 2,
      first: { type: "AnnotationPage", startIndex: 0 },
    });
    expect(body.id).toMatch(new RegExp(`^https?://[^/]+/api/articles/${article.id}/annotations$`));
    expect(body.first.partOf).toBe(body.id);
    const base = body.id.slice(0, body.id.indexOf("/api/"));

    const revision = await prisma.articleRevision.findUniqueOrThrow({ where: { articleId_revision: { articleId: article.id, revision: article.revision } } });
    const items = body.first.items as Array<{ id: string; type: string; motivation: string; created: string; body: Array<{ purpose: string; value: string }>; target: Target | Target[] }>;
    expect(items).toHaveLength(2);
    for (const item of items) {
      const claim = claims.find((c) => item.id === `${base}/api/claims/${c.id}`);
      if (!claim) throw new Error(`no claim for annotation ${item.id}`);
      expect(item).toMatchObject({ type: "Annotation", motivation: "assessing", created: claim.createdAt });
      expect(item.body.map((b) => b.purpose)).toEqual(["describing", "commenting", "classifying"]);
      expect(item.body[2].value).toBe("False");

      const ts = targets(item.target);
      expect(ts.map((t) => t.source)).toEqual([`${base}/articles/${article.id}`, article.sourceUrl]);
      for (const t of ts) {
        expect(t.type).toBe("SpecificResource");
        expect(t.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
        expect(t.selector[0].exact).toBe(claim.selector.exact);
        const { start, end } = claim.selector as { start: number; end: number };
        expect(t.selector[1]).toEqual({ type: "TextPositionSelector", start: codePoints(article.text, start), end: codePoints(article.text, end) });
        expect(t.selector[1].start).toBeLessThan(start);
        expect(t.state).toEqual({ type: "TimeState", sourceDate: revision.createdAt.toISOString() });
      }
    }
  });

  it("has one target without a source URL, keeps an orphaned claim with its quote only, and serves the page on its own", async () => {
    const { article, reviewer, claims } = await setup();
    await prisma.claim.update({ where: { id: claims[1].id }, data: { anchorStatus: "ORPHANED" } });
    const res = await get(article.id, reviewer.headers);
    expect(res.status).toBe(200);
    const [anchored, orphaned] = res.json.first.items as Array<{ id: string; target: Target }>;
    expect(Array.isArray(anchored.target)).toBe(false);
    expect(anchored.target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect(orphaned.id.endsWith(`/api/claims/${claims[1].id}`)).toBe(true);
    expect(orphaned.target.selector).toEqual([expect.objectContaining({ type: "TextQuoteSelector", exact: QUOTES[1] })]);

    const page = await get(article.id, reviewer.headers, `/api/articles/${article.id}/annotations?page=0`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe(CONTENT_TYPE);
    expect(page.json).toEqual({ "@context": "http://www.w3.org/ns/anno.jsonld", ...res.json.first });
    expect((await get(article.id, reviewer.headers, `/api/articles/${article.id}/annotations?page=1`)).status).toBe(404);
  });

  it("answers 401 without auth and 404 for an unknown article", async () => {
    const { article } = await setup();
    const anon = await get(article.id);
    expect(anon.status).toBe(401);
    expect(anon.json.error.code).toBe("unauthenticated");
    const { headers } = await makeCaller("REVIEWER");
    const missing = await get("no-such-article", headers);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });
});
