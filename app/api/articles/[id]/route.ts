import { route } from "@/lib/http";
import { getArticle } from "@/lib/articles/data";
import { notFound } from "@/lib/errors";

export const GET = route({ role: "REVIEWER" }, async ({ params }) => {
  const article = await getArticle(params.id);
  if (!article) throw notFound("Article");
  return article;
});
