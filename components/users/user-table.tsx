"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { Badge, DataTable } from "@/components/ui/data-table";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { formatDateTime } from "@/components/ui/format";
import { ResetPasswordForm } from "./reset-password-form";
import type { UserRowDto } from "./types";

/** Higher is more: a change to a lower rank signs the user out and revokes their tokens. */
const RANK: Record<Role, number> = { REVIEWER: 0, EDITOR: 1, ADMIN: 2 };

export function UserTable({ users, currentUserId }: { users: UserRowDto[]; currentUserId: string }) {
  const router = useRouter();
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  /** PATCHes the user; resolves to an error message, or nothing when it worked. */
  async function update(user: UserRowDto, patch: { role?: Role; active?: boolean }): Promise<string | void> {
    setBusyId(user.id);
    const res = await api<UserRowDto>("PATCH", `/api/users/${user.id}`, patch);
    setBusyId(null);
    if (!res.ok) return res.error.message;
    setRoles((r) => {
      const next = { ...r };
      delete next[user.id];
      return next;
    });
    router.refresh();
  }

  async function act(user: UserRowDto, patch: { role?: Role; active?: boolean }, success: ToastMessage) {
    setToast(null);
    const error = await update(user, patch);
    setToast(error ? { tone: "error", text: error } : success);
  }

  async function deactivate(user: UserRowDto): Promise<string | void> {
    setToast(null);
    const error = await update(user, { active: false });
    if (error) return error;
    setToast({
      tone: "success",
      text: `${user.name} is deactivated, signed out of Verity, and their API tokens are revoked.`,
      action: { label: "Undo: reactivate", onClick: () => void act(user, { active: true }, { tone: "success", text: `${user.name} is active again. Their revoked API tokens stay revoked.` }) },
      focusAction: true,
    });
  }

  const roleCell = (u: UserRowDto) => {
    if (u.id === currentUserId) return <span title="You cannot change your own role">{ROLE_LABELS[u.role]}</span>;
    const chosen = roles[u.id] ?? u.role;
    const busy = busyId === u.id;
    const saved = { tone: "success", text: `${u.name} is now ${ROLE_LABELS[chosen].toLowerCase()}.` } as const;
    return (
      <div className="flex items-center gap-2">
        <select aria-label={`Role for ${u.name}`} value={chosen} disabled={busy}
          onChange={(e) => setRoles((r) => ({ ...r, [u.id]: e.target.value as Role }))}
          className="rounded border border-slate-400 px-2 py-1">
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        {chosen !== u.role &&
          (RANK[chosen] < RANK[u.role] ? (
            <ConfirmButton label="Save role" title={`Lower ${u.name}'s role?`} confirmLabel={`Make ${ROLE_LABELS[chosen].toLowerCase()}`} tone="danger"
              className="!px-2 !py-1 text-sm"
              consequence={<p>{u.name} becomes {ROLE_LABELS[chosen].toLowerCase()}: they are signed out everywhere and their API tokens are revoked at once.</p>}
              onConfirm={async () => {
                const error = await update(u, { role: chosen });
                if (!error) setToast(saved);
                return error;
              }} />
          ) : (
            <Button tone="secondary" disabled={busy} aria-label={`Save role for ${u.name}`} className="!px-2 !py-1 text-sm" onClick={() => void act(u, { role: chosen }, saved)}>
              Save role
            </Button>
          ))}
      </div>
    );
  };

  const actionsCell = (u: UserRowDto) => {
    if (u.id === currentUserId) return null;
    const busy = busyId === u.id;
    return (
      <div className="flex justify-end gap-2">
        <Button tone="secondary" disabled={busy} aria-label={`Reset password for ${u.name}`} aria-expanded={resetting === u.id} className="!px-3 !py-1"
          onClick={() => setResetting(resetting === u.id ? null : u.id)}>
          Reset password
        </Button>
        {u.active ? (
          <ConfirmButton label="Deactivate" ariaLabel={`Deactivate ${u.name}`} buttonTone="danger" tone="danger" className="!px-3 !py-1" title={`Deactivate ${u.name}?`} confirmLabel="Deactivate"
            consequence={<p>{u.name} is signed out everywhere and cannot sign in until reactivated. Their API tokens are revoked at once (reactivating does not bring them back); their claims and comments stay.</p>}
            onConfirm={() => deactivate(u)} />
        ) : (
          <Button tone="secondary" disabled={busy} aria-label={`Reactivate ${u.name}`} className="!px-3 !py-1"
            onClick={() => void act(u, { active: true }, { tone: "success", text: `${u.name} is active again.` })}>
            Reactivate
          </Button>
        )}
      </div>
    );
  };

  return (
    <div className="space-y-3">
      <Toast message={toast} onDismiss={toast ? () => setToast(null) : undefined} />
      <DataTable
        caption="Users"
        rows={users}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-user-email": u.email })}
        filter={users.length > 10 ? { label: "Filter users", matches: (u, q) => `${u.name} ${u.email}`.toLowerCase().includes(q) } : undefined}
        columns={[
          { header: "Name", cell: (u) => <>{u.name}{u.id === currentUserId && <span className="ml-1 font-normal text-slate-600">(you)</span>}</> },
          { header: "Email", cell: (u) => u.email },
          { header: "Role", cell: roleCell },
          {
            header: "Status",
            cell: (u) => (
              <span className="flex flex-wrap gap-1">
                {u.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}
                {u.mustChangePassword && <Badge tone="warning">Must change password</Badge>}
                {u.demoPassword && u.active && <Badge tone="danger">Demo password</Badge>}
              </span>
            ),
          },
          { header: "Last sign-in", cell: (u) => formatDateTime(u.lastLoginAt) },
          { header: "Actions", srOnly: true, cell: actionsCell, className: "text-right" },
        ]}
        below={(u) =>
          resetting === u.id ? (
            <ResetPasswordForm user={u} onCancel={() => setResetting(null)}
              onDone={(text) => { setResetting(null); setToast({ tone: "success", text }); router.refresh(); }} />
          ) : null
        }
      />
    </div>
  );
}
