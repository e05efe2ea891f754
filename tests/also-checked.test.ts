// The public page's "Also checked" lines (issue 14): one read for all claims on
// a page; only what is public already may show (imported fact-checks, and
// claims that went live in their article's latest publication).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as unpublishRoute } from "@/app/api/articles/[id]/unpublish/route";
import { alsoCheckedFor } from "@/lib/publishing/also-checked";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

type Caller = Awaited<ReturnType<typeof makeCaller>>;
type Article = Awaited<ReturnType<typeof makeArticle>>;
const QUOTE = "the sky was green in 2007";
const uid = () => Math.random().toString(36).slice(2, 10);

async function draft(article: Article, owner: Caller, claimText = `Claim ${uid()}`) {
  const res = await call(createClaimRoute, { params: { id: article.id }, headers: owner.headers, body: claimBody(article.text, QUOTE, { claimText }) });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; version: number };
}

async function approved(article: Article, owner: Caller, editor: Caller) {
  const c = await draft(article, owner);
  const s = await call(submitRoute, { params: { id: c.id }, headers: owner.headers, body: { version: c.version } });
  expect(s.status, s.text).toBe(200);
  const r = await call(reviewRoute, { params: { id: c.id }, headers: editor.headers, body: { decision: "APPROVE", version: s.json.version } });
  expect(r.status, r.text).toBe(200);
  return c;
}

async function publish(article: Article, editor: Caller, note?: string) {
  const res = await call(publishRoute, { params: { id: article.id }, headers: editor.headers, ...(note ? { body: { note } } : { method: "POST" }) });
  expect(res.status, res.text).toBe(200);
}

const link = (claimId: string, target: { linkedClaimId: string } | { factCheckId: string }) => prisma.claimLink.create({ data: { claimId, ...target } });

describe("alsoCheckedFor", () => {
  it("lists linked fact-checks and published claims, in both link directions, and nothing unpublished", async () => {
    const [reviewer, editor] = await Promise.all([makeCaller("REVIEWER"), makeCaller("EDITOR")]);
    const [page, elsewhere, later, unpublished, open] = await Promise.all([makeArticle(), makeArticle(), makeArticle(), makeArticle(), makeArticle()]);
    const here = await approved(page, reviewer, editor);
    await publish(page, editor);

    // Published, in the latest publication: shown. Stored in the other direction on purpose.
    const live = await approved(elsewhere, reviewer, editor);
    await publish(elsewhere, editor);
    await link(live.id, { linkedClaimId: here.id });
    // Approved after its article's latest publication: not public yet.
    await approved(later, reviewer, editor);
    await publish(later, editor);
    const notLive = await approved(later, reviewer, editor);
    await link(here.id, { linkedClaimId: notLive.id });
    // Its article was unpublished: gone from the public web, so not named.
    const gone = await approved(unpublished, reviewer, editor);
    await publish(unpublished, editor);
    expect((await call(unpublishRoute, { params: { id: unpublished.id }, headers: editor.headers, method: "POST" })).status).toBe(200);
    await link(here.id, { linkedClaimId: gone.id });
    // A draft on an open article.
    await link(here.id, { linkedClaimId: (await draft(open, reviewer)).id });
    // Another claim of the same page: not "also checked" elsewhere.
    const sibling = await draft(page, reviewer);
    await link(here.id, { linkedClaimId: sibling.id });
    // Imported fact-checks are public already; an unmapped one shows its rating words.
    const fc = await prisma.factCheck.create({ data: { url: `https://fc.example/${uid()}`, claimReviewed: "The sky was green.", ratingName: "Pants on fire", verdict: "FALSE", publisher: "Fact Desk", datePublished: new Date("2026-01-02") } });
    const odd = await prisma.factCheck.create({ data: { url: `https://fc.example/${uid()}`, claimReviewed: "The sky was green.", ratingName: "Spicy", verdict: null, publisher: null } });
    await link(here.id, { factCheckId: fc.id });
    await link(here.id, { factCheckId: odd.id });

    const got = await alsoCheckedFor([here.id], page.id);
    const items = got.get(here.id) ?? [];
    expect(items.filter((i) => i.kind === "factcheck")).toEqual(
      expect.arrayContaining([
        { kind: "factcheck", id: fc.id, publisher: "Fact Desk", rating: "Pants on fire", verdict: "FALSE", url: fc.url },
        { kind: "factcheck", id: odd.id, publisher: null, rating: "Spicy", verdict: null, url: odd.url },
      ]),
    );
    expect(items.filter((i) => i.kind === "claim")).toEqual([{ kind: "claim", id: live.id, articleTitle: elsewhere.title, slug: elsewhere.slug }]);
    expect(items).toHaveLength(3);
    // Fact-checks come first.
    expect(items[2].kind).toBe("claim");

    // Once the later article's update carries the claim, it shows too.
    await publish(later, editor, "Added a check.");
    const again = (await alsoCheckedFor([here.id], page.id)).get(here.id) ?? [];
    expect(again.filter((i) => i.kind === "claim").map((i) => i.id).sort()).toEqual([live.id, notLive.id].sort());
  });

  it("answers for many claims at once and nothing for none", async () => {
    expect((await alsoCheckedFor([], "x")).size).toBe(0);
    const [reviewer, editor] = await Promise.all([makeCaller("REVIEWER"), makeCaller("EDITOR")]);
    const a = await makeArticle();
    const one = await approved(a, reviewer, editor);
    const two = await approved(a, reviewer, editor);
    await publish(a, editor);
    const fc = await prisma.factCheck.create({ data: { url: `https://fc.example/${uid()}`, claimReviewed: "x", ratingName: "False", verdict: "FALSE", publisher: "P" } });
    await link(one.id, { factCheckId: fc.id });
    await link(two.id, { factCheckId: fc.id });
    const got = await alsoCheckedFor([one.id, two.id], a.id);
    expect(got.get(one.id)?.map((i) => i.id)).toEqual([fc.id]);
    expect(got.get(two.id)?.map((i) => i.id)).toEqual([fc.id]);
  });
});
