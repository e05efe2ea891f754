// Source memory: GET /api/sources/lookup?url= says how often a URL was cited
// and with which title and publisher (the most recent).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as createClaimRoute } from "@/app/api/articles/[id]/claims/route";
import { GET as lookupRoute } from "@/app/api/sources/lookup/route";
import { makeArticle, makeCaller } from "@/seeds/factories";
import { call } from "./support/http";
import { claimBody } from "./support/claims";

const lookup = (headers: Record<string, string>, url: string | null) =>
  call(lookupRoute, { path: `/api/sources/lookup${url === null ? "" : `?${new URLSearchParams({ url })}`}`, headers });

async function cite(headers: Record<string, string>, sources: unknown[]) {
  const article = await makeArticle();
  const res = await call(createClaimRoute, { params: { id: article.id }, headers, body: claimBody(article.text, "the sky was green in 2007", { sources }) });
  expect(res.status, res.text).toBe(201);
}

describe("GET /api/sources/lookup", () => {
  it("fills in the most recent title and publisher and counts citations and claims", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const url = `https://stats.example/tables/${randomUUID()}`;
    await cite(headers, [{ url, title: "Old table title", publisher: "Statistics Office", stance: "SUPPORTS" }]);
    await new Promise((r) => setTimeout(r, 5));
    await cite(headers, [
      { url, title: "Population table, 2024 edition", stance: "CONTEXT" },
      { url: `${url}/other`, title: "Another table", stance: "CONTEXT" },
    ]);
    const res = await lookup(headers, url);
    expect(res.status, res.text).toBe(200);
    // The newest citation had no publisher: the newest one given is kept.
    expect(res.json).toEqual({ url, title: "Population table, 2024 edition", publisher: "Statistics Office", citations: 2, claims: 2 });
  });

  it("answers an unknown URL with nothing known, and names the field for a bad one", async () => {
    const { headers } = await makeCaller("REVIEWER");
    const url = `https://never.example/${randomUUID()}`;
    expect((await lookup(headers, url)).json).toEqual({ url, title: null, publisher: null, citations: 0, claims: 0 });
    for (const bad of ["", "not a url", "ftp://files.example/x", "javascript:alert(1)", null]) {
      const res = await lookup(headers, bad);
      expect(res.status, String(bad)).toBe(400);
      expect(res.json.error.fields, String(bad)).toHaveProperty("url");
    }
  });
});
