import { json, route } from "@/lib/http";
import { commentInputSchema } from "@/lib/claims/schema";
import { addComment } from "@/lib/claims/mutations";

export const POST = route({ can: "claim:comment", body: commentInputSchema }, async ({ user, params, body }) =>
  json(await addComment(user, params.id, body.body), 201),
);
