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

const NUL = "\u0000";
const MAX_REPORTED = 20;

/**
 * Strings PostgreSQL cannot store: `text` and `jsonb` refuse NUL (U+0000), and a
 * lone UTF-16 surrogate (`"\ud800"` in JSON) has no UTF-8 form. Left alone they
 * reach the database and come back as a 500; found here they are a 400 naming
 * the field. Walks the parsed JSON with an explicit stack: JSON.parse accepts
 * nesting deep enough to overflow a recursive walk.
 */
export function unstorableStringFields(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  let found = 0;
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length && found < MAX_REPORTED) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      const why = v.includes(NUL) ? "must not contain NUL (\\u0000) characters" : !v.isWellFormed() ? "must be valid Unicode text (it holds a lone surrogate)" : null;
      if (why) {
        fields[path || "body"] = why;
        found++;
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0]]);
    }
  }
  return fields;
}

/** Throws invalid_input naming every field that holds a string PostgreSQL cannot store. */
export function assertStorableStrings(value: unknown): void {
  const fields = unstorableStringFields(value);
  if (Object.keys(fields).length) throw invalidInput(fields);
}
