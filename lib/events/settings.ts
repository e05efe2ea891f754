import "server-only";

// Live-update settings. Read here rather than in lib/env.ts: they only tune the
// listener, and a bad value falls back to the default with a warning.
function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.warn(`[verity] ${name}=${raw} is not a whole number from ${min} to ${max}; using ${fallback}`);
    return fallback;
  }
  return n;
}

export const eventSettings = () => ({
  /** EVENTS_RETENTION_MINUTES: how long the outbox keeps events for resuming streams (default 60). */
  retentionMinutes: int("EVENTS_RETENTION_MINUTES", 60, 1, 7 * 24 * 60),
  /** How often the sequencer moves committed changes into the outbox (ms). */
  sequenceMs: int("EVENTS_SEQUENCE_MS", 40, 5, 2_000),
  heartbeatMs: 15_000,
  /** A presence row not refreshed for this long is stale (its stream's instance died). */
  presenceStaleSeconds: 45,
  /** A stream is closed after this long; the browser reconnects (re-authorised) and resumes. */
  streamMaxMs: 10 * 60_000,
});
