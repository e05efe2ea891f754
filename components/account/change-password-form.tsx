"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { passwordChangeSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { zodFields } from "@/lib/validation";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

const FIELD_IDS = { currentPassword: "current-password", newPassword: "new-password" } as const;
const LABELS: Record<string, string> = { currentPassword: "Current password", newPassword: "New password" };

export function ChangePasswordForm({ thenGoTo }: { thenGoTo?: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState({ currentPassword: "", newPassword: "" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function fail(f: Record<string, string>, message?: string) {
    setFields(f);
    const first = Object.keys(f)[0] as keyof typeof FIELD_IDS | undefined;
    setError(message ?? (first ? `${LABELS[first] ?? first} ${f[first]}` : "Something went wrong. Try again."));
    if (first && FIELD_IDS[first]) document.getElementById(FIELD_IDS[first])?.focus();
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setDone(false);
    const parsed = passwordChangeSchema.safeParse(draft);
    if (!parsed.success) return fail(zodFields(parsed.error));
    setBusy(true);
    const res = await api("POST", "/api/me/password", parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.error.fields ?? {}, res.error.fields ? undefined : res.error.message);
    setFields({});
    setError(null);
    setDraft({ currentPassword: "", newPassword: "" });
    setDone(true);
    if (thenGoTo) router.push(thenGoTo);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change your password" className="max-w-md space-y-4">
      {error && <Notice tone="error">{error}</Notice>}
      <Field id={FIELD_IDS.currentPassword} label="Current password" type="password" autoComplete="current-password" value={draft.currentPassword}
        onChange={(e) => setDraft((d) => ({ ...d, currentPassword: e.target.value }))} error={fields.currentPassword} />
      <Field id={FIELD_IDS.newPassword} label="New password" type="password" autoComplete="new-password" value={draft.newPassword}
        onChange={(e) => setDraft((d) => ({ ...d, newPassword: e.target.value }))} error={fields.newPassword}
        hint={`At least ${PASSWORD_MIN} characters and hard to guess: a few unrelated words work well. Your other sessions are signed out.`} />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={busy}>{busy ? "Changing…" : "Change password"}</Button>
        {done && <Notice tone="success">Password changed. Any other sessions you had are now signed out.</Notice>}
      </div>
    </form>
  );
}
