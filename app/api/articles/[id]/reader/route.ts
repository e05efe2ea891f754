import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { readerData } from "@/lib/claims/reader-data";

// GET /api/articles/:id/reader: what the reader page draws, loaded by the page
// once it is in the browser, so the article's text travels once (the page
// itself carries no text). Claims are encoded compactly (lib/claims/reader-codec.ts).
export const GET = route({ can: "article:read" }, async ({ params }) => {
  const data = await readerData(params.id);
  if (!data) throw notFound("Article");
  return json(data, 200, { "Cache-Control": "private, no-store" });
});
