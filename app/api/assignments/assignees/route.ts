import { route } from "@/lib/http";
import { listAssignees } from "@/lib/assignments/data";

// Editors pick assignees without the admin-only user list (which carries e-mails and roles).
export const GET = route({ can: "assignment:manage" }, async () => ({ items: await listAssignees() }));
