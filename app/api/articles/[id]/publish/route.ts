import { route } from "@/lib/http";
import { publishArticle } from "@/lib/publishing/mutations";

export const POST = route({ role: "EDITOR" }, async ({ user, params }) => publishArticle(user, params.id));
