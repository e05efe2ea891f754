import { json, route } from "@/lib/http";
import { articleInputSchema, articleListQuerySchema } from "@/lib/articles/schema";
import { listArticles } from "@/lib/articles/data";
import { createArticle } from "@/lib/imports/mutations";

export const GET = route({ can: "article:read", query: articleListQuerySchema }, async ({ query }) => listArticles(query));

export const POST = route({ can: "article:create", body: articleInputSchema }, async ({ user, body }) => json(await createArticle(user, body), 201));
