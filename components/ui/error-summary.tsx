"use client";
import { useEffect, useRef } from "react";

// The list of what to fix, at the top of a form: it takes focus after each
// failed submit (`attempt` counts them) and links to every field it names.
// Messages are plain already (lib/messages.ts plainFields).

type Props = {
  fields: Record<string, string>;
  /** The id of the control for a field key; keys without a control are listed without a link. */
  idFor: (key: string) => string | undefined;
  /** Bumped on every failed submit, so a second failure moves focus here again. */
  attempt: number;
  title?: string;
  className?: string;
};

export function ErrorSummary({ fields, idFor, attempt, title = "Check the highlighted fields", className = "" }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fields);
  const shown = entries.length > 0;
  useEffect(() => {
    if (shown && attempt > 0) ref.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert"
      className={`rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 outline-none focus:ring-2 focus:ring-red-600 ${className}`}>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {entries.map(([key, message]) => {
          const id = idFor(key);
          return (
            <li key={key}>
              {id ? (
                <a href={`#${id}`} className="underline" onClick={(e) => {
                  e.preventDefault();
                  const target = document.getElementById(id);
                  target?.focus();
                  target?.scrollIntoView({ block: "center" });
                }}>
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
