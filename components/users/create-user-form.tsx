"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MIN, ROLE_LABELS, userCreateSchema } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, SelectField } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/use-schema-form";

type Draft = { name: string; email: string; role: string; password: string };
// No role is chosen for the admin: giving someone access is a decision to make, not a default.
const EMPTY: Draft = { name: "", email: "", role: "", password: "" };
const KEYS = ["name", "email", "role", "password"] as const;

export function CreateUserForm() {
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const form = useSchemaForm(userCreateSchema);
  const [done, setDone] = useState<string | null>(null);
  const idFor = (key: string) => ((KEYS as readonly string[]).includes(key) ? `${id}-${key}` : undefined);

  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setDone(null);
    const res = await form.submit(draft, (data) => api<{ email: string }>("POST", "/api/users", data));
    if (!res?.ok) return;
    setDraft(EMPTY);
    setDone(`Created ${res.data.email}. They can sign in now.`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a user" className="grid gap-4 sm:grid-cols-2">
      {form.error && <Alert tone="error" className="sm:col-span-2">{form.error}</Alert>}
      <ErrorSummary fields={form.fields} idFor={idFor} attempt={form.attempt} className="sm:col-span-2" />
      <Field id={`${id}-name`} label="Name" value={draft.name} onChange={set("name")} autoComplete="off" error={form.fields.name} />
      <Field id={`${id}-email`} label="Email" type="email" value={draft.email} onChange={set("email")} autoComplete="off" error={form.fields.email} />
      <SelectField id={`${id}-role`} label="Role" value={draft.role} onChange={set("role")} error={form.fields.role}>
        <option value="">Choose a role…</option>
        {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
      </SelectField>
      <Field id={`${id}-password`} label="Password" type="password" value={draft.password} onChange={set("password")} autoComplete="new-password"
        error={form.fields.password} hint={`At least ${PASSWORD_MIN} characters. Share it with the person privately.`} />
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={form.busy}>{form.busy ? "Creating…" : "Create user"}</Button>
        <p role="status" className="text-sm text-green-800">{done}</p>
      </div>
    </form>
  );
}
