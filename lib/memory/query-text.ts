// What "Checked before" searches for: the text as written, plus the words run
// together in hashtags and handles ("#JeffreyEpstein" -> "Jeffrey Epstein",
// "#BoycottCVS" -> "Boycott CVS"), which reviewers paste along with social
// posts and which the stemmer would otherwise see as one unknown word. Pure.

const TAGGED = /[#@]([\p{L}\p{N}_]{4,60})/gu;

/** Splits a run-together word at case changes, digits and underscores: "BoycottOliveGarden2020" -> "Boycott Olive Garden 2020". */
export function splitCompound(word: string): string[] {
  return word
    .replace(/_/g, " ")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2")
    .split(/\s+/)
    .filter(Boolean);
}

/** The text with each hashtag's or handle's parts added after it (the tag itself is kept). */
export function expandTags(text: string): string {
  return text.replace(TAGGED, (whole, word: string) => {
    const parts = splitCompound(word);
    return parts.length > 1 ? `${whole} (${parts.join(" ")})` : whole;
  });
}
