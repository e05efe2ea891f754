import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { can, type Action } from "./permissions";

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: the user when `can(user, action)`, a 403 page when signed in without the right. */
export async function requirePermission(action: Action, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user, action)) forbidden();
  return user;
}
