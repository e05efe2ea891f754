import { json, route } from "@/lib/http";
import { listApiTokens } from "@/lib/users/data";
import { issueApiToken } from "@/lib/users/mutations";
import { tokenCreateSchema } from "@/lib/users/schema";
import { z } from "zod";

const tokenListQuerySchema = z.strictObject({ userId: z.string().trim().max(100).optional() });

export const GET = route({ can: "token:manage", query: tokenListQuerySchema }, async ({ query }) => ({ items: await listApiTokens(query.userId) }));

// The plain token is in this response only; Verity keeps its hash.
export const POST = route({ can: "token:manage", body: tokenCreateSchema }, async ({ user, body }) => json(await issueApiToken(user, body), 201));
