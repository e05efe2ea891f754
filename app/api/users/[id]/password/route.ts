import { route } from "@/lib/http";
import { passwordResetSchema } from "@/lib/auth/schema";
import { resetPassword } from "@/lib/users/passwords";

// POST /api/users/:id/password: an admin sets a temporary password; the user's
// sessions end and they must choose a new one when they next sign in.
export const POST = route({ can: "user:manage", body: passwordResetSchema }, async ({ user, params, body }) => {
  await resetPassword(user, params.id, body);
  return new Response(null, { status: 204 });
});
