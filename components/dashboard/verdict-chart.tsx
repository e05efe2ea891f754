import { VERDICT_INFO, type Verdict } from "@/lib/claims/constants";
import { VERDICT_STYLE } from "@/components/workspace/verdict-style";

/** Horizontal bars of claims per verdict, as SVG, with the numbers in text for everyone. */
export function VerdictChart({ data }: { data: ReadonlyArray<readonly [Verdict, number]> }) {
  const max = Math.max(1, ...data.map(([, n]) => n));
  const row = 28;
  const labelW = 120;
  const barW = 320;
  const total = data.reduce((s, [, n]) => s + n, 0);
  return (
    <figure>
      <svg role="img" aria-labelledby="verdict-chart-title" viewBox={`0 0 ${labelW + barW + 50} ${row * data.length}`} className="w-full max-w-xl">
        <title id="verdict-chart-title">{`Claims by verdict: ${data.map(([v, n]) => `${VERDICT_INFO[v].label} ${n}`).join(", ")}`}</title>
        {data.map(([v, n], i) => (
          <g key={v} transform={`translate(0 ${i * row})`}>
            <text x={labelW - 8} y={row / 2 + 5} textAnchor="end" fontSize="13" fill="#1e293b">{VERDICT_INFO[v].label}</text>
            <rect x={labelW} y={5} width={Math.max(n ? 2 : 0, (n / max) * barW)} height={row - 10} rx={3} fill={VERDICT_STYLE[v].line} />
            <text x={labelW + (n / max) * barW + 6} y={row / 2 + 5} fontSize="13" fill="#1e293b">{n}</text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-600">{total} claim{total === 1 ? "" : "s"} in all.</figcaption>
    </figure>
  );
}
