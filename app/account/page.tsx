import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guards";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Notice } from "@/components/ui/notice";
import { ROLE_LABELS } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account", { duringPasswordChange: true });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-medium text-slate-600">Email</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium text-slate-600">Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
      {user.mustChangePassword && (
        <Notice tone="warning">An admin reset your password. Choose a new one to continue using Verity.</Notice>
      )}
      {!user.mustChangePassword && user.demoPassword && (
        <Notice tone="warning">You are signed in with the published demo password. Anyone who has read Verity&apos;s README can sign in as you: change it now.</Notice>
      )}
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="password-heading" className="mb-4 text-lg font-semibold">Change password</h2>
        <ChangePasswordForm thenGoTo={user.mustChangePassword ? "/" : undefined} />
      </section>
    </div>
  );
}
