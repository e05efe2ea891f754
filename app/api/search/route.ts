import { route } from "@/lib/http";
import { searchQuerySchema } from "@/lib/search/schema";
import { search } from "@/lib/search/data";

export const GET = route({ can: "search:read", query: searchQuerySchema }, async ({ query }) => search(query));
