import { describe as suite, expect, it, vi } from "vitest";
import { describe } from "./describe";
import { EMOJI_ARTICLE, IRAN_ARTICLE as IRAN, JAPANESE_ARTICLE, RUSSIAN_ARTICLE } from "@/tests/fixtures/anchoring";
import { locate, locateStrict } from "./locate";
import type { AnchorStatus } from "./types";

type Edit = (text: string) => string;
type Expected = null | { status: AnchorStatus; text: string; nth?: number };
type Case = {
  name: string;
  text: string;
  /** The claim's quote in `text` (its `nth` occurrence); describe() builds the selector. */
  quote?: string;
  nth?: number;
  /** A hand-made selector instead of describe(); used for invalid input. */
  raw?: unknown;
  edit?: Edit;
  /** The edit puts another occurrence of the quote at the stored offset: checked, so the case keeps testing that. */
  stale?: true;
  expected: Expected;
};

function nthIndex(text: string, needle: string, nth = 0): number {
  let i = text.indexOf(needle);
  for (let k = 0; k < nth && i !== -1; k++) i = text.indexOf(needle, i + 1);
  if (i === -1) throw new Error(`fixture: occurrence ${nth} of ${JSON.stringify(needle)} not found`);
  return i;
}

/** Replace the first occurrence; throws when absent so a typo in a fixture cannot pass silently. */
const sub =
  (from: string, to: string): Edit =>
  (text) => (nthIndex(text, from), text.replace(from, () => to));
const top =
  (inserted: string): Edit =>
  (text) => inserted + text;
const both =
  (...edits: Edit[]): Edit =>
  (text) => edits.reduce((acc, edit) => edit(acc), text);

const anchored = (text: string, nth?: number): Expected => ({ status: "ANCHORED", text, nth });
const fuzzy = (text: string): Expected => ({ status: "FUZZY", text });

const NEW_PARA = "UPDATE: This article has been updated with comment from the State Department.\n";
const STUX = "which targeted Iran's nuclear facilities in November 2007";
const LAST = "Last year we neutralized 33 million attacks with the (national) firewall";
const KNOWN = "the first publicly known example of a virus used to attack industrial machinery";
const STUX_LINE = IRAN.split("\n").find((l) => l.startsWith("Stuxnet, widely"))!;
const TRUMP_PARA = IRAN.split("\n").find((l) => l.startsWith("Throughout the recent crisis"))!;
const LONG_SENTENCE =
  "In a separate statement, the ministry said its engineers had traced several of the intrusion attempts to servers abroad and would publish a technical report once the investigation was complete, adding that no data had been lost. ";

// The same sentence twice, with 32+ units of identical context around the quote.
const REPEATED_SENTENCE =
  "Officials confirmed on Monday that the council will vote on the budget next Tuesday, after weeks of delay and public protest.";
const REPEATED = [
  "City hall was quiet this morning.",
  REPEATED_SENTENCE,
  "Roads, bridges and the harbour dredging programme were also on the agenda of the regional transport committee.",
  REPEATED_SENTENCE,
  "Closing remarks.",
].join("\n");
const VOTE = "vote on the budget next Tuesday";

// Short quotes that recur, as they do in news: "the people", a year, "we can not".
const PEOPLE = [
  "Thousands marched through the old town on Saturday. Police put the crowd at twelve thousand; organisers said nearly twice that, and that the turnout had surprised even them. Shops along the route closed early, the trams were stopped for most of the afternoon, and a brass band from the shipyard led the way past the town hall to the harbour.",
  "“This city belongs to the people.” Maria Costa, who helped plan the march, said the protest was about rents as much as the harbour.",
  "The council has promised a public consultation before any final decision on the harbour development.",
  "Its leader, Tom Reyes, said the plan had always been to listen to the people.",
].join("\n");
const CAN_NOT = [
  "Nurses at the city hospital walked out on Tuesday. Their leader said we can not keep asking staff to work double shifts.",
  "Management said it had offered a new rota and more pay for night work, and that talks would continue.",
  "By the evening the message from the picket line was the same: we can not accept a deal that leaves the wards short.",
].join("\n");
const YEAR = [
  "2019 was the year the city finally balanced its books, the treasurer said on Monday.",
  "Revenue rose in 2019 and again in 2020, helped by the new port levy.",
].join("\n");

