import { VERDICT_INFO, type Verdict } from "@/lib/claims/constants";
import { VERDICT_STYLE } from "./verdict-style";

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${VERDICT_STYLE[verdict].chip}`}>{VERDICT_INFO[verdict].label}</span>;
}

export function VerdictLegend() {
  return (
    <details className="mb-4 rounded border border-slate-200 bg-white p-3 font-sans text-sm">
      <summary className="cursor-pointer font-medium">Verdict colours</summary>
      <ul className="mt-2 grid grid-cols-2 gap-2">
        {(Object.keys(VERDICT_INFO) as Verdict[]).map((v) => (
          <li key={v} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block w-10 text-center" style={{ backgroundColor: VERDICT_STYLE[v].bg, textDecorationLine: "underline", textDecorationStyle: VERDICT_STYLE[v].lineStyle, textDecorationColor: VERDICT_STYLE[v].line, textDecorationThickness: "2px" }}>
              abc
            </span>
            <VerdictBadge verdict={v} />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-700">
        Each highlight ends in a label with the claim’s number (its place in the article) and verdict. Words that several claims cover have a
        dashed outline: click them, or press Enter on them, to list the claims there.
      </p>
    </details>
  );
}
