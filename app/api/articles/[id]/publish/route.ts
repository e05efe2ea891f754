import { route } from "@/lib/http";
import { getPublishPreview } from "@/lib/publishing/data";
import { publishArticle } from "@/lib/publishing/mutations";
import { publishInputSchema } from "@/lib/publishing/schema";

/** The preview: what would go live, what stays out and why, and what changed since the last publication. */
export const GET = route({ can: "article:publish" }, async ({ params }) => getPublishPreview(params.id));

/** `{note?, fingerprint?}`: publishes, or adds the next numbered update when already published. */
export const POST = route({ can: "article:publish", body: publishInputSchema, bodyOptional: true }, async ({ user, params, body }) => publishArticle(user, params.id, body));
