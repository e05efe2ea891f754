import { route } from "@/lib/http";
import { disableDemoAccounts } from "@/lib/users/demo-accounts";

// POST /api/demo-accounts/disable: deactivates every account still using the
// published demo password, except the caller's → {disabled: [emails]}.
export const POST = route({ can: "user:manage" }, async ({ user }) => disableDemoAccounts(user));
