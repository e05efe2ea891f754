// Load generation for `npm run bench`: autocannon driven from code, with the
// latency of every answer kept so p50/p95/p99 are exact rather than histogram buckets.
import autocannon from "autocannon";

export type LoadOptions = {
  base: string;
  path: string;
  connections: number;
  /** Run this long (seconds)… */
  seconds?: number;
  /** …or until this many requests have answered (wins over `seconds`). */
  amount?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body for every request (writes must not repeat themselves). */
  body?: () => string;
  /**
   * A flow: each connection GETs these paths in turn, again and again (a page
   * and the data it loads). Latencies and req/s are then per whole flow.
   */
  flow?: string[];
};

export type LoadResult = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests (or whole flows) answered. */
  answered: number;
  /** Requests answered 2xx (each step of a flow counts). */
  ok: number;
  non2xx: number;
  /** No answer: refused, reset or timed out. */
  errors: number;
  statuses: Record<number, number>;
  seconds: number;
};

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: Error) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: `${opts.base}${opts.path}`,
      connections: opts.connections,
      ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 10 }),
      method: opts.method ?? "GET",
      headers: opts.headers,
      timeout: 30,
      ...(opts.body
        ? { requests: [{ method: opts.method ?? "POST", path: opts.path, setupRequest: (req: autocannon.Request) => ({ ...req, body: opts.body!() }) }] }
        : opts.flow
          ? { requests: opts.flow.map((path) => ({ method: "GET" as const, path })) }
          : {}),
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  // A connection's requests are strictly one after another, so its flow time is the sum of its steps.
  const steps = opts.flow?.length ?? 1;
  const partial = new Map<unknown, { n: number; ms: number }>();
  instance.on("response", (client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    const p = partial.get(client) ?? { n: 0, ms: 0 };
    p.n++;
    p.ms += ms;
    if (p.n === steps) {
      latencies.push(p.ms);
      partial.delete(client);
    } else partial.set(client, p);
  });
  const result = await finished;
  const seconds = (performance.now() - t0) / 1000;
  const ok = Object.entries(statuses).reduce((n, [s, c]) => n + (Number(s) >= 200 && Number(s) < 300 ? c : 0), 0);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    answered: latencies.length,
    ok,
    non2xx: Object.values(statuses).reduce((n, c) => n + c, 0) - ok,
    errors: result.errors + result.timeouts,
    statuses,
    seconds,
  };
}

/** "1,234 ×201, 3 ×409": what the server answered, for the log. */
export function statusLine(r: LoadResult): string {
  const parts = Object.entries(r.statuses).map(([s, n]) => `${n} ×${s}`);
  if (r.errors) parts.push(`${r.errors} without an answer`);
  return parts.join(", ") || "no answers";
}
