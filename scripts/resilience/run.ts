// `npm run test:resilience`: the load test, the database-fault test, the
// hostile-import test and the scale-out test (two apps on one PostgreSQL, live
// events under 200 streams), each against production apps of its own. Prints each
// script's checks, the total time, and last a line "N passed, M failed"; exits
// non-zero on any failure.
import { spawn } from "node:child_process";
import path from "node:path";

const SCRIPTS = ["load.ts", "faults.ts", "imports.ts", "instances.ts"];

function run(script: string): Promise<{ passed: number; failed: number; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "resilience", script)], { stdio: ["ignore", "pipe", "inherit"], env: process.env });
    let last = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString()).slice(-4096);
    });
    child.on("exit", (code) => {
      const m = /(\d+) passed, (\d+) failed\s*$/.exec(last);
      const failed = m ? Number(m[2]) : 0;
      // A script that exited non-zero without reporting a failed check (it died) counts as one failure.
      resolve({ passed: m ? Number(m[1]) : 0, failed: failed || (code === 0 ? 0 : 1), code });
    });
  });
}

async function main() {
  const t0 = Date.now();
  let passed = 0;
  let failed = 0;
  for (const s of SCRIPTS) {
    const t = Date.now();
    const r = await run(s);
    console.log(`[resilience] ${s}: ${r.passed} passed, ${r.failed} failed in ${((Date.now() - t) / 1000).toFixed(0)} s (exit ${r.code})\n`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`[resilience] total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
