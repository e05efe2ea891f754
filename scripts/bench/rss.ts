// The app server's resident memory, sampled every 500 ms for the whole bench:
// VmRSS of the next-server process under the app's process tree, with the bench
// phase running at the time, so a peak can be traced to what caused it.
import { findNextServer, statusKb } from "../resilience/common";

export class RssSampler {
  private timer?: ReturnType<typeof setInterval>;
  private pid: number | null = null;
  phase = "start-up";
  maxKb = 0;
  maxPhase = "";
  samples = 0;
  readonly byPhase = new Map<string, number>();

  start(rootPid: number) {
    this.timer = setInterval(() => this.sample(rootPid), 500);
    this.timer.unref();
  }

  private sample(rootPid: number) {
    // The server is found once it exists (after a build) and again if it is replaced.
    if (this.pid === null || statusKb(this.pid, "VmRSS") === null) this.pid = findNextServer(rootPid);
    if (this.pid === null) return;
    const kb = statusKb(this.pid, "VmRSS");
    if (kb === null) return;
    this.samples++;
    this.byPhase.set(this.phase, Math.max(this.byPhase.get(this.phase) ?? 0, kb));
    if (kb > this.maxKb) {
      this.maxKb = kb;
      this.maxPhase = this.phase;
    }
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }

  /** "import 1,000 articles 412 MB, …": the peak of each phase. */
  phases(): string {
    return [...this.byPhase].map(([p, kb]) => `${p} ${(kb / 1024).toFixed(0)} MB`).join(", ");
  }
}
