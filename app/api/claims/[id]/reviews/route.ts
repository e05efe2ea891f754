import { route } from "@/lib/http";
import { reviewInputSchema } from "@/lib/reviews/schema";
import { reviewClaim } from "@/lib/reviews/mutations";

export const POST = route({ can: "claim:review", body: reviewInputSchema }, async ({ user, params, body }) => reviewClaim(user, params.id, body));
