import { json, route } from "@/lib/http";
import { listApiTokens } from "@/lib/users/data";
import { issueApiToken } from "@/lib/users/mutations";
import { tokenCreateSchema } from "@/lib/users/schema";

export const GET = route({ role: "ADMIN" }, async () => ({ items: await listApiTokens() }));

// The plain token is in this response only; Verity keeps its hash.
export const POST = route({ role: "ADMIN", body: tokenCreateSchema }, async ({ user, body }) => json(await issueApiToken(user, body), 201));
