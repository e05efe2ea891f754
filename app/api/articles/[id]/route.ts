import { route } from "@/lib/http";
import { getArticle } from "@/lib/articles/data";
import { updateArticle } from "@/lib/imports/mutations";
import { articleUpdateSchema } from "@/lib/articles/schema";
import { notFound } from "@/lib/errors";

export const GET = route({ can: "article:read" }, async ({ params }) => {
  const article = await getArticle(params.id);
  if (!article) throw notFound("Article");
  return article;
});

// `reanchor` is {anchored, fuzzy, orphaned} when the text changed (a new revision), null otherwise.
export const PATCH = route({ can: "article:update", body: articleUpdateSchema }, async ({ user, body, params }) => {
  const { article, reanchor } = await updateArticle(user, params.id, body);
  return { ...article, reanchor };
});
