"use client";
import { useId } from "react";

// One labelled form field: label, control, hint and error wired together for
// screen readers (aria-describedby, aria-invalid). Three controls share the
// frame: Field (input), TextareaField and SelectField. The forms' input kit.

type Frame = {
  label: string;
  hint?: React.ReactNode;
  error?: string;
  /** The control's id, for focusing it (and linking to it from an ErrorSummary); generated when absent. */
  id?: string;
  /** Classes for the wrapper. */
  className?: string;
  /** Smaller type for dense panels (the claim form). */
  compact?: boolean;
};

const CONTROL = "mt-1 w-full rounded border";

type Control = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };

/** The frame every control shares: label, then the control, then hint and error, wired by id. */
function Framed({ label, hint, error, id, className, compact, padX = "px-3", control }: Frame & { padX?: string; control: (attrs: Control) => React.ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const describedBy = [error ? `${controlId}-error` : "", hint ? `${controlId}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const look = `${CONTROL} ${compact ? "px-2 py-1.5 text-sm" : `${padX} py-1.5`} ${error ? "border-red-700" : "border-slate-400"}`;
  return (
    <div className={className}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">{label}</label>
      {control({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: look })}
      {hint && <p id={`${controlId}-hint`} className="mt-1 text-xs text-slate-600">{hint}</p>}
      <FieldError id={`${controlId}-error`} message={error} />
    </div>
  );
}

/** A field's error line; `id` is what the control's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="mt-1 text-sm text-red-700">{message}</p> : null;
}

type InputProps = Frame & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "className">;
type TextareaProps = Frame & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className">;
type SelectProps = Frame & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & { children: React.ReactNode };

export function Field({ label, hint, error, id, className, compact, ...input }: InputProps) {
  return <Framed {...{ label, hint, error, id, className, compact }} control={(a) => <input {...a} {...input} />} />;
}

export function TextareaField({ label, hint, error, id, className, compact, ...textarea }: TextareaProps) {
  return <Framed {...{ label, hint, error, id, className, compact }} control={(a) => <textarea {...a} {...textarea} />} />;
}

export function SelectField({ label, hint, error, id, className, compact, children, ...select }: SelectProps) {
  return <Framed {...{ label, hint, error, id, className, compact }} padX="px-2" control={(a) => <select {...a} {...select}>{children}</select>} />;
}
