import { json, route } from "@/lib/http";
import { getArticleAnnotations } from "@/lib/annotations/data";
import { siteUrl } from "@/lib/site-url";
import { ANNO_CONTENT_TYPE, ANNO_CONTEXT } from "@/lib/annotations/w3c";
import { notFound } from "@/lib/errors";

// GET /api/articles/:id/annotations: the article's claims as a W3C Web Annotation
// AnnotationCollection; `?page=0` answers the (single) embedded AnnotationPage on its own.
export const GET = route({ can: "claim:read" }, async ({ req, params }) => {
  const page = req.nextUrl.searchParams.get("page");
  if (page !== null && page !== "0") throw notFound("Annotation page");
  const collection = await getArticleAnnotations(params.id, siteUrl(req.nextUrl.origin));
  if (!collection) throw notFound("Article");
  const body = page === null ? collection : { "@context": ANNO_CONTEXT, ...collection.first };
  return json(body, 200, { "content-type": ANNO_CONTENT_TYPE });
});
