"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { passwordChangeSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/use-schema-form";

const FIELD_IDS: Record<string, string> = { currentPassword: "current-password", newPassword: "new-password" };

export function ChangePasswordForm({ thenGoTo }: { thenGoTo?: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState({ currentPassword: "", newPassword: "" });
  const form = useSchemaForm(passwordChangeSchema);
  const [done, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setDone(false);
    const res = await form.submit(draft, (data) => api("POST", "/api/me/password", data));
    if (!res?.ok) return;
    setDraft({ currentPassword: "", newPassword: "" });
    setDone(true);
    if (thenGoTo) router.push(thenGoTo);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change your password" className="max-w-md space-y-4">
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <ErrorSummary fields={form.fields} idFor={(k) => FIELD_IDS[k]} attempt={form.attempt} />
      <Field id={FIELD_IDS.currentPassword} label="Current password" type="password" autoComplete="current-password" value={draft.currentPassword}
        onChange={(e) => setDraft((d) => ({ ...d, currentPassword: e.target.value }))} error={form.fields.currentPassword} />
      <Field id={FIELD_IDS.newPassword} label="New password" type="password" autoComplete="new-password" value={draft.newPassword}
        onChange={(e) => setDraft((d) => ({ ...d, newPassword: e.target.value }))} error={form.fields.newPassword}
        hint={`At least ${PASSWORD_MIN} characters and hard to guess: a few unrelated words work well. Your other sessions are signed out.`} />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={form.busy}>{form.busy ? "Changing…" : "Change password"}</Button>
        {done && <Alert tone="success">Password changed. Any other sessions you had are now signed out.</Alert>}
      </div>
    </form>
  );
}
