const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Fixed locale and zone, so the server render and the browser agree. */
export function formatDateTime(value: string | null | undefined, empty = "Never"): string {
  if (!value) return empty;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? empty : `${dateTimeFormat.format(d)} UTC`;
}
