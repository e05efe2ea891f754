import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { listAssignments } from "@/lib/assignments/data";
import { createAssignment } from "@/lib/assignments/mutations";
import { assignmentInputSchema } from "@/lib/assignments/schema";

export const GET = route({ can: "article:read" }, async ({ params }) => {
  const items = await listAssignments(params.id);
  if (!items) throw notFound("Article");
  return { items };
});

export const POST = route({ can: "assignment:manage", body: assignmentInputSchema }, async ({ user, params, body }) =>
  json(await createAssignment(user, params.id, body), 201),
);
