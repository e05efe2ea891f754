import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listApiTokens, listUsers } from "@/lib/users/data";
import { CreateUserForm } from "@/components/users/create-user-form";
import { TokenPanel } from "@/components/users/token-panel";
import { UserTable } from "@/components/users/user-table";
import type { TokenRowDto, UserRowDto } from "@/components/users/types";

export const metadata: Metadata = { title: "Users and API tokens" };

export default async function UsersPage() {
  const me = await requirePermission("user:manage", "/admin/users");
  const showTokens = can(me, "token:manage");
  const [users, tokens] = await Promise.all([listUsers(), showTokens ? listApiTokens() : Promise.resolve([])]);
  // Dates travel as ISO strings, the shape the API returns to the browser.
  const userRows: UserRowDto[] = users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, lastLoginAt: u.lastLoginAt?.toISOString() ?? null, mustChangePassword: u.mustChangePassword, demoPassword: u.demoPassword }));
  const tokenRows = JSON.parse(JSON.stringify(tokens)) as TokenRowDto[];

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">Users and API tokens</h1>
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">Users</h2>
        <p className="text-sm text-slate-600">A deactivated user is signed out on their next request and cannot sign in; their data stays. A role change signs the user out too, and a lower role revokes their API tokens.</p>
        <UserTable users={userRows} currentUserId={me.id} />
      </section>
      <section aria-labelledby="new-user-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-user-heading" className="text-lg font-semibold">Add a user</h2>
        <CreateUserForm />
      </section>
      {showTokens && (
        <section aria-labelledby="tokens-heading" className="space-y-3">
          <h2 id="tokens-heading" className="text-lg font-semibold">API tokens</h2>
          <p className="text-sm text-slate-600">
            Tokens authenticate scripts with <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code> and act as the admin who created them.
          </p>
          <TokenPanel tokens={tokenRows} />
        </section>
      )}
    </div>
  );
}
