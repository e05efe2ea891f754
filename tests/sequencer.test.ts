// The test sequencer's order (tests/support/sequencer.ts): the known-long files first, the rest as given.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW_FIRST, slowFirst } from "./support/sequencer";

describe("slowFirst", () => {
  it("puts the listed files first, in the list's order, and keeps the others' order", () => {
    const files = ["/r/tests/a.test.ts", "/r/tests/authz-matrix.test.ts", "/r/lib/b.test.ts", "/r/lib/security/linear-text.test.ts", "/r/tests/c.test.ts"];
    expect(slowFirst(files, (f) => f)).toEqual(["/r/lib/security/linear-text.test.ts", "/r/tests/authz-matrix.test.ts", "/r/tests/a.test.ts", "/r/lib/b.test.ts", "/r/tests/c.test.ts"]);
  });

  it("does not match a file whose name only ends the same", () => {
    expect(slowFirst(["/r/a.ts", "/r/xlib/security/linear-text.test.ts"], (f) => f)).toEqual(["/r/a.ts", "/r/xlib/security/linear-text.test.ts"]);
  });

  it("names files that exist (a renamed file would silently go back to the end)", () => {
    for (const file of SLOW_FIRST) expect(fs.existsSync(path.join(process.cwd(), file)), file).toBe(true);
  });
});
