import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { can, type Action } from "./permissions";

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back here.
 * A user whose password an admin reset is sent to /account until they choose
 * a new one (only that page passes `duringPasswordChange`).
 */
export async function requireUser(returnTo: string, opts: { duringPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.mustChangePassword && !opts.duringPasswordChange) redirect("/account");
  return user;
}

/** For pages: the user when `can(user, action)`, a 403 page when signed in without the right. */
export async function requirePermission(action: Action, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user, action)) forbidden();
  return user;
}
