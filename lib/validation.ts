import type { z } from "zod";
import { AppError, invalidInput } from "./errors";

/** Turns zod issues into the API's `fields` map: {"sources.0.url": "must be an http(s) URL"}. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const base = issue.path.map(String).join(".");
      for (const k of issue.keys) fields[base ? `${base}.${k}` : k] = "is not a known field";
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(zodFields(result.error));
  return result.data;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
