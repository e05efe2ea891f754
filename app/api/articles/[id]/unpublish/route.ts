import { route } from "@/lib/http";
import { unpublishArticle } from "@/lib/publishing/mutations";

export const POST = route({ can: "article:publish" }, async ({ user, params }) => unpublishArticle(user, params.id));
