import { route } from "@/lib/http";
import { listSuggestions } from "@/lib/suggestions/data";
import { suggestionListQuerySchema } from "@/lib/suggestions/schema";

export const GET = route({ can: "suggestion:read", query: suggestionListQuerySchema }, async ({ params, query }) => ({
  items: await listSuggestions(params.id, { all: query.all }),
}));
