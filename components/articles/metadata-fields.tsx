"use client";
import { isHttpUrl } from "@/lib/articles/url";
import { Field } from "@/components/ui/field";

// An article's optional details (everything but title and text), shared by the
// import page's paste form and the admin's "Edit article details" form, with the
// same labels, checks and plain-language messages in both.

export const METADATA_KEYS = ["author", "publisher", "sourceUrl", "publishedAt", "language"] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];
export type MetadataValues = Record<MetadataKey, string>;

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

const MESSAGES = {
  title: "Give the article a title (at most 500 characters).",
  author: "Keep the author to 300 characters or fewer.",
  publisher: "Keep the publisher to 300 characters or fewer.",
  sourceUrl: "Enter the source as a web address starting with http:// or https://.",
  sourceUrlTaken: "Another article already has this source URL.",
  publishedAt: "Enter the date the article was published, or leave it empty.",
  language: "Use a language code such as en, fr or pt-BR, or leave it empty.",
} as const;

/** The five details as typed into a form (trimmed; empty when left blank). */
export function readMetadata(data: FormData): MetadataValues {
  const get = (k: MetadataKey) => String(data.get(k) ?? "").trim();
  return { author: get("author"), publisher: get("publisher"), sourceUrl: get("sourceUrl"), publishedAt: get("publishedAt"), language: get("language") };
}

/** The browser-side checks, with the messages a person reads; the server checks the same again. */
export function checkMetadata(v: MetadataValues): Partial<Record<MetadataKey, string>> {
  const errors: Partial<Record<MetadataKey, string>> = {};
  if (v.author.length > 300) errors.author = MESSAGES.author;
  if (v.publisher.length > 300) errors.publisher = MESSAGES.publisher;
  if (v.sourceUrl && (v.sourceUrl.length > 2048 || !isHttpUrl(v.sourceUrl))) errors.sourceUrl = MESSAGES.sourceUrl;
  if (v.publishedAt && Number.isNaN(new Date(v.publishedAt).getTime())) errors.publishedAt = MESSAGES.publishedAt;
  if (v.language && !LANGUAGE_TAG.test(v.language)) errors.language = MESSAGES.language;
  return errors;
}

/**
 * A server field error in plain words. The API names the field with a terse
 * reason ("must be an http or https URL"); the form says what to do instead.
 */
export function plainFieldError(field: string, serverMessage: string): string {
  if (field === "sourceUrl" && /duplicate/i.test(serverMessage)) return MESSAGES.sourceUrlTaken;
  if (field in MESSAGES) return MESSAGES[field as keyof typeof MESSAGES];
  return serverMessage;
}

export const titleMessage = MESSAGES.title;

/** Author, Publisher, Source URL, Published date, Language: uncontrolled inputs named after the API's fields. */
export function MetadataFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults?: Partial<MetadataValues>; errors: Partial<Record<MetadataKey, string>> }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field id={`${idPrefix}-author`} name="author" label="Author" autoComplete="off" maxLength={300} defaultValue={defaults?.author} error={errors.author} />
      <Field id={`${idPrefix}-publisher`} name="publisher" label="Publisher" autoComplete="off" maxLength={300} defaultValue={defaults?.publisher} error={errors.publisher} />
      <Field id={`${idPrefix}-source-url`} name="sourceUrl" label="Source URL" type="url" inputMode="url" placeholder="https://" defaultValue={defaults?.sourceUrl}
        error={errors.sourceUrl} hint="Where the article was first published." className="sm:col-span-2" />
      <Field id={`${idPrefix}-published-at`} name="publishedAt" label="Published date" type="date" defaultValue={defaults?.publishedAt} error={errors.publishedAt} />
      <Field id={`${idPrefix}-language`} name="language" label="Language" autoComplete="off" maxLength={35} defaultValue={defaults?.language}
        error={errors.language} hint="A code such as en, fr or pt-BR." />
    </div>
  );
}
