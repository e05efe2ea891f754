import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_TYPES, type Block } from "@/lib/articles/blocks";
import { ANCHOR_STATUSES, CLAIM_STATUSES, VERDICTS } from "./constants";
import { decodeBlocks, decodeClaims, encodeBlocks, encodeClaims, type ReaderClaimSummary } from "./reader-codec";

const TEXT = "Iran said on Monday that the attacks had failed. Stuxnet targeted Iran’s facilities in November 2007. 😀 Emoji and the attacks again.";

/** A claim whose quote is the text at its offsets (anchored) or something else (changed or orphaned). */
const claim = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 30 }),
    from: fc.nat(TEXT.length),
    length: fc.nat(40),
    own: fc.boolean(),
    other: fc.string(),
    anchorStatus: fc.constantFrom(...ANCHOR_STATUSES),
    claimText: fc.string(),
    verdict: fc.constantFrom(...VERDICTS),
    status: fc.constantFrom(...CLAIM_STATUSES),
    author: fc.record({ id: fc.constantFrom("u1", "u2", "u3"), name: fc.string() }),
    version: fc.integer({ min: 1, max: 1000 }),
    updatedAt: fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString()),
    sourceCount: fc.nat(20),
  })
  .map(({ from, length, own, other, ...c }): ReaderClaimSummary => {
    const end = Math.min(TEXT.length, from + length);
    return { ...c, selector: { exact: own ? TEXT.slice(from, end) : other, start: from, end } };
  });

describe("reader claims codec", () => {
  it("decodes what it encodes, quotes included, whether or not they are the text's own words", () => {
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 30 }), (list) => {
        // One name per author id, as the database has it.
        const names = new Map<string, string>();
        const consistent = list.map((c) => ({ ...c, author: { id: c.author.id, name: names.get(c.author.id) ?? (names.set(c.author.id, c.author.name), c.author.name) } }));
        expect(decodeClaims(encodeClaims(consistent, TEXT), TEXT)).toEqual(consistent);
      }),
    );
  });

  it("leaves out a quote only when it is exactly the text at its offsets", () => {
    const base = { id: "c1", anchorStatus: "ANCHORED", claimText: "x", verdict: "FALSE", status: "DRAFT", author: { id: "u1", name: "R" }, version: 1, updatedAt: new Date(0).toISOString(), sourceCount: 0 } as const;
    const start = TEXT.indexOf("Stuxnet");
    const encoded = encodeClaims(
      [
        { ...base, selector: { exact: "Stuxnet", start, end: start + 7 } },
        { ...base, selector: { exact: "Stuxnes", start, end: start + 7 } }, // one letter off: kept
        { ...base, selector: { exact: "Stuxnet targeted", start, end: start + 7 } }, // longer than its span: kept
      ],
      TEXT,
    );
    expect(encoded.claims.map((c) => c[3])).toEqual([null, "Stuxnes", "Stuxnet targeted"]);
  });

  it("sends each author once and is under half the size of the objects", () => {
    const text = "quoted words here ".repeat(6000);
    const list: ReaderClaimSummary[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `cmx6eivhu${String(i).padStart(16, "0")}`, selector: { exact: text.slice(i * 90, i * 90 + 17), start: i * 90, end: i * 90 + 17 },
      anchorStatus: "ANCHORED", claimText: `Claim ${i}`, verdict: "FALSE", status: "DRAFT",
      author: { id: `u${i % 3}`, name: `Reviewer ${i % 3}` }, version: 1, updatedAt: new Date(1_700_000_000_000 + i).toISOString(), sourceCount: 0,
    }));
    const encoded = encodeClaims(list, text);
    expect(encoded.authors).toHaveLength(3);
    expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(list).length * 0.5);
  });
});

describe("reader blocks codec", () => {
  it("decodes what it encodes", () => {
    const block = fc.record({ type: fc.constantFrom(...BLOCK_TYPES), start: fc.nat(), end: fc.nat(), level: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) }).map((b) => {
      const out: Block = { type: b.type, start: b.start, end: b.end };
      if (b.level !== undefined) out.level = b.level;
      return out;
    });
    fc.assert(fc.property(fc.array(block, { maxLength: 50 }), (blocks) => {
      expect(decodeBlocks(encodeBlocks(blocks))).toEqual(blocks);
    }));
  });
});