/** A headline of exactly `length` units, newline included. */
function headline(length: number): string {
  const words = "UPDATED: this story now includes comment from the council and the police. ";
  return words.repeat(Math.ceil(length / words.length)).slice(0, length - 1) + "\n";
}
/** Prepends a headline exactly as long as the gap between occurrences nth - 1 and nth, so nth - 1 lands where nth was. */
const headlineOnto =
  (quote: string, nth: number): Edit =>
  (text) => top(headline(nthIndex(text, quote, nth) - nthIndex(text, quote, nth - 1)))(text);
/** Cuts text starting at `at`, exactly as much as the gap between occurrences nth and nth + 1, so nth + 1 lands where nth was. */
const cutOnto =
  (quote: string, nth: number, at: string): Edit =>
  (text) => {
    const from = nthIndex(text, at);
    const to = from + nthIndex(text, quote, nth + 1) - nthIndex(text, quote, nth);
    if (to > nthIndex(text, quote, nth) - 32) throw new Error("fixture: the cut must end before the quote's prefix");
    return text.slice(0, from) + text.slice(to);
  };
/** Replaces occurrence `nth` of `from`. */
const subNth =
  (from: string, to: string, nth: number): Edit =>
  (text) => {
    const i = nthIndex(text, from, nth);
    return text.slice(0, i) + to + text.slice(i + from.length);
  };

