"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { checkMetadata, METADATA_KEYS, MetadataFields, plainFieldError, readMetadata, titleMessage, type MetadataKey, type MetadataValues } from "./metadata-fields";

export type ArticleDetails = { id: string; title: string; author: string | null; publisher: string | null; sourceUrl: string | null; publishedAt: string | null; language: string | null };

type Values = MetadataValues & { title: string };
type Errors = Partial<Record<MetadataKey | "title", string>>;

/** The form's view of an article: every field a string, a date as YYYY-MM-DD (UTC, as stored). */
function toValues(a: ArticleDetails): Values {
  return {
    title: a.title,
    author: a.author ?? "",
    publisher: a.publisher ?? "",
    sourceUrl: a.sourceUrl ?? "",
    publishedAt: a.publishedAt ? a.publishedAt.slice(0, 10) : "",
    language: a.language ?? "",
  };
}

const FIELD_IDS: Record<keyof Values, string> = {
  title: "article-title",
  author: "article-author",
  publisher: "article-publisher",
  sourceUrl: "article-source-url",
  publishedAt: "article-published-at",
  language: "article-language",
};

/**
 * An admin edits an article's details (title, author, publisher, source URL,
 * published date, language) through PATCH /api/articles/:id. Only the fields
 * that changed are sent, and never the text: a details edit makes no revision
 * and leaves every claim where it is.
 */
export function ArticleMetadataForm({ article }: { article: ArticleDetails }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<Values>(() => toValues(article));
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const focusFirst = (errs: Errors) => {
    const first = (["title", ...METADATA_KEYS] as const).find((k) => errs[k]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSuccess(null);
    setAlert(null);
    const data = new FormData(e.currentTarget);
    const values: Values = { title: String(data.get("title") ?? "").trim(), ...readMetadata(data) };
    const errs: Errors = { ...checkMetadata(values) };
    if (!values.title || values.title.length > 500) errs.title = titleMessage;
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setAlert("Some details need fixing before they can be saved.");
      focusFirst(errs);
      return;
    }
    // Only what changed; an emptied optional field is sent as null, which clears it.
    const changes = Object.fromEntries(
      (Object.keys(values) as Array<keyof Values>).filter((k) => values[k] !== saved[k]).map((k) => [k, values[k] === "" ? null : values[k]]),
    );
    if (Object.keys(changes).length === 0) {
      setSuccess("Nothing changed, so there was nothing to save.");
      return;
    }
    setBusy(true);
    const res = await api<ArticleDetails>("PATCH", `/api/articles/${encodeURIComponent(article.id)}`, changes);
    setBusy(false);
    if (!res.ok) {
      const fields = res.error.fields ?? {};
      const serverErrs: Errors = {};
      for (const k of Object.keys(FIELD_IDS) as Array<keyof Values>) if (fields[k]) serverErrs[k] = plainFieldError(k, fields[k]);
      setErrors(serverErrs);
      if (Object.keys(serverErrs).length > 0) {
        setAlert("Some details need fixing before they can be saved.");
        focusFirst(serverErrs);
      } else {
        setAlert(res.error.status === 403 ? "Only admins may edit an article's details." : res.error.message);
      }
      return;
    }
    const next = toValues(res.data);
    setSaved(next);
    // Show the stored form of what was typed (the server tidies spacing and tracking parameters).
    for (const k of Object.keys(next) as Array<keyof Values>) {
      const el = formRef.current?.elements.namedItem(k);
      if (el instanceof HTMLInputElement) el.value = next[k];
    }
    setSuccess("Saved. The article's details are updated; its text and claims are unchanged.");
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="edit-details-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="edit-details-heading" className="text-lg font-semibold">Article details</h2>
      {alert && <Notice tone="error">{alert}</Notice>}
      <Field id={FIELD_IDS.title} name="title" label="Title" autoComplete="off" maxLength={500} defaultValue={saved.title} error={errors.title} />
      <MetadataFields idPrefix="article" defaults={saved} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save details"}</Button>
      </div>
      {success && <Notice tone="success">{success}</Notice>}
    </form>
  );
}
