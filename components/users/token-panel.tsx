"use client";
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { tokenCreateSchema } from "@/lib/users/schema";
import { zodFields } from "@/lib/validation";
import { api } from "@/components/ui/api";
import { formatDateTime } from "./format-date-time";
import type { TokenRowDto } from "./types";

type Created = { id: string; name: string; prefix: string; token: string };

export function TokenPanel({ tokens }: { tokens: TokenRowDto[] }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const tokenField = useRef<HTMLInputElement>(null);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = tokenCreateSchema.safeParse({ name, ...(expiry ? { expiresInDays: Number(expiry) } : {}) });
    if (!parsed.success) {
      setFieldError(zodFields(parsed.error).name ?? "is invalid");
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setBusy("create");
    const res = await api<Created>("POST", "/api/tokens", parsed.data);
    setBusy(null);
    if (!res.ok) {
      setFieldError(res.error.fields?.name ?? null);
      setError(res.error.message);
      return;
    }
    setFieldError(null);
    setName("");
    setCopied(false);
    setCreated(res.data);
    router.refresh();
    // Focus the one-time token so a screen reader announces it and it is ready to copy.
    requestAnimationFrame(() => tokenField.current?.select());
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      tokenField.current?.select();
    }
  }

  async function revoke(t: TokenRowDto) {
    setBusy(t.id);
    setError(null);
    const res = await api<void>("DELETE", `/api/tokens/${t.id}`);
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    if (created?.id === t.id) setCreated(null);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <form onSubmit={create} noValidate aria-label="Create an API token" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">Token name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off"
            aria-invalid={!!fieldError} aria-describedby={fieldError ? `${id}-name-error` : `${id}-name-hint`}
            className="mt-1 w-72 rounded border border-slate-400 px-3 py-1.5" />
          {fieldError ? (
            <p id={`${id}-name-error`} className="mt-1 text-sm text-red-700">{fieldError}</p>
          ) : (
            <p id={`${id}-name-hint`} className="mt-1 text-xs text-slate-600">What uses it, e.g. “Nightly feed import”. The token acts as you.</p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-expiry`} className="block text-sm font-medium">Expires</label>
          <select id={`${id}-expiry`} value={expiry} onChange={(e) => setExpiry(e.target.value)} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
          <p className="mt-1 text-xs text-slate-600">Revoke it any time.</p>
        </div>
        <button type="submit" disabled={busy === "create"} className="mb-5 rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {busy === "create" ? "Creating…" : "Create token"}
        </button>
      </form>

      {created && (
        <section aria-labelledby={`${id}-new`} className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h3 id={`${id}-new`} className="font-semibold">New token “{created.name}”</h3>
          <p className="mt-1 text-sm text-amber-950">
            Copy this token now. It is shown only this once: Verity keeps only a fingerprint of it and cannot show it again.
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-token`} className="sr-only">New API token</label>
            <input id={`${id}-token`} ref={tokenField} readOnly value={created.token} onFocus={(e) => e.currentTarget.select()}
              className="w-full max-w-xl rounded border border-slate-400 bg-white px-3 py-1.5 font-mono text-sm" />
            <button type="button" onClick={copy} className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" onClick={() => setCreated(null)} className="rounded px-3 py-1.5 text-sm text-slate-700 hover:underline">
              Done
            </button>
          </div>
          <p role="status" className="sr-only">{copied ? "Token copied to the clipboard" : ""}</p>
        </section>
      )}

      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">No API tokens yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Prefix</th>
                <th scope="col" className="px-4 py-2">Acts as</th>
                <th scope="col" className="px-4 py-2">Created</th>
                <th scope="col" className="px-4 py-2">Last used</th>
                <th scope="col" className="px-4 py-2">Expires</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className="px-4 py-2 font-medium">{t.name}</th>
                  <td className="px-4 py-2 font-mono">{t.prefix}…</td>
                  <td className="px-4 py-2">{t.user.name}</td>
                  <td className="px-4 py-2">{formatDateTime(t.createdAt)}</td>
                  <td className="px-4 py-2">{formatDateTime(t.lastUsedAt)}</td>
                  <td className="px-4 py-2">{t.expiresAt ? formatDateTime(t.expiresAt) : "Never"}</td>
                  <td className="px-4 py-2">
                    {t.revokedAt ? (
                      <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Revoked {formatDateTime(t.revokedAt)}</span>
                    ) : t.expired ? (
                      <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Expired</span>
                    ) : (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Active</span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-right">
                    {!t.revokedAt && (
                      <button type="button" disabled={busy === t.id} aria-label={`Revoke ${t.name}`} onClick={() => revoke(t)}
                        className="rounded border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50 disabled:opacity-60">
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