const cases: Case[] = [
  // Unchanged text.
  { name: "seed: unchanged", text: IRAN, quote: STUX, expected: anchored(STUX) },
  { name: "seed: unchanged, 1st of a repeated quote", text: IRAN, quote: LAST, nth: 0, expected: anchored(LAST, 0) },
  { name: "seed: unchanged, 2nd of a repeated quote", text: IRAN, quote: LAST, nth: 1, expected: anchored(LAST, 1) },
  // Insertions and deletions before the quote.
  { name: "seed: paragraph inserted at top", text: IRAN, quote: STUX, edit: top(NEW_PARA), expected: anchored(STUX) },
  { name: "seed: words inserted earlier in the same paragraph", text: IRAN, quote: STUX, edit: sub("Azari Jahromi called", "Speaking in Tehran, Azari Jahromi called"), expected: anchored(STUX) },
  { name: "seed: paragraph deleted before", text: IRAN, quote: STUX, edit: sub("The United States is expected to announce another round of new sanctions this week.\n", ""), expected: anchored(STUX) },
  { name: "seed: header deleted, prefix context gone", text: IRAN, quote: "TEHRAN (Dispatches) -- Iran said on Monday", edit: (t) => t.slice(t.indexOf("TEHRAN")), expected: anchored("TEHRAN (Dispatches) -- Iran said on Monday") },
  // Repeated quotes told apart by context, even when the wrong one is nearer.
  { name: "seed: repeated quote #1 after insertion at top", text: IRAN, quote: LAST, nth: 0, edit: top(NEW_PARA), expected: anchored(LAST, 0) },
  { name: "seed: repeated quote #2 after insertion at top", text: IRAN, quote: LAST, nth: 1, edit: top(NEW_PARA), expected: anchored(LAST, 1) },
  { name: "seed: repeated quote #2, #1 now nearer the old offset", text: IRAN, quote: LAST, nth: 1, edit: sub('"We have been facing', LONG_SENTENCE + '"We have been facing'), expected: anchored(LAST, 1) },
  { name: "seed: repeated quote #1, #2 now nearer the old offset", text: IRAN, quote: LAST, nth: 0, edit: sub(IRAN.split("\n")[7] + "\n", ""), expected: anchored(LAST, 0) },
  // Repeated quotes with identical context: nearness decides.
  { name: "repeat: #1 after insertion at top", text: REPEATED, quote: VOTE, nth: 0, edit: top(NEW_PARA), expected: anchored(VOTE, 0) },
  { name: "repeat: #2 after insertion at top", text: REPEATED, quote: VOTE, nth: 1, edit: top(NEW_PARA), expected: anchored(VOTE, 1) },
  { name: "repeat: #2 after deletion before both", text: REPEATED, quote: VOTE, nth: 1, edit: sub("City hall was quiet this morning.\n", ""), expected: anchored(VOTE, 1) },
  { name: "repeat: #2 after insertion between them", text: REPEATED, quote: VOTE, nth: 1, edit: sub("Roads, bridges", "Also, roads, bridges"), expected: anchored(VOTE, 1) },
  // A stale position: the edit puts another occurrence of the quote where the claim's used to be.
  { name: "stale: headline prepended, the 1st \"the people\" lands on the 2nd's offset", text: PEOPLE, quote: "the people", nth: 1, edit: headlineOnto("the people", 1), stale: true, expected: anchored("the people", 1) },
  { name: "stale: text cut above, the 2nd \"the people\" lands on the 1st's offset", text: PEOPLE, quote: "the people", nth: 0, edit: cutOnto("the people", 0, "Police put"), stale: true, expected: anchored("the people", 0) },
  { name: "stale: repeated year, headline prepended", text: IRAN, quote: "2019", nth: 1, edit: headlineOnto("2019", 1), stale: true, expected: anchored("2019", 1) },
  { name: "stale: seed repeated quote #1, words cut in an earlier paragraph", text: IRAN, quote: LAST, nth: 0, edit: cutOnto(LAST, 0, "in what the Trump"), stale: true, expected: anchored(LAST, 0) },
  { name: "stale: \"we can not\" twice, headline prepended", text: CAN_NOT, quote: "we can not", nth: 1, edit: headlineOnto("we can not", 1), stale: true, expected: anchored("we can not", 1) },
  { name: "stale: context only partly agrees at the right occurrence, and not at all at the old offset", text: CAN_NOT, quote: "we can not", nth: 1, edit: both(headlineOnto("we can not", 1), sub("not accept a deal", "not sign a deal")), stale: true, expected: anchored("we can not", 1) },
  { name: "stale: quote at the very start, a heading with the same words prepended", text: YEAR, quote: "2019", nth: 0, edit: top("2019 in review\n"), stale: true, expected: anchored("2019", 1) },
  { name: "stale: quote at the very end (no suffix), headline prepended", text: PEOPLE, quote: "the people.", nth: 1, edit: headlineOnto("the people.", 1), stale: true, expected: anchored("the people.", 1) },
  // Identical copies with identical context: nothing but the position tells them apart.
  { name: "ambiguous: repeated sentence, the other copy lands on the old offset and wins", text: REPEATED, quote: VOTE, nth: 1, edit: headlineOnto(VOTE, 1), stale: true, expected: anchored(VOTE, 0) },
  // The words are found, but not in their place.
  { name: "place: neighbouring words changed on one side, the other side agrees", text: IRAN, quote: STUX, edit: sub("November 2007.\n", "November 2007, researchers say.\n"), expected: anchored(STUX) },
  { name: "place: short quote whose context is gone, same words elsewhere", text: IRAN, quote: "2019", nth: 1, edit: sub("24 June 2019 - 21:57", "24/06/19 at 21:57"), expected: null },
  { name: "place: whole paragraph moved between other paragraphs", text: IRAN, quote: TRUMP_PARA, edit: (t) => sub(TRUMP_PARA + "\n", "")(t).replace(STUX_LINE + "\n", () => STUX_LINE + "\n" + TRUMP_PARA + "\n"), expected: fuzzy(TRUMP_PARA) },
  { name: "place: quote changed where its context is, unchanged copy elsewhere", text: IRAN, quote: LAST, nth: 1, edit: subNth(LAST, LAST.replace("33 million", "35 million"), 1), expected: fuzzy(LAST.replace("33 million", "35 million")) },
  // Changed words.
  { name: "seed: typos inside the quote", text: IRAN, quote: STUX, edit: sub("targeted Iran's nuclear facilities", "targetted Iran's nuclear facilites"), expected: fuzzy("which targetted Iran's nuclear facilites in November 2007") },
  { name: "seed: one word changed inside the quote", text: IRAN, quote: KNOWN, edit: sub("publicly known example", "publicly documented example"), expected: fuzzy(KNOWN.replace("known", "documented")) },
  { name: "seed: word changed and paragraph inserted at top", text: IRAN, quote: STUX, edit: both(top(NEW_PARA), sub("in November 2007", "in June 2009")), expected: fuzzy("which targeted Iran's nuclear facilities in June 2009") },
  { name: "seed: too many changes", text: IRAN, quote: KNOWN, edit: sub(KNOWN, "an early, widely reported case of malware built to sabotage factory equipment"), expected: null },
  { name: "seed: quote rewritten beyond 20% edits", text: IRAN, quote: STUX, edit: sub(STUX, "which hit Iranian nuclear sites in late 2007"), expected: null },
  // Whitespace, quotes and dashes.
  { name: "seed: extra spaces inside", text: IRAN, quote: STUX, edit: sub(STUX, "which  targeted Iran's nuclear   facilities in November 2007"), expected: anchored("which  targeted Iran's nuclear   facilities in November 2007") },
  { name: "seed: re-wrapped with a newline", text: IRAN, quote: STUX, edit: sub("nuclear facilities", "nuclear\nfacilities"), expected: anchored("which targeted Iran's nuclear\nfacilities in November 2007") },
  { name: "seed: NBSP and tab", text: IRAN, quote: STUX, edit: both(top(NEW_PARA), sub("November 2007", "November\u00a02007"), sub("which targeted", "which\ttargeted")), expected: anchored("which\ttargeted Iran's nuclear facilities in November\u00a02007") },
  { name: "seed: whitespace run at the quote's leading edge", text: IRAN, quote: " which targeted Iran's nuclear", edit: sub("machinery, which", "machinery,\t\nwhich"), expected: anchored("\t\nwhich targeted Iran's nuclear") },
  { name: "seed: curly closing quote made straight", text: IRAN, quote: "have not carried out a successful attack,” Muhammad", edit: sub("attack,”", 'attack,"'), expected: anchored('have not carried out a successful attack," Muhammad') },
  { name: "seed: straight apostrophe made curly", text: IRAN, quote: STUX, edit: sub("Iran's nuclear", "Iran’s nuclear"), expected: anchored("which targeted Iran’s nuclear facilities in November 2007") },
  { name: "seed: both quote marks changed, repeated quote", text: IRAN, quote: `"${LAST}.”`, edit: sub(`"${LAST}.”`, `“${LAST}.”`), expected: anchored(`“${LAST}.”`) },
  { name: "seed: hyphen to en dash", text: IRAN, quote: "facing cyber-terrorism for a long time", edit: sub("facing cyber-terrorism", "facing cyber–terrorism"), expected: anchored("facing cyber–terrorism for a long time") },
  { name: "seed: hyphen to em dash", text: IRAN, quote: "U.S.-Iran relations have deteriorated", edit: sub("U.S.-Iran", "U.S.—Iran"), expected: anchored("U.S.—Iran relations have deteriorated") },
  { name: "seed: hyphen to non-breaking hyphen", text: IRAN, quote: "regional and trans-regional countries", edit: sub("trans-regional", "trans\u2011regional"), expected: anchored("regional and trans\u2011regional countries") },
  { name: "seed: hyphen to minus sign", text: IRAN, quote: "U.S. Navy RQ-4A global Hawk drone", edit: sub("RQ-4A", "RQ\u22124A"), expected: anchored("U.S. Navy RQ\u22124A global Hawk drone") },
  { name: "seed: paragraph moved to the end, with a typo", text: IRAN, quote: "was discovered in 2010 after it was used to attack a uranium enrichment facility", edit: (t) => sub(STUX_LINE + "\n", "")(t) + "\n" + STUX_LINE.replace("uranium", "uranum"), expected: fuzzy("was discovered in 2010 after it was used to attack a uranum enrichment facility") },
  // Deleted paragraphs.
  { name: "seed: paragraph holding the quote deleted", text: IRAN, quote: "was discovered in 2010 after it was used to attack a uranium enrichment facility", edit: sub(STUX_LINE + "\n", ""), expected: null },
  { name: "seed: Stuxnet paragraph deleted", text: IRAN, quote: STUX, edit: sub(IRAN.split("\n")[11] + "\n", ""), expected: null },
  // Edges of the text.
  { name: "seed: quote at the very start", text: IRAN, quote: "Friday 22 November 2019", expected: anchored("Friday 22 November 2019", 0) },
  { name: "seed: quote at the start, text inserted above", text: IRAN, quote: "Friday 22 November 2019", edit: top(NEW_PARA), expected: anchored("Friday 22 November 2019") },
  { name: "seed: quote at the start with a typo", text: IRAN, quote: "Friday 22 November 2019", edit: sub("Friday", "Fridya"), expected: fuzzy("Fridya 22 November 2019") },
  { name: "seed: quote at the very end", text: IRAN, quote: "* Comment:", expected: anchored("* Comment:") },
  { name: "seed: quote at the end, text deleted above", text: IRAN, quote: "* Comment:", edit: sub(IRAN.split("\n")[5] + "\n", ""), expected: anchored("* Comment:") },
  { name: "seed: quote at the end with a typo", text: IRAN, quote: "the lifting of sanctions.\n\n* Comment:", edit: sub("of sanctions.", "of sanction."), expected: fuzzy("the lifting of sanction.\n\n* Comment:") },
  // Long quotes.
  { name: "seed: whole paragraph, one word changed", text: IRAN, quote: TRUMP_PARA, edit: sub("has wavered", "has swung"), expected: fuzzy(TRUMP_PARA.replace("has wavered", "has swung")) },
  { name: "seed: whole paragraph, typo and text inserted above", text: IRAN, quote: TRUMP_PARA, edit: both(top(NEW_PARA), sub("accommodating", "acommodating")), expected: fuzzy(TRUMP_PARA.replace("accommodating", "acommodating")) },
  { name: "seed: whole paragraph, moved by a deletion", text: IRAN, quote: TRUMP_PARA, edit: sub(STUX_LINE + "\n", ""), expected: anchored(TRUMP_PARA) },
  // Non-Latin scripts.
  { name: "ru: unchanged", text: RUSSIAN_ARTICLE, quote: "первые новые вагоны выйдут на линию уже осенью", expected: anchored("первые новые вагоны выйдут на линию уже осенью") },
  { name: "ru: paragraph inserted at top", text: RUSSIAN_ARTICLE, quote: "первые новые вагоны выйдут на линию уже осенью", edit: top("Обновлено в 14:00.\n"), expected: anchored("первые новые вагоны выйдут на линию уже осенью") },
  { name: "ru: typo inside", text: RUSSIAN_ARTICLE, quote: "первые новые вагоны выйдут на линию уже осенью", edit: sub("выйдут", "выйдет"), expected: fuzzy("первые новые вагоны выйдет на линию уже осенью") },
  { name: "ru: guillemets made straight", text: RUSSIAN_ARTICLE, quote: "«Мы ждали этого десять лет»", edit: sub("«Мы ждали этого десять лет»", '"Мы ждали этого десять лет"'), expected: anchored('"Мы ждали этого десять лет"') },
  { name: "ru: em dash made a hyphen", text: RUSSIAN_ARTICLE, quote: "рублей — это вдвое больше", edit: sub("рублей — это", "рублей - это"), expected: anchored("рублей - это вдвое больше") },
  { name: "ru: repeated phrase, 2nd occurrence", text: RUSSIAN_ARTICLE, quote: "Городские власти объявили", nth: 1, edit: top("Обновлено в 14:00.\n"), expected: anchored("Городские власти объявили", 1) },
  { name: "ja: unchanged", text: JAPANESE_ARTICLE, quote: "首都直下地震が発生した場合", expected: anchored("首都直下地震が発生した場合") },
  { name: "ja: paragraph inserted at top", text: JAPANESE_ARTICLE, quote: "首都直下地震が発生した場合", edit: top("【速報】\n"), expected: anchored("首都直下地震が発生した場合") },
  { name: "ja: one character changed", text: JAPANESE_ARTICLE, quote: "都は避難所の数を増やし、食料や水の備蓄を強化する方針だ", edit: sub("増やし", "増加し"), expected: fuzzy("都は避難所の数を増加し、食料や水の備蓄を強化する方針だ") },
  // Emoji (surrogate pairs) and combining accents.
  { name: "emoji: emoji inserted before the quote", text: EMOJI_ARTICLE, quote: "business is booming", edit: sub("say business", "say ☕🎉 business"), expected: anchored("business is booming", 0) },
  { name: "emoji: quote containing an emoji, shifted", text: EMOJI_ARTICLE, quote: "booming 🔥 this winter", edit: top("🚨🚨 Live\n"), expected: anchored("booming 🔥 this winter", 0) },
  { name: "emoji: quote right after a flag, shifted", text: EMOJI_ARTICLE, quote: "say business is booming", edit: top("📰 "), expected: anchored("say business is booming") },
  { name: "emoji: ZWJ sequence in the quote", text: EMOJI_ARTICLE, quote: "👩‍💻 Developers flocked", edit: top("📰 "), expected: anchored("👩‍💻 Developers flocked") },
  { name: "accents: decomposed accent in the quote, shifted", text: EMOJI_ARTICLE, quote: "Vale\u0301rie Plante, called it", edit: top("📰 "), expected: anchored("Vale\u0301rie Plante, called it", 0) },
  { name: "accents: typo next to combining accents", text: EMOJI_ARTICLE, quote: "Vale\u0301rie Plante, called it “a turning point", edit: sub("turning", "turnin"), expected: fuzzy("Vale\u0301rie Plante, called it “a turnin point") },
  { name: "accents: NFD accent recomposed to NFC", text: EMOJI_ARTICLE, quote: "Cafe\u0301 owners in Montre\u0301al", edit: sub("Cafe\u0301", "Caf\u00e9"), expected: fuzzy("Caf\u00e9 owners in Montre\u0301al") },
  { name: "emoji: emoji replaced inside the quote", text: EMOJI_ARTICLE, quote: "since the re\u0301novation began 📈", edit: sub("began 📈", "began 📉"), expected: fuzzy("since the re\u0301novation began 📉") },
  // Invalid selectors never throw.
  { name: "invalid: empty exact", text: IRAN, raw: { exact: "", prefix: "", suffix: "", start: 0, end: 0 }, expected: null },
  { name: "invalid: null selector", text: IRAN, raw: null, expected: null },
  { name: "invalid: empty object", text: IRAN, raw: {}, expected: null },
  { name: "invalid: exact is not a string", text: IRAN, raw: { exact: 42, prefix: 1, suffix: null, start: 0, end: 2 }, expected: null },
  { name: "invalid: NaN offsets, quote still found", text: IRAN, raw: { exact: STUX, prefix: "", suffix: "", start: Number.NaN, end: Number.NaN }, expected: anchored(STUX) },
  { name: "invalid: negative and out-of-range offsets", text: IRAN, raw: { exact: STUX, prefix: "", suffix: "", start: -50, end: 1e9 }, expected: anchored(STUX) },
  { name: "invalid: start after end", text: IRAN, raw: { exact: STUX, prefix: 7, suffix: [], start: 900, end: 10 }, expected: anchored(STUX) },
  { name: "invalid: short quote not in the text", text: IRAN, raw: { exact: "zqx", prefix: "", suffix: "", start: 0, end: 3 }, expected: null },
  { name: "invalid: lone surrogate as the quote", text: EMOJI_ARTICLE, raw: { exact: "\ud83d", prefix: "", suffix: "", start: 0, end: 1 }, expected: null },
];

