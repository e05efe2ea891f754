// The block structure over an article's canonical text. Pure.

export const BLOCK_TYPES = ["paragraph", "heading", "quote", "list-item", "preformatted"] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** One block: a [start, end) range of the text, in UTF-16 code units. */
export type Block = { type: BlockType; start: number; end: number; level?: number };

/** `lineBreaks`: each "\n" in the text is a line break of the source (an HTML <br>) and is kept; otherwise newlines are spaces. */
export type DraftBlock = { type: BlockType; text: string; level?: number; lineBreaks?: boolean };

/** Separator between blocks in the canonical text. */
export const BLOCK_SEPARATOR = "\n\n";

const isBlank = (c: number) => c === 0x20 || c === 0x09;
// What `$` matches before under the m flag, \r aside (already turned into \n).
const isLineEnd = (c: number) => c === 0x0a || c === 0x2028 || c === 0x2029;

/**
 * Drops the spaces and tabs that end each line, then the newlines that start and
 * end the text. A loop, not `/[ \t]+$/gm` and `/\n+$/`: those retry from every
 * position of a run that is not at a line end, quadratic in the run's length
 * (60 KB of spaces in a <pre> took 21 s).
 */
function trimPreformatted(text: string): string {
  const kept: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (!isBlank(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isBlank(text.charCodeAt(j))) j++;
    if (j === text.length || isLineEnd(text.charCodeAt(j))) {
      kept.push(text.slice(from, i));
      from = j;
    }
    i = j;
  }
  kept.push(text.slice(from));
  const joined = kept.join("");
  let start = 0;
  let end = joined.length;
  while (start < end && joined.charCodeAt(start) === 0x0a) start++;
  while (end > start && joined.charCodeAt(end - 1) === 0x0a) end--;
  return joined.slice(start, end);
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

/**
 * Collapses whitespace runs inside a block: "flow" turns newlines into spaces
 * too; "lines" keeps each "\n" as one line break (an HTML <br>; blank lines
 * and the blanks around a break go); "preformatted" keeps the text's layout.
 */
export function cleanBlockText(text: string, mode: "flow" | "lines" | "preformatted" = "flow"): string {
  if (mode === "preformatted") return trimPreformatted(text.replace(/\r\n?/g, "\n"));
  if (mode === "flow") return collapse(text);
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    const c = collapse(line);
    if (c) lines.push(c);
  }
  return lines.join("\n");
}

/** Joins draft blocks into the canonical text and its block ranges; empty blocks are dropped. */
export function assemble(drafts: DraftBlock[]): { text: string; blocks: Block[] } {
  let text = "";
  const blocks: Block[] = [];
  for (const d of drafts) {
    const body = cleanBlockText(d.text, d.type === "preformatted" ? "preformatted" : d.lineBreaks ? "lines" : "flow");
    if (!body) continue;
    if (text) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += body;
    blocks.push({ type: d.type, start, end: text.length, ...(d.level ? { level: d.level } : {}) });
  }
  return { text, blocks };
}

/**
 * Plain text to blocks. Paragraphs are separated by blank lines; text without
 * blank lines (one paragraph per line, as wire copy often is) splits per line.
 */
export function blocksFromPlainText(raw: string): { text: string; blocks: Block[] } {
  const text = raw.replace(/\r\n?/g, "\n");
  const hasBlankLines = /\n[ \t\u00a0]*\n/.test(text.trim());
  const parts = hasBlankLines ? text.split(/\n[ \t\u00a0]*\n+/) : text.split("\n");
  return assemble(parts.map((p) => ({ type: "paragraph" as const, text: p })));
}

/** Checks a stored block list against its text (used when reading untrusted JSON). */
export function isValidBlocks(blocks: unknown, textLength: number): blocks is Block[] {
  if (!Array.isArray(blocks)) return false;
  let last = 0;
  for (const b of blocks) {
    if (!b || typeof b !== "object") return false;
    const { type, start, end } = b as Block;
    if (!BLOCK_TYPES.includes(type)) return false;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < last || end <= start || end > textLength) return false;
    last = end;
  }
  return true;
}
