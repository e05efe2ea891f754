// The figures `npm run bench` prints: each with its goal, PASS/FAIL where the
// issue set one, and throughputs and latencies also against /api/health measured
// in the same run, so a noisy machine shows up in both and cannot fake a pass.

export type Row = { figure: string; value: string; vsHealth: string; goal: string; pass: boolean | null };

export class Report {
  readonly rows: Row[] = [];

  add(figure: string, value: string, goal: string, pass: boolean | null = null, vsHealth = "") {
    this.rows.push({ figure, value, vsHealth, goal, pass });
    const mark = pass === null ? "" : pass ? "  PASS" : "  FAIL  <<<";
    console.log(`  ${figure}: ${value}${vsHealth ? ` [${vsHealth}]` : ""}   (goal ${goal})${mark}`);
  }

  /** A markdown table: figure, value, ratio vs health, goal, result; then the failures counted. */
  print() {
    const verdict = (p: boolean | null) => (p === null ? "" : p ? "PASS" : "**FAIL**");
    console.log("\nSummary\n");
    console.log("| figure | value | vs /api/health (same run) | goal | result |");
    console.log("|---|---|---|---|---|");
    for (const r of this.rows) console.log(`| ${r.figure} | ${r.value} | ${r.vsHealth} | ${r.goal} | ${verdict(r.pass)} |`);
    const failed = this.rows.filter((r) => r.pass === false);
    const judged = this.rows.filter((r) => r.pass !== null).length;
    console.log(`\n${judged - failed.length} of ${judged} goals met${failed.length ? `; FAILED: ${failed.map((r) => r.figure).join("; ")}` : ""}`);
  }
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : "n/a");
export const rps = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} req/s`;
export const ratio = (x: number) => `${x.toFixed(2)}×`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
