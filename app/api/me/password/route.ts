import { route } from "@/lib/http";
import { passwordChangeSchema } from "@/lib/auth/schema";
import { reissuedSessionCookie } from "@/lib/auth/session-cookie";
import { requestIp } from "@/lib/auth/request-ip";
import { changeOwnPassword } from "@/lib/users/passwords";

// POST /api/me/password: the caller's own password. Every other session of the
// user ends; this browser's session is re-issued under the new session version.
export const POST = route({ can: "account:password", body: passwordChangeSchema, duringPasswordChange: true }, async ({ req, user, body }) => {
  const { sessionVersion } = await changeOwnPassword(user, body, requestIp(req.headers));
  const cookie = await reissuedSessionCookie(user, sessionVersion);
  return new Response(null, { status: 204, headers: cookie ? { "Set-Cookie": cookie } : {} });
});
