// No untrusted text can freeze the server: every function that reads text from
// outside (requests, uploads, fetched pages and feeds, stored rationales) is fed
// about 1 MB of input built to make regexes and parsers super-linear (long
// whitespace runs, deep nesting, repeated delimiters, near-misses of the
// function's own patterns) and must answer within a generous budget. A
// quadratic case on 1 MB takes minutes, so the budgets tell them apart from
// linear ones on a noisy machine. The inputs and the table: linear-text-cases.ts;
// half the table here, half in linear-text-2.test.ts (lib/security/linear-text-suite.ts).
import { describe, expect, it } from "vitest";
import { userCreateSchema } from "@/lib/users/schema";
import { payload } from "./adversarial-inputs";
import { linearTextSuite } from "./linear-text-suite";

linearTextSuite(0, 2);

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
