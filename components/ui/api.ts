// Browser-side calls to Verity's JSON API: the one fetch client. Every result is
// {ok, data} or {ok: false, error}; the caller shows the message and any field
// errors (through lib/messages.ts plainFields, which names each field plainly).
// A FormData body is sent as multipart/form-data (file uploads), anything else as JSON.

export type ApiError = { status: number; code: string; message: string; fields?: Record<string, string>; body: Record<string, unknown> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** `init.signal` cancels the call (a search superseded by newer input): it then ends as `{ok: false, error: {code: "aborted"}}`. */
export async function api<T>(method: string, path: string, body?: unknown, init?: { signal?: AbortSignal }): Promise<ApiResult<T>> {
  let res: Response;
  const multipart = typeof FormData !== "undefined" && body instanceof FormData;
  try {
    res = await fetch(path, {
      method,
      // The browser writes multipart's content-type itself, with its boundary.
      headers: body === undefined || multipart ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : multipart ? (body as FormData) : JSON.stringify(body),
      credentials: "same-origin",
      signal: init?.signal,
    });
  } catch {
    if (init?.signal?.aborted) return { ok: false, error: { status: 0, code: "aborted", message: "Cancelled.", body: {} } };
    return { ok: false, error: { status: 0, code: "network", message: "Could not reach Verity. Check your connection and try again.", body: {} } };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  let json: Record<string, unknown> = {};
  try {
    json = await res.json();
  } catch {
    /* an empty or non-JSON body */
  }
  if (res.ok) return { ok: true, data: json as T };
  const err = (json.error ?? {}) as { code?: string; message?: string; fields?: Record<string, string> };
  return {
    ok: false,
    error: {
      status: res.status,
      code: err.code ?? "error",
      message: err.message ?? (res.status === 401 ? "Your session has ended. Sign in again." : "Something went wrong. Try again."),
      fields: err.fields,
      body: json,
    },
  };
}
