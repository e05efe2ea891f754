import { json, route } from "@/lib/http";
import { claimInputSchema } from "@/lib/claims/schema";
import { listArticleClaims } from "@/lib/claims/data";
import { createClaim } from "@/lib/claims/create-claim";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";

export const GET = route({ can: "claim:read" }, async ({ params }) => {
  const exists = await prisma.article.count({ where: { id: params.id } });
  if (!exists) throw notFound("Article");
  return { items: await listArticleClaims(params.id) };
});

export const POST = route({ can: "claim:create", body: claimInputSchema }, async ({ user, params, body }) =>
  json(await createClaim(user, params.id, body), 201),
);
