import { route } from "@/lib/http";
import { dismissSuggestion } from "@/lib/suggestions/mutations";

export const POST = route({ can: "suggestion:dismiss" }, async ({ user, params }) => {
  await dismissSuggestion(user, params.id, params.suggestionId);
  return new Response(null, { status: 204 });
});
