import { route } from "@/lib/http";
import { revokeToken } from "@/lib/users/mutations";

export const DELETE = route({ can: "token:manage" }, async ({ user, params }) => {
  await revokeToken(user, params.id);
  return new Response(null, { status: 204 });
});
