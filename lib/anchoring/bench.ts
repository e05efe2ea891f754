import { splitsSurrogatePair } from "./code-points";
import { describe } from "./describe";
import { EMOJI_ARTICLE, IRAN_LINES, JAPANESE_ARTICLE, RUSSIAN_ARTICLE } from "./fixtures";
import { locate } from "./locate";
import type { Selector } from "./types";

export type AnchoringBench = {
  exactMs: number;
  editedMs: number;
  claims: number;
  textBytes: number;
  anchored: number;
  fuzzy: number;
  orphaned: number;
};

const CLAIMS = 1000;
const TARGET_UNITS = 100_000;

/** Deterministic PRNG (mulberry32) so every run measures the same work. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * ~100 KB of real prose. Sections reuse the same paragraphs in shuffled order,
 * so most quotes occur many times and must be told apart by context and
 * position, as in a live blog that repeats boilerplate.
 */
function buildArticle(random: () => number): string {
  const pool = [
    ...IRAN_LINES.filter((l) => l.length > 40),
    ...RUSSIAN_ARTICLE.split("\n"),
    ...JAPANESE_ARTICLE.split("\n"),
    ...EMOJI_ARTICLE.split("\n"),
  ];
  const out: string[] = [];
  let size = 0;
  for (let section = 1; size < TARGET_UNITS; section++) {
    const header = `Update ${section}: reporting from the newsroom, ${section * 7} minutes after the previous entry.`;
    out.push(header);
    size += header.length + 1;
    const order = pool.map((p) => ({ p, k: random() })).sort((x, y) => x.k - y.k);
    for (const { p } of order) {
      if (size >= TARGET_UNITS) break;
      out.push(p);
      size += p.length + 1;
    }
  }
  return out.join("\n");
}

function isWordChar(code: number): boolean {
  return code !== 0x20 && code !== 0x0a;
}

function makeClaims(text: string, random: () => number): Selector[] {
  const claims: Selector[] = [];
  while (claims.length < CLAIMS) {
    const r = random();
    const length = r < 0.1 ? 5 + random() * 15 : r < 0.8 ? 20 + random() * 100 : 120 + random() * 300;
    let start = Math.floor(random() * (text.length - 10));
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    let end = Math.min(text.length, start + Math.floor(length));
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (splitsSurrogatePair(text, end)) end++;
    if (end - start < 3) continue;
    claims.push(describe(text, start, end));
  }
  return claims;
}

const REPLACEMENTS = ["reportedly", "several", "officials", "announced", "Monday", "partly"];

/** Newsroom-style edits: changed words in ~5% of quotes, a paragraph cut, a paragraph added on top. */
function editArticle(text: string, claims: Selector[], random: () => number): string {
  const targets = claims.filter(() => random() < 0.05).sort((a, b) => b.start - a.start);
  let edited = text;
  let floor = Infinity; // keep edits from overlapping so each one lands where intended
  for (const claim of targets) {
    if (claim.end > floor) continue;
    const inner = text.slice(claim.start, claim.end);
    const space = inner.indexOf(" ", Math.floor(inner.length / 2));
    if (space === -1) continue;
    const wordStart = claim.start + space + 1;
    let wordEnd = wordStart;
    while (wordEnd < claim.end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    const word = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
    edited = edited.slice(0, wordStart) + word + edited.slice(wordEnd);
    floor = claim.start;
  }
  const cutFrom = edited.indexOf("\n", Math.floor(edited.length / 2)) + 1;
  const cutTo = edited.indexOf("\n", cutFrom) + 1;
  edited = edited.slice(0, cutFrom) + edited.slice(cutTo);
  return "EDITOR'S NOTE: This live blog was updated to correct the spelling of a name and to remove an unverified report.\n" + edited;
}

export async function benchAnchoring(): Promise<AnchoringBench> {
  const random = rng(20190624);
  const text = buildArticle(random);
  const claims = makeClaims(text, random);

  let t0 = performance.now();
  for (const claim of claims) locate(text, claim);
  const exactMs = performance.now() - t0;

  const edited = editArticle(text, claims, random);
  let anchored = 0;
  let fuzzy = 0;
  let orphaned = 0;
  t0 = performance.now();
  for (const claim of claims) {
    const result = locate(edited, claim);
    if (!result) orphaned++;
    else if (result.status === "ANCHORED") anchored++;
    else fuzzy++;
  }
  const editedMs = performance.now() - t0;

  return {
    exactMs,
    editedMs,
    claims: claims.length,
    textBytes: new TextEncoder().encode(text).length,
    anchored,
    fuzzy,
    orphaned,
  };
}
