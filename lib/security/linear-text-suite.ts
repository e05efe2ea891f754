// The table's cases run in two files (this one and linear-text-2.test.ts), so
// the two test workers share them: one file took 82 of the unit run's 130 s.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { textCases, type TextCase } from "./linear-text-cases";

async function timed(c: TextCase): Promise<number> {
  const t = performance.now();
  try {
    await c.run();
  } catch (e) {
    // Refusing input is fine (a 400); anything else would be a 500 or worse.
    if (!(e instanceof AppError)) throw e;
  }
  return performance.now() - t;
}

/** Every `shards`-th case of the table, starting at `shard` (0-based). */
export function linearTextSuite(shard: number, shards: number): void {
  const timings: { name: string; ms: number }[] = [];
  describe(`text functions on 1 MB adversarial input (part ${shard + 1} of ${shards})`, () => {
    const cases = textCases().filter((_, i) => i % shards === shard);
    it.each(cases.map((c) => [`${c.fn} ← ${c.input}`, c] as const))("%s", { timeout: 120_000 }, async (name, c) => {
      const ms = await timed(c);
      timings.push({ name, ms });
      expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(c.budget);
    });

    afterAll(() => {
      const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8);
      console.info(`slowest of ${timings.length}:\n${slowest.map((t) => `  ${Math.round(t.ms)} ms  ${t.name}`).join("\n")}`);
    });
  });
}
