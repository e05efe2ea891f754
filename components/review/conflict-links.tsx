import Link from "next/link";
import { CLAIM_STATUS_LABEL, VERDICT_INFO, type ClaimStatus, type Verdict } from "@/lib/claims/constants";

// The "Conflicting verdicts" flag, with a way to the claim(s) it conflicts
// with: each link names the other claim and its verdict. Server- and client-safe.

export type ConflictLink = { id: string; claimText: string; verdict: Verdict; status: ClaimStatus };

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ConflictLinks({ partners, compact = false }: { partners: readonly ConflictLink[]; compact?: boolean }) {
  if (!partners.length) return null;
  return (
    <div className={`rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-950 ${compact ? "" : "w-full text-sm"}`}>
      <p className="font-semibold">
        Conflicting verdicts{compact ? "" : ": another claim on these words says otherwise"}
      </p>
      <ul className="mt-0.5 space-y-0.5">
        {partners.map((p) => (
          <li key={p.id}>
            Conflicts with{" "}
            <Link href={`/review/${p.id}`} className="font-medium text-blue-800 underline">
              “{clip(p.claimText)}” (verdict: {VERDICT_INFO[p.verdict].label})
            </Link>
            <span className="text-slate-700"> · {CLAIM_STATUS_LABEL[p.status].toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
