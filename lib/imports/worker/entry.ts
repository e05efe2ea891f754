// The import worker: a child process of the app (lib/imports/worker/pool.ts),
// run with tsx. It parses one input at a time and answers over IPC. It may be
// killed at any moment (a CPU or wall-clock limit) or die (its heap limit): the
// app only loses this process, never its own event loop or memory.
import { AppError } from "@/lib/errors";
import { runTask, type TaskError, type TaskRequest, type WorkerMessage } from "./tasks";

const send = (message: WorkerMessage) => {
  // The app may have gone away meanwhile; then there is no one to tell.
  if (process.connected) process.send!(message, undefined, {}, () => {});
};

function toTaskError(e: unknown): TaskError {
  if (e instanceof AppError) return { code: e.code, message: e.message, fields: e.fields };
  const err = e instanceof Error ? e : new Error(String(e));
  return { message: err.message, stack: err.stack };
}

async function handle(request: TaskRequest) {
  try {
    send({ type: "done", id: request.id, ok: true, value: await runTask(request) });
  } catch (e) {
    send({ type: "done", id: request.id, ok: false, error: toTaskError(e) });
  }
}

if (!process.send) {
  console.error("lib/imports/worker/entry.ts is started by the app's import worker pool, not by hand");
  process.exit(2);
}
process.on("message", (request: TaskRequest) => void handle(request));
// The app exited or stopped the pool: nothing more will come.
process.on("disconnect", () => process.exit(0));
// Loaded before "ready", so the first page is not slower than the others
// (the CPU a task is allowed is counted from the moment it is sent).
void Promise.all([import("linkedom"), import("@mozilla/readability")]).finally(() => send({ type: "ready" }));
