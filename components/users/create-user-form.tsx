"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MIN, ROLE_LABELS, userCreateSchema } from "@/lib/users/schema";
import { zodFields } from "@/lib/validation";
import { api } from "@/components/ui/api";

type Draft = { name: string; email: string; role: string; password: string };
const EMPTY: Draft = { name: "", email: "", role: "REVIEWER", password: "" };

export function CreateUserForm() {
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setDone(null);
    setError(null);
    // The server's own schema: the form refuses what the API would.
    const parsed = userCreateSchema.safeParse(draft);
    if (!parsed.success) {
      const f = zodFields(parsed.error);
      setFields(f);
      document.getElementById(`${id}-${Object.keys(f)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const res = await api<{ email: string }>("POST", "/api/users", parsed.data);
    setBusy(false);
    if (!res.ok) {
      setFields(res.error.fields ?? {});
      setError(res.error.message);
      return;
    }
    setFields({});
    setDraft(EMPTY);
    setDone(`Created ${res.data.email}. They can sign in now.`);
    router.refresh();
  }

  const input = "mt-1 w-full rounded border border-slate-400 px-3 py-1.5";
  const described = (key: string, hint?: string) => [fields[key] ? `${id}-${key}-error` : "", hint ?? ""].filter(Boolean).join(" ") || undefined;
  const fieldError = (key: string) => (fields[key] ? <p id={`${id}-${key}-error`} className="mt-1 text-sm text-red-700">{fields[key]}</p> : null);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a user" className="grid gap-4 sm:grid-cols-2">
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 sm:col-span-2">{error}</p>}
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">Name</label>
        <input id={`${id}-name`} value={draft.name} onChange={set("name")} autoComplete="off" aria-invalid={!!fields.name} aria-describedby={described("name")} className={input} />
        {fieldError("name")}
      </div>
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-medium">Email</label>
        <input id={`${id}-email`} type="email" value={draft.email} onChange={set("email")} autoComplete="off" aria-invalid={!!fields.email} aria-describedby={described("email")} className={input} />
        {fieldError("email")}
      </div>
      <div>
        <label htmlFor={`${id}-role`} className="block text-sm font-medium">Role</label>
        <select id={`${id}-role`} value={draft.role} onChange={set("role")} aria-invalid={!!fields.role} aria-describedby={described("role")} className={input}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        {fieldError("role")}
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="block text-sm font-medium">Password</label>
        <input id={`${id}-password`} type="password" value={draft.password} onChange={set("password")} autoComplete="new-password"
          aria-invalid={!!fields.password} aria-describedby={described("password", `${id}-password-hint`)} className={input} />
        <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-600">At least {PASSWORD_MIN} characters. Share it with the person privately.</p>
        {fieldError("password")}
      </div>
      <div className="flex items-center gap-4 sm:col-span-2">
        <button type="submit" disabled={busy} className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {busy ? "Creating…" : "Create user"}
        </button>
        <p role="status" className="text-sm text-green-800">{done}</p>
      </div>
    </form>
  );
}
