import { json, route } from "@/lib/http";
import { listUsers } from "@/lib/users/data";
import { createUser } from "@/lib/users/mutations";
import { userCreateSchema } from "@/lib/users/schema";

export const GET = route({ can: "user:manage" }, async () => ({ items: await listUsers() }));

export const POST = route({ can: "user:manage", body: userCreateSchema }, async ({ user, body }) => json(await createUser(user, body), 201));
