/** A one-line, human summary of an audit event's changes. */
export function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value && typeof value === "object" && "from" in value && "to" in value) {
      const v = value as { from: unknown; to: unknown };
      parts.push(`${key}: ${short(v.from)} → ${short(v.to)}`);
    } else if (!["reviewId", "commentId"].includes(key)) {
      parts.push(`${key}: ${short(value)}`);
    }
  }
  return parts.join("; ");
}

function short(v: unknown): string {
  const s = v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}
