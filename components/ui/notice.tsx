import { Alert, type AlertTone } from "./alert";

// The name the first forms used for Alert; kept so their imports still work.
export function Notice({ tone, children, className = "" }: { tone: AlertTone; children: React.ReactNode; className?: string }) {
  return <Alert tone={tone} className={className}>{children}</Alert>;
}
