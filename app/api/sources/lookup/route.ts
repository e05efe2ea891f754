import { route } from "@/lib/http";
import { sourceLookupQuerySchema } from "@/lib/memory/schema";
import { lookupSource } from "@/lib/memory/sources";

export const GET = route({ can: "search:read", query: sourceLookupQuerySchema }, async ({ query }) => lookupSource(query.url));
