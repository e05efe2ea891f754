// Page titles often carry the site's name ("Story | Site", "Story - Site",
// "Site: Story"). With the site's name known (og:site_name, the JSON-LD
// publisher, application-name) it is cut off; a title that merely contains the
// name, or would be left empty, stays as it is. Pure; loops, no regex: linear.

/** Separators that never join words, so they may touch them ("Story|Site"). */
const HARD = new Set(["|", "·", "•", "»", "«"]);
/** Separators that also join words ("Anti-Site", "Q&A: Site", "and/or"): they need a space beside them. */
const SOFT_SUFFIX = new Set(["-", "–", "—", "/", "~"]);
const SOFT_PREFIX = new Set(["-", "–", "—", ":"]);

const isSpace = (c: string | undefined) => c === " " || c === "\u00a0" || c === "\t";

/** What is left must still read as a title: a few letters or digits. */
function isTitle(s: string): boolean {
  let letters = 0;
  for (const ch of s) if (/[\p{L}\p{N}]/u.test(ch) && ++letters >= 3) return true;
  return false;
}

/** title without `name` at its end, joined by a separator ("Story | Site", "Story - Site"); undefined when it is not there. */
function withoutSuffix(title: string, name: string): string | undefined {
  if (title.length <= name.length || title.slice(-name.length).toLowerCase() !== name.toLowerCase()) return undefined;
  let i = title.length - name.length;
  while (i > 0 && isSpace(title[i - 1])) i--;
  const sep = title[i - 1];
  if (HARD.has(sep)) i--;
  else if (SOFT_SUFFIX.has(sep) && isSpace(title[i - 2])) i--;
  else return undefined;
  const rest = title.slice(0, i).trim();
  return isTitle(rest) ? rest : undefined;
}

/** title without `name` at its start ("Site: Story", "Site | Story", "Site - Story"); undefined when it is not there. */
function withoutPrefix(title: string, name: string): string | undefined {
  if (title.length <= name.length || title.slice(0, name.length).toLowerCase() !== name.toLowerCase()) return undefined;
  let i = name.length;
  const spaceBefore = isSpace(title[i]);
  while (i < title.length && isSpace(title[i])) i++;
  const sep = title[i];
  const spaceAfter = isSpace(title[i + 1]);
  if (!(HARD.has(sep) || (SOFT_PREFIX.has(sep) && spaceAfter && (spaceBefore || sep === ":")))) return undefined;
  const rest = title.slice(i + 1).trim();
  return isTitle(rest) ? rest : undefined;
}

/** The title without the site's name at its end or start; unchanged when no known name is there. */
export function trimSiteName(title: string, siteNames: (string | undefined)[]): string {
  const names = siteNames.map((n) => n?.trim()).filter((n): n is string => !!n && isTitle(n));
  // Longest first: "The Guardian" before "Guardian".
  names.sort((a, b) => b.length - a.length);
  for (const name of names) {
    const cut = withoutSuffix(title, name) ?? withoutPrefix(title, name);
    if (cut) return cut;
  }
  return title;
}
