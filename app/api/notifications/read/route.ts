import { route } from "@/lib/http";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import { markReadSchema } from "@/lib/notifications/schema";

export const POST = route({ can: "notification:read", body: markReadSchema }, async ({ user, body }) => {
  await markNotificationsRead(user.id, body);
  return new Response(null, { status: 204 });
});
