"use client";
import { useState } from "react";
import { passwordResetSchema } from "@/lib/auth/schema";
import { plainFieldMessage } from "@/lib/messages";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { zodFields } from "@/lib/validation";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

const LABELS = { password: "Temporary password" };

/** An admin sets a temporary password; the user is signed out and must choose their own at next sign-in. */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: { id: string; name: string }; onDone: (message: string) => void; onCancel: () => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `reset-${user.id}`;

  function fail(why: string) {
    setError(plainFieldMessage("password", why, LABELS));
    document.getElementById(fieldId)?.focus();
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = passwordResetSchema.safeParse({ password });
    if (!parsed.success) return fail(zodFields(parsed.error).password ?? "is not valid");
    setBusy(true);
    const res = await api("POST", `/api/users/${user.id}/password`, parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.error.fields?.password ?? res.error.message);
    onDone(`${user.name}'s password is reset and their sessions are signed out. Give them the temporary password privately; they must choose their own when they sign in.`);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Reset password for ${user.name}`} className="flex flex-wrap items-end gap-3 bg-slate-50 px-4 py-3">
      <Field id={fieldId} label="Temporary password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
        error={error ?? undefined} hint={`At least ${PASSWORD_MIN} characters, hard to guess.`} className="w-80" autoFocus />
      <div className="mb-5 flex gap-2">
        <Button type="submit" disabled={busy}>{busy ? "Resetting…" : "Set temporary password"}</Button>
        <Button tone="secondary" onClick={onCancel}>Cancel</Button>
      </div>
      {error && <Alert tone="error" className="sr-only">{error}</Alert>}
    </form>
  );
}
