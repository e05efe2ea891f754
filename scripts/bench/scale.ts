// The list pages at newsroom scale (after scripts/bench/scale-seed.ts): each page
// and API list asked one request at a time, as a person would, for a few
// seconds; p50 and p95 against /api/health asked the same way just before.
import { load, type LoadResult } from "./load";
import { ms, ratio, type Report } from "./report";

export type ScaleTarget = { figure: string; path: string; cookie: string };

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS || 6);
export const SCALE_GOAL_MS = 100;

/** One connection for SECONDS (at least one request); the first answer is a warm-up and not counted. */
async function sequential(base: string, path: string, cookie?: string): Promise<LoadResult> {
  const headers = cookie ? { cookie } : undefined;
  await load({ base, path, connections: 1, amount: 1, headers });
  return load({ base, path, connections: 1, seconds: SECONDS, headers });
}

export async function measureScale(base: string, targets: ScaleTarget[], report: Report, onPhase: (name: string) => void) {
  for (const t of targets) {
    onPhase(`scale: ${t.figure}`);
    const health = await sequential(base, "/api/health");
    const r = await sequential(base, t.path, t.cookie);
    const ok = r.non2xx === 0 && r.errors === 0;
    report.add(
      `scale: ${t.figure} (p50, p95; ${r.answered} requests)`,
      `${ms(r.p50)}, ${ms(r.p95)}${ok ? "" : ` — ${r.non2xx} non-2xx, ${r.errors} errors`}`,
      `p50 ≤ ${SCALE_GOAL_MS} ms`,
      ok && r.p50 <= SCALE_GOAL_MS,
      `p50 ${ratio(r.p50 / health.p50)} health's ${ms(health.p50)}`,
    );
  }
}
