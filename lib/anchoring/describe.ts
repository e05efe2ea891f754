import { splitsSurrogatePair } from "./code-points";
import { CONTEXT_LENGTH, type Selector } from "./types";

/**
 * Builds the selector stored for a claim covering text.slice(start, end).
 *
 * Throws a RangeError for non-integer or out-of-order offsets, and for offsets that
 * fall inside a surrogate pair: such a range cannot be highlighted faithfully and
 * locate() promises never to return one, so it is rejected at the source.
 */
export function describe(text: string, start: number, end: number): Selector {
  if (typeof text !== "string") throw new RangeError("text must be a string");
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`offsets must be integers, got ${start}..${end}`);
  }
  if (start < 0 || start >= end || end > text.length) {
    throw new RangeError(`need 0 <= start < end <= ${text.length}, got ${start}..${end}`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new RangeError(`range ${start}..${end} splits a surrogate pair`);
  }

  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;

  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}
