"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { setupSchema } from "@/lib/auth/schema";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { zodFields } from "@/lib/validation";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

const LABELS: Record<string, string> = { name: "Name", email: "Email", password: "Password", token: "Setup link" };

export function SetupForm({ token }: { token: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState({ name: "", email: "", password: "" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(f: Record<string, string>, message?: string) {
    setFields(f);
    const first = Object.keys(f)[0];
    setError(message ?? (first ? `${LABELS[first] ?? first} ${f[first]}` : "Something went wrong. Try again."));
    if (first) document.getElementById(`setup-${first}`)?.focus();
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = setupSchema.safeParse({ ...draft, token });
    if (!parsed.success) return fail(zodFields(parsed.error));
    setBusy(true);
    const res = await api("POST", "/api/setup", parsed.data);
    setBusy(false);
    if (!res.ok) return fail(res.error.fields ?? {}, res.error.message);
    router.push(`/signin?setup=done`);
  }

  const set = (key: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create the first admin" className="space-y-4">
      {error && <Notice tone="error">{error}</Notice>}
      <Field id="setup-name" label="Name" value={draft.name} onChange={set("name")} autoComplete="name" error={fields.name} />
      <Field id="setup-email" label="Email" type="email" value={draft.email} onChange={set("email")} autoComplete="username" error={fields.email} />
      <Field id="setup-password" label="Password" type="password" value={draft.password} onChange={set("password")} autoComplete="new-password" error={fields.password}
        hint={`At least ${PASSWORD_MIN} characters and hard to guess: a few unrelated words work well.`} />
      <Button type="submit" disabled={busy}>{busy ? "Creating…" : "Create admin account"}</Button>
    </form>
  );
}
