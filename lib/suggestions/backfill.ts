import "server-only";
import { prisma } from "@/lib/db";
import { ensureSuggestions } from "./store";

// Articles not yet ranked for suggestions, ranked in the background: an import
// job's articles once its items are in (the job is done when its articles are
// readable; ranking 1,000 of them takes ~40 s more), and articles stored before
// suggestions existed. Newest first, in the import worker pool, one at a time
// (imports keep the pool's other worker). Nothing here is held in memory between
// passes: the article's suggestionsRevision is the state, so a pass cut short by
// a restart is taken up by the next, on any instance. Two instances ranking one
// article at once store it once (ensureSuggestions' row lock and check).

const BATCH = 20;
/**
 * Articles ranked at once. One: the import worker pool (lib/imports/worker/pool.ts) has two
 * processes, and the other is left to imports. With two, a running import waited behind
 * ranking (an item at 4 of 5 for over 30 s in a browser test, when long texts were being ranked).
 */
const LANES = 1;

export type BackfillResult = { ranked: number; failed: number };

const log = (...args: unknown[]) => console.error("[verity] suggestions:", ...args);

/** Ranks every article whose current revision is not ranked yet; returns how many it ranked and how many failed. */
export async function rankPendingSuggestions(opts: { signal?: AbortSignal } = {}): Promise<BackfillResult> {
  const result: BackfillResult = { ranked: 0, failed: 0 };
  // One that failed (its text made the worker give up) is not retried in this pass.
  const failed: string[] = [];
  for (;;) {
    if (opts.signal?.aborted) return result;
    const rows = await prisma.article.findMany({
      where: { suggestionsRevision: null, ...(failed.length ? { id: { notIn: failed } } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: BATCH,
      select: { id: true },
    });
    if (rows.length === 0) return result;
    const queue = rows.map((r) => r.id);
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        for (let id = queue.shift(); id !== undefined && !opts.signal?.aborted; id = queue.shift()) {
          try {
            await ensureSuggestions(id);
            result.ranked++;
          } catch (e) {
            result.failed++;
            failed.push(id);
            log(`ranking article ${id} failed:`, (e as Error).message);
          }
        }
      }),
    );
  }
}

type State = { running: Promise<void> | null; again: boolean; abort: AbortController };
const g = globalThis as unknown as { veritySuggestionBackfill?: State };

function state(): State {
  g.veritySuggestionBackfill ??= { running: null, again: false, abort: new AbortController() };
  return g.veritySuggestionBackfill;
}

/** Starts a pass in the background; one already running makes another pass when it ends. */
export function kickSuggestionBackfill(): void {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  const run = async () => {
    do {
      s.again = false;
      await rankPendingSuggestions({ signal: s.abort.signal });
    } while (s.again && !s.abort.signal.aborted);
  };
  s.running = run()
    .catch((e) => log("the background pass stopped:", (e as Error).message))
    .finally(() => {
      s.running = null;
    });
}

/** Stops the background pass between articles (shutdown); resolves when it has. */
export async function stopSuggestionBackfill(): Promise<void> {
  const s = g.veritySuggestionBackfill;
  if (!s) return;
  s.abort.abort();
  await s.running;
  g.veritySuggestionBackfill = undefined;
}
