// How Verity prints dates and times, everywhere: fixed locale and zone (UTC), so
// the server render and every browser agree. The one formatter module.

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Dates print the same on the server and in every browser: fixed locale and zone. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "—" : dateFormat.format(d);
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Fixed locale and zone, so the server render and the browser agree. */
export function formatDateTime(value: Date | string | null | undefined, empty = "Never"): string {
  if (!value) return empty;
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? empty : `${dateTimeFormat.format(d)} UTC`;
}

/** "3 hours", "2 days": how long ago `from` was. */
export function formatAge(from: Date | string | null, now = Date.now()): string {
  if (!from) return "—";
  const s = Math.max(0, Math.round((now - new Date(from).getTime()) / 1000));
  const units: Array<[number, string]> = [[86_400, "day"], [3_600, "hour"], [60, "minute"]];
  for (const [size, name] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? "" : "s"}`;
  }
  return "less than a minute";
}

/** "2026-12-03 07:51" (to the minute) or "2026-12-03 07:51:20" (to the second), UTC: for logs and histories. */
export function formatTimestamp(d: Date, to: "minute" | "second" = "minute"): string {
  return d.toISOString().replace("T", " ").slice(0, to === "minute" ? 16 : 19);
}
