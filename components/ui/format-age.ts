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
