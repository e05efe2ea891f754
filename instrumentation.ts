// Next's start-up hook: starts the background import worker (pg-boss) with the
// Node.js server. The dynamic import keeps pg-boss and Prisma out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads the app to collect pages; no worker then.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) {
    console.warn("[verity] DATABASE_URL is not set: the import worker is not started");
    return;
  }
  try {
    const { startImportWorker } = await import("@/lib/imports/queue");
    await startImportWorker();
  } catch (e) {
    // The app still serves; queued imports wait in the database until a worker starts.
    console.error("[verity] the import worker could not start:", e);
  }
}
