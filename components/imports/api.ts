// Browser-side calls for the import page: queue an import, read a job.
import type { ImportJobDto } from "@/lib/imports/types";

export type ImportApiError = { status: number; message: string; fields?: Record<string, string> };
export type ImportApiResult<T> = { ok: true; data: T } | { ok: false; error: ImportApiError };

async function send<T>(path: string, init: RequestInit): Promise<ImportApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: "same-origin" });
  } catch {
    return { ok: false, error: { status: 0, message: "Could not reach Verity. Check your connection and try again." } };
  }
  let json: Record<string, unknown> = {};
  try {
    json = await res.json();
  } catch {
    /* empty or not JSON */
  }
  if (res.ok) return { ok: true, data: json as T };
  const err = (json.error ?? {}) as { message?: string; fields?: Record<string, string> };
  const fallback = res.status === 401 ? "Your session has ended. Sign in again." : res.status === 403 ? "Only admins may import articles." : "Something went wrong. Try again.";
  return { ok: false, error: { status: res.status, message: err.message ?? fallback, fields: err.fields } };
}

/** Multipart `files`, or a JSON body ({url}, {feedUrl}, {paste}). */
export function queueImport(body: FormData | Record<string, unknown>): Promise<ImportApiResult<{ jobId: string }>> {
  if (body instanceof FormData) return send("/api/imports", { method: "POST", body });
  return send("/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export function readImportJob(jobId: string, withArticles: boolean): Promise<ImportApiResult<ImportJobDto>> {
  return send(`/api/imports/${encodeURIComponent(jobId)}${withArticles ? "?include=articles" : ""}`, { method: "GET", cache: "no-store" });
}