suite("locate", () => {
  it("has a broad table of cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases)("$name", ({ text, quote, nth, raw, edit, stale, expected }) => {
    let selector = raw;
    if (quote !== undefined) {
      const start = nthIndex(text, quote, nth);
      selector = describe(text, start, start + quote.length);
    }
    const edited = edit ? edit(text) : text;
    if (stale) expect(edited.startsWith(quote!, nthIndex(text, quote!, nth))).toBe(true);
    // The strict entry point: a bug that throws must fail the case, not pass as null.
    const result = locateStrict(edited, selector);
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    const { start, end, status } = result!;
    expect(edited.slice(start, end)).toBe(expected.text);
    expect(status).toBe(expected.status);
    if (expected.nth !== undefined) expect(start).toBe(nthIndex(edited, expected.text, expected.nth));
  });
});

suite("locate's safety net", () => {
  it("turns an unexpected error into null (ORPHANED) and logs it; locateStrict lets it through", () => {
    // No JSON selector has getters: this stands in for a bug deep in the search.
    const selector = {
      get exact(): string {
        throw new Error("boom");
      },
    };
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() => locateStrict(IRAN, selector)).toThrow("boom");
      expect(locate(IRAN, selector)).toBeNull();
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      log.mockRestore();
    }
  });
});
