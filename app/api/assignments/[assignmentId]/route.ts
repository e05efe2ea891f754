import { route } from "@/lib/http";
import { deleteAssignment } from "@/lib/assignments/mutations";

export const DELETE = route({ can: "assignment:manage" }, async ({ user, params }) => {
  await deleteAssignment(user, params.assignmentId);
  return new Response(null, { status: 204 });
});
