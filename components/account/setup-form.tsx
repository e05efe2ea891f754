"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { setupSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { useSchemaForm } from "@/components/ui/use-schema-form";

const FIELDS = ["name", "email", "password"];

export function SetupForm({ token }: { token: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState({ name: "", email: "", password: "" });
  const form = useSchemaForm(setupSchema, { token: "Setup link" });

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const res = await form.submit({ ...draft, token }, (data) => api("POST", "/api/setup", data));
    if (res?.ok) router.push(`/signin?setup=done`);
  }

  const set = (key: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create the first admin" className="space-y-4">
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <ErrorSummary fields={form.fields} idFor={(k) => (FIELDS.includes(k) ? `setup-${k}` : undefined)} attempt={form.attempt} />
      <Field id="setup-name" label="Name" value={draft.name} onChange={set("name")} autoComplete="name" error={form.fields.name} />
      <Field id="setup-email" label="Email" type="email" value={draft.email} onChange={set("email")} autoComplete="username" error={form.fields.email} />
      <Field id="setup-password" label="Password" type="password" value={draft.password} onChange={set("password")} autoComplete="new-password" error={form.fields.password}
        hint={`At least ${PASSWORD_MIN} characters and hard to guess: a few unrelated words work well.`} />
      <Button type="submit" disabled={form.busy}>{form.busy ? "Creating…" : "Create admin account"}</Button>
    </form>
  );
}
