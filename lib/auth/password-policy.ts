// The password rule for every password a person chooses (account page, admin
// reset, first-admin setup, new users): long enough, not the published demo
// password, and not easy to guess by zxcvbn's estimate (score 3 of 4: "safely
// unguessable", about 10^8 guesses and up). Server-side: the dictionaries are
// too large for the browser bundle; the forms show the server's message.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/users/schema";

export const MIN_SCORE = 3;
/** bcrypt reads only a password's first 72 bytes: those are what must be strong. */
const BCRYPT_BYTES = 72;
export const PUBLISHED_DEMO_PASSWORD = "verity-demo";

let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    // zxcvbn's matching grows faster than linearly with length; bcrypt sees 72 bytes anyway.
    maxLength: BCRYPT_BYTES,
  });
  return checker;
}

/** The part of a password bcrypt actually uses (whole characters within 72 UTF-8 bytes). */
export function bcryptEffective(password: string): string {
  let bytes = 0;
  let out = "";
  for (const ch of password) {
    bytes += Buffer.byteLength(ch);
    if (bytes > BCRYPT_BYTES) break;
    out += ch;
  }
  return out;
}

function sentence(s: string): string {
  const t = s.trim().replace(/\.$/, "");
  return t ? `${t.charAt(0).toLowerCase()}${t.slice(1)}` : "";
}

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Why `password` may not be used, as a field message ("is too easy to guess
 * …"), or null when it is fine. `person` is what an attacker tries first.
 */
export function passwordWeakness(password: string, person: { email?: string; name?: string } = {}, demoPassword = PUBLISHED_DEMO_PASSWORD): string | null {
  if ([...password].length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (password === demoPassword || password === PUBLISHED_DEMO_PASSWORD) return "is the published demo password; choose your own";
  const effective = bcryptEffective(password);
  const flat = letters(effective);
  // Whole identifiers only (a short first name inside a long phrase is zxcvbn's to weigh).
  const email = letters(person.email ?? "");
  const local = letters(person.email?.split("@")[0] ?? "");
  if ((email && flat.includes(email)) || (local.length >= 6 && flat.includes(local))) return "must not contain your email address";
  const name = letters(person.name ?? "");
  if (name.length >= 6 && flat.includes(name)) return "must not contain your name";
  const personal = [person.email ?? "", person.name ?? ""];
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  const result = zxcvbn().check(effective, [...words, "verity", "fact", "check", "factcheck"]);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? sentence(result.feedback.warning) : "";
  const tips = result.feedback.suggestions.map((s) => s.trim()).filter(Boolean).join(" ");
  const why = warning ? `is too easy to guess (${warning}).` : "is too easy to guess.";
  return `${why} ${tips || "Use a few unrelated words, or a longer phrase."}`.trim();
}
