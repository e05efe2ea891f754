"use client";
import { useCallback, useState } from "react";
import { plainFields } from "@/lib/messages";

/**
 * A form's field errors in plain words, and how many submits have failed (for
 * ErrorSummary to take focus each time). `fail` takes the schema's or the
 * API's `fields` as they are; plainFields names each field the way the form does.
 */
export function useFieldErrors(labels?: Record<string, string>) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const fail = useCallback((raw: Record<string, string>) => {
    setFields(plainFields(raw, labels));
    setAttempt((n) => n + 1);
    // The labels are a constant of the form that calls this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const clear = useCallback(() => setFields({}), []);
  return { fields, attempt, fail, clear };
}
