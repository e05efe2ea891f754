"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { api } from "@/components/ui/api";
import { ConfirmButton } from "@/components/ui/confirm";

type Props = { accounts: { email: string; role: string }[]; selfUsesDemoPassword: boolean; canDisable: boolean };

/**
 * Shown while accounts with the published demo password are active: anyone who
 * has read the README can sign in as them. Admins disable them all in one step;
 * their own demo account they change on the Account page.
 */
export function DemoAccountsBanner({ accounts, selfUsesDemoPassword, canDisable }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const others = accounts.length - (selfUsesDemoPassword ? 1 : 0);

  async function disable(): Promise<string | void> {
    const res = await api<{ disabled: string[] }>("POST", "/api/demo-accounts/disable");
    if (!res.ok) return res.error.message;
    setMessage(`Deactivated: ${res.data.disabled.join(", ") || "none"}. You can reactivate them on the Users page.`);
    router.refresh();
  }

  return (
    <section aria-label="Demo accounts" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm text-amber-950">
        <p>
          <strong>Demo accounts are active</strong> with the published demo password
          {canDisable && accounts.length > 0 ? ` (${accounts.map((a) => a.email).join(", ")})` : ""}. Anyone who has read the README can sign in with them.
        </p>
        {selfUsesDemoPassword && <Link href="/account" className="font-semibold text-amber-950 underline">Change your password</Link>}
        {canDisable && others > 0 && (
          <ConfirmButton label="Disable demo accounts" buttonTone="danger" tone="danger" title={`Deactivate ${others} demo account${others === 1 ? "" : "s"}?`} confirmLabel="Deactivate"
            consequence={<p>They are signed out everywhere and their API tokens are revoked at once. You can reactivate them on the Users page.</p>}
            onConfirm={disable} />
        )}
        <p role="status" className="text-amber-950">{message}</p>
      </div>
    </section>
  );
}
