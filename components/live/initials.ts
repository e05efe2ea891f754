/** Up to two initials for an avatar: first and last word ("Rita Moreno" -> "RM"), or the first two letters of a single word. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = (w: string) => Array.from(w)[0] ?? "";
  if (words.length === 1) return Array.from(words[0]).slice(0, 2).join("").toUpperCase();
  return (first(words[0]) + first(words[words.length - 1])).toUpperCase();
}

/** Everyone in `users` but the viewer, each once, in a stable order (by name). */
export function othersViewing(users: ReadonlyArray<{ id: string; name: string }>, viewerId: string): Array<{ id: string; name: string }> {
  const seen = new Set<string>([viewerId]);
  const out: Array<{ id: string; name: string }> = [];
  for (const u of users) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
