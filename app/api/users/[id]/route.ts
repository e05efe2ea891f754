import { route } from "@/lib/http";
import { updateUser } from "@/lib/users/mutations";
import { userUpdateSchema } from "@/lib/users/schema";

export const PATCH = route({ can: "user:manage", body: userUpdateSchema }, async ({ user, body, params }) => updateUser(user, params.id, body));
