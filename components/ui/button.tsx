// Buttons in Verity's three weights. Server- and client-safe (no hooks).
const STYLES = {
  primary: "bg-blue-700 text-white hover:bg-blue-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-400 bg-white text-slate-800 hover:bg-slate-100",
} as const;

type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: keyof typeof STYLES };

export function Button({ tone = "primary", className = "", type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={`rounded px-4 py-1.5 font-medium disabled:opacity-60 ${STYLES[tone]} ${className}`} {...rest} />;
}
