import type { z } from "zod";
import { AppError, invalidInput } from "./errors";
import { plainIssue } from "./messages";

/**
 * Turns zod issues into the API's `fields` map, keyed by path:
 * {"sources.0.url": "The URL must start with http:// or https://"}. Reasons are
 * the schema's own (zod's developer defaults replaced by plain fragments);
 * plainFields (lib/messages.ts) names the field in front where a person reads them.
 */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const base = issue.path.map(String).join(".");
      for (const k of issue.keys) fields[base ? `${base}.${k}` : k] = "is not a known field";
      continue;
    }
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    if (!fields[key]) fields[key] = plainIssue(issue as Parameters<typeof plainIssue>[0]);
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
/** Far deeper than any article or claim; deep enough nesting overflows recursive code (and Prisma's JSON encoder). */
export const MAX_JSON_DEPTH = 64;

/**
 * Request JSON that PostgreSQL cannot store or Verity cannot safely walk:
 * strings with NUL (U+0000, refused by `text` and `jsonb`) or a lone UTF-16
 * surrogate (`"\ud800"` in JSON: no UTF-8 form), and nesting deeper than
 * MAX_JSON_DEPTH. Left alone they surface as a 500 from the database or a stack
 * overflow; found here they are a 400 naming the field. Iterative (an explicit
 * stack): JSON.parse accepts nesting deep enough to overflow a recursive walk.
 */
export function unstorableFields(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  let found = 0;
  const stack: Array<[unknown, string, number]> = [[value, "", 0]];
  while (stack.length && found < MAX_REPORTED) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === "string") {
      const why = v.includes(NUL) ? "must not contain NUL (\\u0000) characters" : !v.isWellFormed() ? "must be valid Unicode text (it holds a lone surrogate)" : null;
      if (why) {
        fields[path || "body"] = why;
        found++;
      }
      continue;
    }
    if (!v || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) {
      fields[path || "body"] = `is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`;
      found++;
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], path ? `${path}.${entries[i][0]}` : entries[i][0], depth + 1]);
  }
  return fields;
}

/** Throws invalid_input naming every field that holds what unstorableFields refuses. */
export function assertStorableJson(value: unknown): void {
  const fields = unstorableFields(value);
  if (Object.keys(fields).length) throw invalidInput(fields);
}

/**
 * A request body's text as JSON: invalid_input naming `body` when it is not
 * JSON, or naming each field that cannot be stored. The check comes before any
 * schema: a NUL or a lone surrogate would otherwise reach Postgres (jsonb
 * refuses them) as a 500.
 */
export function parseJsonBody(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON", { fields: { body: "is not valid JSON" } });
  }
  assertStorableJson(data);
  return data;
}
