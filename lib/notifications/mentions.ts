// @mentions in comment text. Pure: no Next, no Prisma, so it runs in tests and the browser.
//
// A handle is a user's e-mail local part (`@reviewer` for reviewer@example.org)
// or their name with the spaces removed (`@EdnaEditor`), compared case-insensitively.
// An "@" inside an e-mail address (name@host) or a URL (https://x.org/@name) is no mention.

/** Characters a handle may hold: letters (any script), digits, and . _ + - ' as e-mail local parts and names use them. */
const HANDLE_CHAR = String.raw`[\p{L}\p{M}\p{N}._+'’-]`;
/** The "@" must stand at the start or after something that cannot end a word, an address or a path. */
const MENTION = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}._+'’\-/@=\\:#%&?~])@(${HANDLE_CHAR}{1,64})`, "gu");
/** URLs (scheme://… or www.…) are taken out before looking: an "@" in one is part of the address. */
const URLS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+/giu;
/** Sentence punctuation that may follow a handle without being part of it ("@reviewer.", "@ana's"). */
const TRAILING = /(?:[._+'’-]|['’]s)+$/u;

/** The lower-cased handles mentioned in `text`, each once, in order of first mention. */
export function parseMentions(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const scrubbed = text.replace(URLS, (m) => " ".repeat(m.length));
  for (const m of scrubbed.matchAll(MENTION)) {
    const handle = normalizeHandle(m[1].replace(TRAILING, ""));
    if (handle.length < 2 || seen.has(handle)) continue;
    seen.add(handle);
    out.push(handle);
  }
  return out;
}

/** How a handle compares: lower-cased, NFC. */
export function normalizeHandle(handle: string): string {
  return handle.normalize("NFC").toLocaleLowerCase("en");
}

/** The handles a user answers to: their e-mail local part and their name without spaces. */
export function handlesOf(user: { email: string; name: string }): string[] {
  const local = user.email.split("@")[0] ?? "";
  const name = user.name.replace(/\s+/gu, "");
  return [...new Set([normalizeHandle(local), normalizeHandle(name)].filter((h) => h.length > 0))];
}

/** The users whose handles `text` mentions (each once), from `candidates`. */
export function mentionedUsers<U extends { email: string; name: string }>(text: string, candidates: readonly U[]): U[] {
  const handles = new Set(parseMentions(text));
  if (!handles.size) return [];
  return candidates.filter((u) => handlesOf(u).some((h) => handles.has(h)));
}
