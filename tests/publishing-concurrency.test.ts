// Publishing is SERIALIZABLE (a claim submitted at the same moment must block it).
// Postgres' predicate locks cover index pages, so publishing unrelated articles at
// the same moment used to collide: a false 409, or a 500 when the conflict surfaced
// at COMMIT. Serialization failures are now retried.
import { describe, expect, it } from "vitest";
import { POST as publishRoute } from "@/app/api/articles/[id]/publish/route";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { POST as submitRoute } from "@/app/api/claims/[id]/submit/route";
import { POST as reviewRoute } from "@/app/api/claims/[id]/reviews/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

describe("concurrent publishing", () => {
  it("publishes 12 unrelated articles at the same moment, each with an approved claim: all 200", async () => {
    const editor = await makeCaller("EDITOR");
    const owner = await makeCaller("REVIEWER");
    const articles = await Promise.all(Array.from({ length: 12 }, (_, i) => makeArticle({ sourceUrl: `https://concurrent.example/${Date.now()}-${i}` })));
    for (const a of articles) {
      const c = await call(createClaimRoute, { params: { id: a.id }, headers: owner.headers, body: claimBody(a.text, "the sky was green in 2007") });
      const s = await call(submitRoute, { params: { id: c.json.id }, headers: owner.headers, body: { version: 1 } });
      expect((await call(reviewRoute, { params: { id: c.json.id }, headers: editor.headers, body: { decision: "APPROVE", version: s.json.version } })).status).toBe(200);
    }
    const results = await Promise.all(articles.map((a) => call(publishRoute, { params: { id: a.id }, headers: editor.headers })));
    expect(results.map((r) => r.status)).toEqual(articles.map(() => 200));
  });
});
