"use client";
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { tokenCreateSchema } from "@/lib/users/schema";
import { api } from "@/components/ui/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm";
import { Badge, DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, SelectField } from "@/components/ui/field";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { useSchemaForm } from "@/components/ui/use-schema-form";
import { formatDateTime } from "@/components/ui/format";
import type { TokenRowDto } from "./types";

type Created = { id: string; name: string; prefix: string; token: string };

const LABELS = { name: "Token name", expiresInDays: "Expires" };

export function TokenPanel({ tokens }: { tokens: TokenRowDto[] }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const form = useSchemaForm(tokenCreateSchema, LABELS);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenField = useRef<HTMLInputElement>(null);
  const idFor = (key: string) => (key === "name" ? `${id}-name` : key === "expiresInDays" ? `${id}-expiry` : undefined);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const res = await form.submit({ name, ...(expiry ? { expiresInDays: Number(expiry) } : {}) }, (data) => api<Created>("POST", "/api/tokens", data));
    if (!res?.ok) return;
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

  async function revoke(t: TokenRowDto): Promise<string | void> {
    setToast(null);
    const res = await api<void>("DELETE", `/api/tokens/${t.id}`);
    if (!res.ok) return res.error.message;
    if (created?.id === t.id) setCreated(null);
    setToast({ tone: "success", text: `Token “${t.name}” is revoked.` });
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <form onSubmit={create} noValidate aria-label="Create an API token" className="space-y-3">
        <ErrorSummary fields={form.fields} idFor={idFor} attempt={form.attempt} />
        <div className="flex flex-wrap items-start gap-3">
          <Field id={`${id}-name`} label="Token name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" className="w-72"
            error={form.fields.name} hint="What uses it, e.g. “Nightly feed import”. The token acts as you." />
          <SelectField id={`${id}-expiry`} label="Expires" value={expiry} onChange={(e) => setExpiry(e.target.value)} error={form.fields.expiresInDays} hint="Revoke it any time.">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </SelectField>
          <Button type="submit" disabled={form.busy} className="mt-6">{form.busy ? "Creating…" : "Create token"}</Button>
        </div>
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
            <Button tone="secondary" onClick={copy} className="!py-1.5 text-sm">{copied ? "Copied" : "Copy"}</Button>
            <button type="button" onClick={() => setCreated(null)} className="rounded px-3 py-1.5 text-sm text-slate-700 hover:underline">
              Done
            </button>
          </div>
          <p role="status" className="sr-only">{copied ? "Token copied to the clipboard" : ""}</p>
        </section>
      )}

      <Toast message={toast} />
      <DataTable
        caption="API tokens"
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No API tokens yet."
        columns={[
          { header: "Name", cell: (t) => t.name },
          { header: "Prefix", cell: (t) => `${t.prefix}…`, className: "font-mono" },
          { header: "Acts as", cell: (t) => t.user.name },
          { header: "Created", cell: (t) => formatDateTime(t.createdAt) },
          { header: "Last used", cell: (t) => formatDateTime(t.lastUsedAt) },
          { header: "Expires", cell: (t) => (t.expiresAt ? formatDateTime(t.expiresAt) : "Never") },
          {
            header: "Status",
            cell: (t) => (t.revokedAt ? <Badge>Revoked {formatDateTime(t.revokedAt)}</Badge> : t.expired ? <Badge>Expired</Badge> : <Badge tone="success">Active</Badge>),
          },
          {
            header: "Actions",
            srOnly: true,
            className: "text-right",
            cell: (t) =>
              !t.revokedAt && (
                <ConfirmButton label="Revoke" ariaLabel={`Revoke ${t.name}`} buttonTone="danger" tone="danger" className="!px-3 !py-1" title={`Revoke token “${t.name}”?`} confirmLabel="Revoke token"
                  consequence={<p>Revoke token “{t.name}”? Tools using it stop working at once. This cannot be undone: a new token would have to be created and given to them.</p>}
                  onConfirm={() => revoke(t)} />
              ),
          },
        ]}
      />
    </div>
  );
}
