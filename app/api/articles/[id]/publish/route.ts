import { route } from "@/lib/http";
import { publishArticle } from "@/lib/publishing/mutations";

export const POST = route({ can: "article:publish" }, async ({ user, params }) => publishArticle(user, params.id));
