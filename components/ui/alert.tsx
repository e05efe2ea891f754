// The one message block: errors are alerts (read out at once), the rest are
// status messages. An optional title and action (e.g. "Undo: reactivate").
const TONES = {
  error: "border-red-300 bg-red-50 text-red-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  success: "border-green-300 bg-green-50 text-green-800",
  info: "border-slate-300 bg-white text-slate-800",
} as const;

export type AlertTone = keyof typeof TONES;

type AlertProps = {
  tone: AlertTone;
  children: React.ReactNode;
  title?: string;
  className?: string;
  /**
   * The live role: "alert" for errors and "status" otherwise by default;
   * "none" when the block sits inside a live region already (a Toast).
   */
  live?: "alert" | "status" | "none";
  id?: string;
};

export function Alert({ tone, children, title, className = "", live, id }: AlertProps) {
  const chosen = live ?? (tone === "error" ? "alert" : "status");
  const role = chosen === "none" ? undefined : chosen;
  return (
    <div id={id} role={role} className={`rounded border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  );
}
