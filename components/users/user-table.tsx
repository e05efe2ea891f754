"use client";
import { Fragment, useState } from "react";
import { useRouter } from "next/navigation";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { formatDateTime } from "./format-date-time";
import { ResetPasswordForm } from "./reset-password-form";
import type { UserRowDto } from "./types";

type Feedback = { kind: "ok" | "error"; text: string } | null;

export function UserTable({ users, currentUserId }: { users: UserRowDto[]; currentUserId: string }) {
  const router = useRouter();
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  async function update(user: UserRowDto, patch: { role?: Role; active?: boolean }, success: string) {
    setBusyId(user.id);
    setFeedback(null);
    const res = await api<UserRowDto>("PATCH", `/api/users/${user.id}`, patch);
    setBusyId(null);
    if (!res.ok) {
      setFeedback({ kind: "error", text: res.error.message });
      return;
    }
    setRoles((r) => {
      const next = { ...r };
      delete next[user.id];
      return next;
    });
    setFeedback({ kind: "ok", text: success });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {feedback?.kind === "error" && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{feedback.text}</p>}
        {feedback?.kind === "ok" && <p className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{feedback.text}</p>}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Last sign-in</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => {
              const isSelf = u.id === currentUserId;
              const chosen = roles[u.id] ?? u.role;
              const busy = busyId === u.id;
              return (
                <Fragment key={u.id}>
                <tr data-user-email={u.email}>
                  <th scope="row" className="px-4 py-2 font-medium">
                    {u.name}
                    {isSelf && <span className="ml-1 font-normal text-slate-600">(you)</span>}
                  </th>
                  <td className="px-4 py-2">{u.email}</td>
                  <td className="px-4 py-2">
                    {isSelf ? (
                      <span title="You cannot change your own role">{ROLE_LABELS[u.role]}</span>
                    ) : (
                      <div className="flex items-center gap-2">
                        <select aria-label={`Role for ${u.name}`} value={chosen} disabled={busy}
                          onChange={(e) => setRoles((r) => ({ ...r, [u.id]: e.target.value as Role }))}
                          className="rounded border border-slate-400 px-2 py-1">
                          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                        </select>
                        {chosen !== u.role && (
                          <button type="button" disabled={busy} aria-label={`Save role for ${u.name}`}
                            onClick={() => update(u, { role: chosen }, `${u.name} is now ${ROLE_LABELS[chosen].toLowerCase()}.`)}
                            className="rounded border border-blue-700 px-2 py-1 text-blue-800 hover:bg-blue-50 disabled:opacity-60">
                            Save role
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                  <td className="px-4 py-2">
                    {u.active ? (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Active</span>
                    ) : (
                      <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Deactivated</span>
                    )}
                    {u.mustChangePassword && <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Must change password</span>}
                    {u.demoPassword && u.active && <span className="ml-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Demo password</span>}
                  </td>
                  <td className="px-4 py-2">{formatDateTime(u.lastLoginAt)}</td>
                  <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
                    {!isSelf && (
                      <button type="button" disabled={busy} aria-label={`Reset password for ${u.name}`} aria-expanded={resetting === u.id}
                        onClick={() => setResetting(resetting === u.id ? null : u.id)}
                        className="rounded border border-slate-500 px-3 py-1 text-slate-800 hover:bg-slate-50 disabled:opacity-60">
                        Reset password
                      </button>
                    )}
                    {isSelf ? null : u.active ? (
                      <button type="button" disabled={busy} aria-label={`Deactivate ${u.name}`}
                        onClick={() => update(u, { active: false }, `${u.name} is deactivated, signed out of Verity, and their API tokens are revoked.`)}
                        className="rounded border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60">
                        Deactivate
                      </button>
                    ) : (
                      <button type="button" disabled={busy} aria-label={`Reactivate ${u.name}`}
                        onClick={() => update(u, { active: true }, `${u.name} is active again.`)}
                        className="rounded border border-slate-500 px-3 py-1 text-slate-800 hover:bg-slate-50 disabled:opacity-60">
                        Reactivate
                      </button>
                    )}
                  </td>
                </tr>
                {resetting === u.id && (
                  <tr>
                    <td colSpan={6} className="p-0">
                      <ResetPasswordForm user={u} onCancel={() => setResetting(null)}
                        onDone={(text) => { setResetting(null); setFeedback({ kind: "ok", text }); router.refresh(); }} />
                    </td>
                  </tr>
                )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
