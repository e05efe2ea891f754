import { route } from "@/lib/http";
import { listNotifications } from "@/lib/notifications/data";
import { notificationListQuerySchema } from "@/lib/notifications/schema";

// The caller's own notifications only: the user id comes from the session, never the request.
export const GET = route({ can: "notification:read", query: notificationListQuerySchema }, async ({ user, query }) => listNotifications(user.id, query));
