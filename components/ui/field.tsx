"use client";
import { useId } from "react";

// One labelled form field: label, input, hint and error wired together for
// screen readers (aria-describedby, aria-invalid). The forms' only input kit.

type FieldProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: string;
  hint?: string;
  error?: string;
  /** The input's id, for focusing it after a failed submit; generated when absent. */
  id?: string;
};

export function Field({ label, hint, error, id, className, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [error ? `${inputId}-error` : "", hint ? `${inputId}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">{label}</label>
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="mt-1 w-full rounded border border-slate-400 px-3 py-1.5" {...input} />
      {hint && <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
      {error && <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
