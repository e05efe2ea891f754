"use client";
import { useState } from "react";
import type { z } from "zod";
import { zodFields } from "@/lib/validation";
import type { ApiResult } from "./api";
import { useFieldErrors } from "./use-field-errors";

/**
 * A form's submit, the same every time: check the input with the shared zod
 * schema (the server's own), send it, and sort what comes back into field
 * errors (plain words, for the ErrorSummary and each field) or one message.
 * `submit` resolves to the API's result, or null when the form refused it.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, labels?: Record<string, string>) {
  const errors = useFieldErrors(labels);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit<T>(input: unknown, send: (data: z.output<S>) => Promise<ApiResult<T>>): Promise<ApiResult<T> | null> {
    setError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      errors.fail(zodFields(parsed.error));
      return null;
    }
    setBusy(true);
    const res = await send(parsed.data);
    setBusy(false);
    if (res.ok) errors.clear();
    else if (res.error.fields) errors.fail(res.error.fields);
    else {
      errors.clear();
      setError(res.error.message);
    }
    return res;
  }

  return { fields: errors.fields, attempt: errors.attempt, error, busy, submit };
}
