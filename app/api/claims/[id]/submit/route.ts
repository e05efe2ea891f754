import { route } from "@/lib/http";
import { versionOnlySchema } from "@/lib/claims/schema";
import { submitClaim } from "@/lib/claims/mutations";

export const POST = route({ can: "claim:submit", body: versionOnlySchema, bodyOptional: true }, async ({ user, params, body }) =>
  submitClaim(user, params.id, body.version),
);
