// Web Annotation (W3C) TextPositionSelector counts Unicode code points, while
// everything else in Verity counts UTF-16 code units; these convert between the two.

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

function assertOffset(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer in [0, ${max}], got ${value}`);
  }
}

/**
 * Number of code points in text.slice(0, utf16Offset). An offset inside a
 * surrogate pair rounds down to the start of that code point, so the result is
 * always a valid code point index. Lone surrogates count as one code point each,
 * matching `for...of` / `Array.from` semantics.
 */
export function utf16ToCodePointOffset(text: string, utf16Offset: number): number {
  assertOffset("utf16Offset", utf16Offset, text.length);
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    if (
      isHighSurrogate(text.charCodeAt(i)) &&
      i + 1 < text.length &&
      isLowSurrogate(text.charCodeAt(i + 1))
    ) {
      // The pair counts only once it is fully inside the prefix.
      if (i + 1 >= utf16Offset) break;
      i++;
    }
    count++;
  }
  return count;
}

/** Inverse of utf16ToCodePointOffset; throws a RangeError past the end of the text. */
export function codePointToUtf16Offset(text: string, cpOffset: number): number {
  assertOffset("cpOffset", cpOffset, text.length);
  let i = 0;
  for (let n = 0; n < cpOffset; n++) {
    if (i >= text.length) {
      throw new RangeError(`cpOffset ${cpOffset} is beyond the text's ${n} code points`);
    }
    i +=
      isHighSurrogate(text.charCodeAt(i)) &&
      i + 1 < text.length &&
      isLowSurrogate(text.charCodeAt(i + 1))
        ? 2
        : 1;
  }
  return i;
}

/**
 * utf16ToCodePointOffset for many offsets into the same text: one pass over the
 * text, then a binary search per offset. Converting each of an article's claims
 * separately walks the text from the start every time (claims × text length).
 */
export function utf16ToCodePointOffsets(text: string): (utf16Offset: number) => number {
  // Start of every surrogate pair, found the way utf16ToCodePointOffset walks the text.
  const pairs: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) pairs.push(i++);
  }
  return (utf16Offset) => {
    assertOffset("utf16Offset", utf16Offset, text.length);
    // Each pair starting before the offset is two units but one code point; a
    // pair the offset cuts through has one unit before it and counts as none,
    // which is the same deduction (rounding down to the pair's start).
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[mid] < utf16Offset) lo = mid + 1;
      else hi = mid;
    }
    return utf16Offset - lo;
  };
}
