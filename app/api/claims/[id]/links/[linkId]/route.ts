import { route } from "@/lib/http";
import { unlinkClaim } from "@/lib/claims/links";

export const DELETE = route({ can: "claim:link" }, async ({ user, params }) => {
  await unlinkClaim(user, params.id, params.linkId);
  return new Response(null, { status: 204 });
});
