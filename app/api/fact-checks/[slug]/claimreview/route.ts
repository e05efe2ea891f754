import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { claimReviewsFor, getPublishedFactCheck } from "@/lib/publishing/data";
import { siteUrl } from "@/lib/site-url";

export const GET = route({ public: true }, async ({ req, params }) => {
  const fc = await getPublishedFactCheck(params.slug);
  if (!fc) throw notFound("Fact-check");
  return json(claimReviewsFor(fc, siteUrl(req.nextUrl.origin)), 200, { "Content-Type": "application/ld+json; charset=utf-8" });
});
