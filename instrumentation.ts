// Next's start-up hook: starts the background import worker (pg-boss) and the
// live-updates hub with the Node.js server. The dynamic import keeps pg-boss and Prisma out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads the app to collect pages; no worker then.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) {
    console.warn("[verity] DATABASE_URL is not set: the import worker is not started");
    return;
  }
  try {
    const { startImportWorker, stopImportQueue } = await import("@/lib/imports/queue");
    // rankSuggestions: each finished import's articles, and any article not ranked yet, are ranked in the background.
    await startImportWorker({ rankSuggestions: true });
    // scripts/app-server.mjs calls this on SIGTERM: running imports pause between
    // items (to resume elsewhere at once) and the worker processes end.
    (globalThis as { verityShutdown?: () => Promise<void> }).verityShutdown = stopImportQueue;
  } catch (e) {
    // The app still serves; queued imports wait in the database until a worker starts.
    console.error("[verity] the import worker could not start:", e);
  }
  try {
    // Live updates: this instance's listener (and the sequencer, if it wins the lock), the presence sweep and outbox pruning.
    const { startHub } = await import("@/lib/events/hub");
    void startHub();
  } catch (e) {
    console.error("[verity] live updates could not start:", e);
  }
}
