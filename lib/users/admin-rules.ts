// The rules that keep Verity administrable. Pure, so they are unit-tested as a table.
import type { Role } from "@/lib/auth/permissions";

export type UserState = { id: string; role: Role; active: boolean };
export type RoleChange = { role?: Role; active?: boolean };
export type Refusal = { field: "role" | "active"; message: string };

/**
 * Why `actorId` may not apply `change` to `target`, or null when it may.
 * `activeAdminIds` are the active admins as they are now (locked by the caller).
 * An admin never deactivates or demotes themselves (they would lock themselves
 * out mid-session), and the last active admin can never be removed by anyone.
 */
export function adminChangeRefusal(actorId: string | null, target: UserState, change: RoleChange, activeAdminIds: readonly string[]): Refusal | null {
  const isSelf = actorId === target.id;
  const demotes = change.role !== undefined && change.role !== "ADMIN" && target.role === "ADMIN";
  const deactivates = change.active === false && target.active;
  if (isSelf && deactivates) return { field: "active", message: "You cannot deactivate your own account. Ask another admin to do it." };
  if (isSelf && demotes) return { field: "role", message: "You cannot remove your own admin role. Ask another admin to do it." };
  const isActiveAdmin = target.role === "ADMIN" && target.active;
  if (isActiveAdmin && (demotes || deactivates) && !activeAdminIds.some((id) => id !== target.id)) {
    return deactivates
      ? { field: "active", message: "This is the last active admin and cannot be deactivated. Make another user an admin first." }
      : { field: "role", message: "This is the last active admin and must keep the admin role. Make another user an admin first." };
  }
  return null;
}
