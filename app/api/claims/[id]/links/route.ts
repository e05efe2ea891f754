import { json, route } from "@/lib/http";
import { linkInputSchema } from "@/lib/memory/schema";
import { listClaimLinks } from "@/lib/claims/links-data";
import { linkClaim } from "@/lib/claims/links";

export const GET = route({ can: "claim:read" }, async ({ params }) => listClaimLinks(params.id));

export const POST = route({ can: "claim:link", body: linkInputSchema }, async ({ user, params, body }) => json(await linkClaim(user, params.id, body), 201));
