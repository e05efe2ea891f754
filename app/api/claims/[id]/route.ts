import { route } from "@/lib/http";
import { claimUpdateSchema } from "@/lib/claims/schema";
import { getClaim } from "@/lib/claims/data";
import { deleteClaim, updateClaim } from "@/lib/claims/mutations";
import { notFound } from "@/lib/errors";

export const GET = route({ can: "claim:read" }, async ({ params }) => {
  const claim = await getClaim(params.id);
  if (!claim) throw notFound("Claim");
  return claim;
});

export const PATCH = route({ can: "claim:update", body: claimUpdateSchema }, async ({ user, params, body }) => updateClaim(user, params.id, body));

export const DELETE = route({ can: "claim:delete" }, async ({ user, params }) => {
  await deleteClaim(user, params.id);
  return new Response(null, { status: 204 });
});
