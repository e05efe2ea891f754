// No untrusted text can freeze the server: every function that reads text from
// outside (requests, uploads, fetched pages and feeds, stored rationales) is fed
// about 1 MB of input built to make regexes and parsers super-linear (long
// whitespace runs, deep nesting, repeated delimiters, near-misses of the
// function's own patterns) and must answer within a generous budget. A
// quadratic case on 1 MB takes minutes, so the budgets tell them apart from
// linear ones on a noisy machine. The inputs and the table: linear-text-cases.ts.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { userCreateSchema } from "@/lib/users/schema";
import { payload } from "./adversarial-inputs";
import { textCases, type TextCase } from "./linear-text-cases";

const timings: { name: string; ms: number }[] = [];

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

describe("text functions on 1 MB adversarial input", () => {
  const cases = textCases();
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

describe("email address check", () => {
  it("refuses an over-long address on its length alone, without running the pattern", () => {
    for (const email of [payload("email-dots"), payload("email-parts"), "a@a" + ".".repeat(60_000) + "@"]) {
      const t = performance.now();
      const result = userCreateSchema.safeParse({ email, name: "n", role: "REVIEWER", password: "long enough password" });
      expect(performance.now() - t).toBeLessThan(100);
      expect(result.error?.issues.filter((i) => i.path[0] === "email").map((i) => i.message)).toEqual(["must be at most 320 characters"]);
    }
  });

  it("still checks the pattern on addresses of ordinary length", () => {
    const parse = (email: string) => userCreateSchema.safeParse({ email, name: "n", role: "REVIEWER", password: "long enough password" });
    expect(parse(" Ada@Example.org ").data?.email).toBe("ada@example.org");
    expect(parse("not an address").error?.issues[0].message).toBe("must be an email address");
  });
});
