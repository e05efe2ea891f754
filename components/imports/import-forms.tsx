"use client";
import { useState } from "react";
import { IMPORT_FILE_ACCEPT, IMPORT_MAX_BYTES, isImportableFileName } from "@/lib/imports/schema";
import { api, type ApiError } from "@/components/ui/api";
import { checkMetadata, METADATA_KEYS, MetadataFields, plainFieldError, type MetadataKey, readMetadata } from "@/components/articles/metadata-fields";
import { Notice } from "@/components/ui/notice";

export type ImportSource = "paste" | "files" | "url" | "feed";
type Source = ImportSource;
type FormError = Pick<ApiError, "status" | "message" | "fields">;

const input = "mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600";
const button = "rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** Anything that parses as a tag is sent as HTML (sanitized on the server); the rest is plain text. */
const looksLikeHtml = (s: string) => /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/i.test(s);

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1 text-sm text-red-700">{message}</p> : null;
}

/**
 * The four ways in. Each queues one job and hands its id up; the progress of
 * that job (`progress`) is shown right under the form that queued it
 * (`progressFor`), where the person who pressed the button is looking.
 */
export function ImportForms({ onQueued, progressFor, progress }: { onQueued: (jobId: string, source: Source) => void; progressFor: Source | null; progress: React.ReactNode }) {
  const [pending, setPending] = useState<Source | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Source, FormError>>>({});

  async function submit(source: Source, body: FormData | Record<string, unknown>, form: HTMLFormElement) {
    setPending(source);
    setErrors((e) => ({ ...e, [source]: undefined }));
    const res = await api<{ jobId: string }>("POST", "/api/imports", body);
    setPending(null);
    if (!res.ok) {
      // The pasted article's fields come back named "paste.<field>"; each gets its own message below.
      const named = source === "paste" && Object.keys(res.error.fields ?? {}).some((k) => k.startsWith("paste."));
      setErrors((e) => ({ ...e, [source]: named ? { ...res.error, message: "Check the fields marked below." } : res.error }));
      return;
    }
    form.reset();
    onQueued(res.data.jobId, source);
  }

  const fail = (source: Source, message: string, fields?: Record<string, string>) => setErrors((e) => ({ ...e, [source]: { status: 400, message, fields } }));

  function onPaste(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const title = String(data.get("title") ?? "").trim();
    const content = String(data.get("content") ?? "").trim();
    const meta = readMetadata(data);
    const fields: Record<string, string> = {};
    if (!title) fields["paste.title"] = "Give the article a title.";
    if (!content) fields["paste.text"] = "Paste the article's text or HTML.";
    for (const [k, message] of Object.entries(checkMetadata(meta))) fields[`paste.${k}`] = message;
    if (Object.keys(fields).length) {
      const missing = fields["paste.title"] || fields["paste.text"];
      return fail("paste", missing ? "Fill in the title and the text." : "Check the article details marked below.", fields);
    }
    // Blank details are left out: the API takes absent, not empty, optional fields.
    const details = Object.fromEntries(METADATA_KEYS.filter((k) => meta[k]).map((k) => [k, meta[k]]));
    void submit("paste", { paste: { title, ...(looksLikeHtml(content) ? { html: content } : { text: content }), ...details } }, e.currentTarget);
  }

  function onFiles(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const files = Array.from((e.currentTarget.elements.namedItem("files") as HTMLInputElement).files ?? []);
    if (files.length === 0) return fail("files", "Choose at least one file.", { files: "choose at least one file" });
    const bad = files.find((f) => !isImportableFileName(f.name));
    if (bad) return fail("files", `${bad.name} is not a supported file type.`, { files: `${bad.name}: use .txt, .md, .html, .json or .csv` });
    const size = files.reduce((n, f) => n + f.size, 0);
    if (size > IMPORT_MAX_BYTES) return fail("files", `The files are larger than ${MB(IMPORT_MAX_BYTES)} together.`, { files: `must be at most ${MB(IMPORT_MAX_BYTES)} in total` });
    const body = new FormData();
    for (const f of files) body.append("files", f);
    void submit("files", body, e.currentTarget);
  }

  function onUrl(source: "url" | "feed", e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const key = source === "url" ? "url" : "feedUrl";
    const value = String(new FormData(e.currentTarget).get(key) ?? "").trim();
    if (!value) return fail(source, "Enter a web address.", { [key]: "Enter a web address starting with http:// or https://." });
    void submit(source, { [key]: value }, e.currentTarget);
  }

  const fieldMessage = (source: Source, ...keys: string[]) => {
    const f = errors[source]?.fields;
    if (!f) return undefined;
    for (const k of keys) if (f[k]) return f[k];
    return undefined;
  };
  const formAlert = (source: Source) => errors[source] && <Notice tone="error">{errors[source]!.message}</Notice>;

  const titleError = fieldMessage("paste", "paste.title");
  const metaErrors: Partial<Record<MetadataKey, string>> = {};
  for (const k of METADATA_KEYS) {
    const m = fieldMessage("paste", `paste.${k}`);
    if (m) metaErrors[k] = plainFieldError(k, m);
  }
  const contentError = fieldMessage("paste", "paste.text", "paste.html");
  const filesError = fieldMessage("files", "files", "body");
  const urlError = fieldMessage("url", "url", "body");
  const feedError = fieldMessage("feed", "feedUrl", "body");
  const busy = pending !== null;

  const cell = (source: Source, form: React.ReactNode) => (
    <div className="space-y-4">
      {form}
      {progressFor === source && progress}
    </div>
  );

  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      {cell("files", <form onSubmit={onFiles} noValidate aria-labelledby="import-files-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="import-files-heading" className="text-lg font-semibold">Upload files</h2>
        {formAlert("files")}
        <div>
          <label htmlFor="import-files" className="block text-sm font-medium">Files</label>
          <input id="import-files" name="files" type="file" multiple accept={IMPORT_FILE_ACCEPT.join(",")}
            aria-invalid={filesError ? true : undefined} aria-describedby={`import-files-hint${filesError ? " import-files-error" : ""}`}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium" />
          <p id="import-files-hint" className="mt-1 text-sm text-slate-600">
            .txt, .md, .html, .json (one article or a list) or .csv (a header row naming title, text or html, and optionally source URL, author, publisher, date, language). Several at once, up to {MB(IMPORT_MAX_BYTES)} together.
            Past fact-checks: a .json file of schema.org ClaimReview records (one, a list, an ItemList or a DataFeed) imports each as a fact-check.
          </p>
          <FieldError id="import-files-error" message={filesError} />
        </div>
        <button type="submit" disabled={busy} className={button}>{pending === "files" ? "Uploading…" : "Upload and import"}</button>
      </form>)}

      {cell("paste", <form onSubmit={onPaste} noValidate aria-labelledby="import-paste-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="import-paste-heading" className="text-lg font-semibold">Paste an article</h2>
        {formAlert("paste")}
        <div>
          <label htmlFor="import-title" className="block text-sm font-medium">Title</label>
          <input id="import-title" name="title" type="text" maxLength={500} autoComplete="off" aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? "import-title-error" : undefined} className={input} />
          <FieldError id="import-title-error" message={titleError} />
        </div>
        <div>
          <label htmlFor="import-content" className="block text-sm font-medium">Text or HTML</label>
          <textarea id="import-content" name="content" rows={6} aria-invalid={contentError ? true : undefined}
            aria-describedby={`import-content-hint${contentError ? " import-content-error" : ""}`} className={input} />
          <p id="import-content-hint" className="mt-1 text-sm text-slate-600">Plain text, or HTML (cleaned before it is stored).</p>
          <FieldError id="import-content-error" message={contentError} />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-800">Article details (optional)</legend>
          <MetadataFields idPrefix="import" errors={metaErrors} />
        </fieldset>
        <button type="submit" disabled={busy} className={button}>{pending === "paste" ? "Importing…" : "Import pasted article"}</button>
      </form>)}

      {cell("url", <form onSubmit={(e) => onUrl("url", e)} noValidate aria-labelledby="import-url-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="import-url-heading" className="text-lg font-semibold">Fetch a web page</h2>
        {formAlert("url")}
        <div>
          <label htmlFor="import-url" className="block text-sm font-medium">URL</label>
          <input id="import-url" name="url" type="url" inputMode="url" placeholder="https://" aria-invalid={urlError ? true : undefined}
            aria-describedby={`import-url-hint${urlError ? " import-url-error" : ""}`} className={input} />
          <p id="import-url-hint" className="mt-1 text-sm text-slate-600">The story&apos;s text, title, author and date are taken from the page. A fact-check page&apos;s ClaimReview markup is imported as fact-checks instead.</p>
          <FieldError id="import-url-error" message={urlError} />
        </div>
        <button type="submit" disabled={busy} className={button}>{pending === "url" ? "Queuing…" : "Import from URL"}</button>
      </form>)}

      {cell("feed", <form onSubmit={(e) => onUrl("feed", e)} noValidate aria-labelledby="import-feed-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="import-feed-heading" className="text-lg font-semibold">Import a feed</h2>
        {formAlert("feed")}
        <div>
          <label htmlFor="import-feed" className="block text-sm font-medium">Feed URL</label>
          <input id="import-feed" name="feedUrl" type="url" inputMode="url" placeholder="https://" aria-invalid={feedError ? true : undefined}
            aria-describedby={`import-feed-hint${feedError ? " import-feed-error" : ""}`} className={input} />
          <p id="import-feed-hint" className="mt-1 text-sm text-slate-600">RSS or Atom: every item becomes an article.</p>
          <FieldError id="import-feed-error" message={feedError} />
        </div>
        <button type="submit" disabled={busy} className={button}>{pending === "feed" ? "Queuing…" : "Import feed"}</button>
      </form>)}
    </div>
  );
}
