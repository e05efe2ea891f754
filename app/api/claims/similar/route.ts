import { route } from "@/lib/http";
import { similarQuerySchema } from "@/lib/memory/schema";
import { findSimilar } from "@/lib/memory/similar";

export const GET = route({ can: "search:read", query: similarQuerySchema }, async ({ query }) => findSimilar(query));
