import "server-only";
import type { ImportKind } from "@/lib/generated/prisma/client";
import { AppError, invalidInput } from "@/lib/errors";
import { env } from "@/lib/env";
import { parseJsonBody, zodFields } from "@/lib/validation";
import { checkHop, formatBytes } from "./fetch/safe-fetch";
import { IMPORT_MAX_BYTES, IMPORT_MAX_FILES, importRequestSchema, isImportableFileName, IMPORT_FILE_ACCEPT } from "./schema";
import type { ImportSource } from "./types";
import { readCapped } from "./read-capped";

// POST /api/imports reads its own body: multipart uploads (up to 20 MB) do not
// fit the JSON wrapper's 1 MB limit. Errors keep the API's shapes.

/** Multipart framing and any small text fields on top of the files themselves. */
const MULTIPART_SLACK = 256 * 1024;

const tooLarge = (field: string) =>
  new AppError("too_large", `The upload is larger than ${formatBytes(IMPORT_MAX_BYTES)} in total`, { fields: { [field]: `must be at most ${formatBytes(IMPORT_MAX_BYTES)} in total` } });

/** The body, refusing to buffer more than `max` bytes whatever Content-Length says. */
async function readBody(req: Request, max: number, field: string): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > max) throw tooLarge(field);
  return readCapped(req.body, max, () => tooLarge(field));
}

async function readMultipart(req: Request, contentType: string): Promise<{ kind: ImportKind; sources: ImportSource[] }> {
  const bytes = await readBody(req, IMPORT_MAX_BYTES + MULTIPART_SLACK, "files");
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw invalidInput({ files: "the upload could not be read (malformed multipart/form-data)" });
  }
  const entries = form.getAll("files");
  if (entries.length === 0) throw invalidInput({ files: "choose at least one file" });
  if (entries.length > IMPORT_MAX_FILES) throw invalidInput({ files: `at most ${IMPORT_MAX_FILES} files at once` });
  const files: File[] = [];
  for (const e of entries) {
    if (typeof e === "string") throw invalidInput({ files: "must be files, not text" });
    if (!isImportableFileName(e.name)) throw invalidInput({ files: `${e.name}: unsupported file type; use ${IMPORT_FILE_ACCEPT.filter((x) => x !== ".htm").join(", ")}` });
    files.push(e);
  }
  if (files.reduce((n, f) => n + f.size, 0) > IMPORT_MAX_BYTES) throw tooLarge("files");
  const sources: ImportSource[] = [];
  for (const f of files) sources.push({ type: "file", name: f.name, content: await f.text() });
  return { kind: "FILES", sources };
}

async function readJsonRequest(req: Request): Promise<{ kind: ImportKind; sources: ImportSource[] }> {
  const text = new TextDecoder().decode(await readBody(req, IMPORT_MAX_BYTES, "body"));
  if (!text.trim()) throw new AppError("invalid_input", "The request body must be a JSON object or multipart/form-data with files", { fields: { body: "is required" } });
  // NUL and lone surrogates are a 400 naming the field, e.g. items.3.title.
  const data = parseJsonBody(text);
  const parsed = importRequestSchema.safeParse(data);
  if (!parsed.success) throw invalidInput(zodFields(parsed.error));
  const body = parsed.data;
  // Literal private addresses are refused now; host names are checked when they resolve, in the job.
  const allowPrivate = env().IMPORT_ALLOW_PRIVATE_HOSTS;
  if (body.url) {
    checkHop(body.url, { allowPrivate, field: "url" });
    return { kind: "URL", sources: [{ type: "url", url: body.url }] };
  }
  if (body.feedUrl) {
    checkHop(body.feedUrl, { allowPrivate, field: "feedUrl" });
    return { kind: "FEED", sources: [{ type: "feed", url: body.feedUrl }] };
  }
  if (body.items) return { kind: "ITEMS", sources: [{ type: "items", items: body.items }] };
  // Re-serialised: the stored input is JSON (dates as ISO strings).
  return { kind: "PASTE", sources: [{ type: "paste", article: JSON.parse(JSON.stringify(body.paste)) }] };
}

/** What an import request asks for: multipart `files`, or JSON `{url}`, `{feedUrl}`, `{items}`, `{paste}`. */
export async function readImportRequest(req: Request): Promise<{ kind: ImportKind; sources: ImportSource[] }> {
  const contentType = req.headers.get("content-type") ?? "";
  const media = contentType.split(";")[0].trim().toLowerCase();
  if (media === "multipart/form-data") return readMultipart(req, contentType);
  if (media === "application/json" || media === "") return readJsonRequest(req);
  throw invalidInput({ body: `must be application/json or multipart/form-data (got ${media})` });
}
