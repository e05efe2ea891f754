import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { importArticle } from "@/lib/imports/mutations";
import { getArticle } from "./data";
import type { ArticleInput } from "./schema";

/** POST /api/articles: one article through the import path; a duplicate is a 409 naming the existing one. */
export async function createArticle(user: CurrentUser, input: ArticleInput) {
  if (!can(user, "article:create")) throw forbidden();
  const result = await importArticle(user.id, input, "ITEMS");
  if (result.status === "duplicate") {
    throw new AppError("conflict", `An article with the same ${result.matchedBy === "sourceUrl" ? "source URL" : "text"} already exists`, {
      fields: { [result.matchedBy === "sourceUrl" ? "sourceUrl" : "text"]: "duplicates an existing article" },
      details: { existing: { id: result.articleId, slug: result.slug } },
    });
  }
  return getArticle(result.articleId);
}
