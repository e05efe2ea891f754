import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files known to take the longest, started first so that they overlap the rest.
 * Left to Vitest, a clean checkout (no timings cached) sorts the unit project
 * after the integration project and small files last: the 1 MB adversarial
 * suite (~110 s) then started near the end and ran alone for over a minute of
 * CI's 20. Order of the rest: Vitest's own.
 */
export const SLOW_FIRST = [
  "lib/security/linear-text.test.ts",
  "tests/authz-matrix.test.ts",
  "tests/hostile-input.test.ts",
  "tests/import-isolation.test.ts",
];

export function slowFirst<T>(files: T[], moduleId: (f: T) => string): T[] {
  const rank = (f: T) => {
    const id = moduleId(f).replaceAll("\\", "/");
    const i = SLOW_FIRST.findIndex((p) => id.endsWith(`/${p}`));
    return i < 0 ? SLOW_FIRST.length : i;
  };
  return files.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
}

export default class SlowFirstSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return slowFirst(await super.sort(files), (f) => f.moduleId);
  }
}
