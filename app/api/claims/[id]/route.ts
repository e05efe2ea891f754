import { route } from "@/lib/http";
import { claimUpdateSchema } from "@/lib/claims/schema";
import { getClaim } from "@/lib/claims/data";
import { deleteClaim, updateClaim } from "@/lib/claims/mutations";
import { notFound } from "@/lib/errors";

export const GET = route({ role: "REVIEWER" }, async ({ params }) => {
  const claim = await getClaim(params.id);
  if (!claim) throw notFound("Claim");
  return claim;
});

export const PATCH = route({ role: "REVIEWER", body: claimUpdateSchema }, async ({ user, params, body }) => updateClaim(user, params.id, body));

export const DELETE = route({ role: "REVIEWER" }, async ({ user, params }) => {
  await deleteClaim(user, params.id);
  return new Response(null, { status: 204 });
});
