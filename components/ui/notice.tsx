// A message block: errors are alerts (read out at once), the rest are status.
const TONES = {
  error: "border-red-300 bg-red-50 text-red-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  success: "border-green-300 bg-green-50 text-green-800",
  info: "border-slate-300 bg-white text-slate-800",
} as const;

export function Notice({ tone, children, className = "" }: { tone: keyof typeof TONES; children: React.ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
