import { describe, expect, it } from "vitest";
import { describe as describeSelector } from "@/lib/anchoring/describe";
import {
  ANNO_CONTENT_TYPE,
  ANNO_CONTEXT,
  toAnnotationCollection,
  type AnnotatableClaim,
  type AnnotationInput,
  type SpecificResourceTarget,
} from "./w3c";

const BASE = "https://verity.example";
// Two astral characters (one surrogate pair each) before the quote.
const TEXT = "Fire \u{1F525} and party \u{1F389}: the sky was green in 2007, they said.";
const QUOTE = "the sky was green in 2007";
const START = TEXT.indexOf(QUOTE);
const REV1 = new Date("2024-03-01T10:00:00.000Z");
const REV2 = new Date("2024-05-02T12:30:00.000Z");

function claim(overrides: Partial<AnnotatableClaim> = {}): AnnotatableClaim {
  return {
    id: "c1",
    articleRevision: 2,
    selector: describeSelector(TEXT, START, START + QUOTE.length),
    anchorStatus: "ANCHORED",
    claimText: "The sky was green in 2007.",
    verdict: "OUTDATED",
    rationale: "Archive photos show a **blue** sky.",
    author: { id: "u1", name: "Ada Reviewer" },
    createdAt: new Date("2024-05-03T08:00:00.000Z"),
    updatedAt: new Date("2024-05-04T09:15:00.000Z"),
    ...overrides,
  };
}

function input(overrides: Partial<AnnotationInput> = {}): AnnotationInput {
  return {
    baseUrl: BASE,
    article: { id: "a1", title: "Sky report", sourceUrl: "https://news.example/sky", text: TEXT },
    revisions: new Map([
      [1, REV1],
      [2, REV2],
    ]),
    claims: [claim()],
    ...overrides,
  };
}

const targets = (t: SpecificResourceTarget | SpecificResourceTarget[]) => (Array.isArray(t) ? t : [t]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe("toAnnotationCollection", () => {
  it("serves the model's media type", () => {
    expect(ANNO_CONTENT_TYPE).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  });

  it("builds an AnnotationCollection with its one page embedded as first", () => {
    const c = toAnnotationCollection(input());
    expect(c).toMatchObject({
      "@context": ANNO_CONTEXT,
      id: `${BASE}/api/articles/a1/annotations`,
      type: "AnnotationCollection",
      label: "Sky report",
      total: 1,
      first: { type: "AnnotationPage", partOf: `${BASE}/api/articles/a1/annotations`, startIndex: 0 },
    });
    expect(c.first.id).toBe(`${BASE}/api/articles/a1/annotations?page=0`);
    expect(c.first.items).toHaveLength(1);
    // Only the top-level document carries the context.
    expect(c.first).not.toHaveProperty("@context");
    expect(c.first.items[0]).not.toHaveProperty("@context");
  });

  it("makes each claim an assessing Annotation with describing, commenting and classifying bodies", () => {
    const a = toAnnotationCollection(input()).first.items[0];
    expect(a).toMatchObject({
      id: `${BASE}/api/claims/c1`,
      type: "Annotation",
      motivation: "assessing",
      creator: { id: `${BASE}/users/u1`, type: "Person", name: "Ada Reviewer" },
    });
    expect(a.body).toEqual([
      { type: "TextualBody", purpose: "describing", value: "The sky was green in 2007.", format: "text/plain" },
      { type: "TextualBody", purpose: "commenting", value: "Archive photos show a **blue** sky.", format: "text/markdown" },
      { type: "TextualBody", purpose: "classifying", value: "Outdated" },
    ]);
  });

  it("leaves out an empty rationale", () => {
    const a = toAnnotationCollection(input({ claims: [claim({ rationale: "  ", verdict: "MOSTLY_TRUE" })] })).first.items[0];
    expect(a.body.map((b) => b.purpose)).toEqual(["describing", "classifying"]);
    expect(a.body[1].value).toBe("Mostly true");
  });

  it("writes dates as ISO 8601 strings, the state's from the claim's revision", () => {
    const a = toAnnotationCollection(input()).first.items[0];
    expect(a.created).toBe("2024-05-03T08:00:00.000Z");
    expect(a.modified).toBe("2024-05-04T09:15:00.000Z");
    for (const t of targets(a.target)) {
      expect(t.state).toEqual({ type: "TimeState", sourceDate: REV2.toISOString() });
      expect(t.state!.sourceDate).toMatch(ISO);
    }
    const old = toAnnotationCollection(input({ claims: [claim({ articleRevision: 1 })] })).first.items[0];
    expect(targets(old.target)[0].state?.sourceDate).toBe(REV1.toISOString());
  });

  it("accepts dates as strings and revisions as a plain record (JSON-shaped input)", () => {
    const a = toAnnotationCollection(
      input({
        revisions: { 2: REV2.toISOString() },
        claims: [claim({ createdAt: "2024-05-03T08:00:00.000Z", updatedAt: "2024-05-04T09:15:00Z" })],
      }),
    ).first.items[0];
    expect(a.modified).toBe("2024-05-04T09:15:00.000Z");
    expect(targets(a.target)[0].state?.sourceDate).toBe(REV2.toISOString());
  });

  it("omits the state when the revision's date is unknown", () => {
    const a = toAnnotationCollection(input({ revisions: new Map() })).first.items[0];
    expect(targets(a.target)[0]).not.toHaveProperty("state");
  });

  it("counts TextPositionSelector offsets in code points: emoji before the quote shift them down", () => {
    const a = toAnnotationCollection(input()).first.items[0];
    const [quote, position] = targets(a.target)[0].selector;
    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: QUOTE,
      prefix: TEXT.slice(Math.max(0, START - 32), START),
      suffix: TEXT.slice(START + QUOTE.length, START + QUOTE.length + 32),
    });
    expect(position).toEqual({ type: "TextPositionSelector", start: START - 2, end: START - 2 + QUOTE.length });
    expect(position).toEqual({
      type: "TextPositionSelector",
      start: [...TEXT.slice(0, START)].length,
      end: [...TEXT.slice(0, START + QUOTE.length)].length,
    });
    // The code-point range selects the quote in the code-point array.
    const cps = [...TEXT];
    if (position.type !== "TextPositionSelector") throw new Error("expected a TextPositionSelector");
    expect(cps.slice(position.start, position.end).join("")).toBe(QUOTE);
  });

  it("counts an emoji inside the quote once", () => {
    const text = "\u{1F600} hello \u{1F30D} world";
    const c = claim({ selector: describeSelector(text, 2, text.length) });
    const a = toAnnotationCollection(input({ article: { id: "a1", title: "t", sourceUrl: null, text }, claims: [c] })).first.items[0];
    expect(targets(a.target)[0].selector[1]).toEqual({ type: "TextPositionSelector", start: 1, end: [...text].length });
  });

  it("gives an orphaned claim only its TextQuoteSelector", () => {
    const orphan = claim({ id: "c2", anchorStatus: "ORPHANED", selector: { exact: "gone words", prefix: "p", suffix: "s", start: 3, end: 13 } });
    const c = toAnnotationCollection(input({ claims: [claim(), orphan] }));
    expect(c.total).toBe(2);
    const a = c.first.items[1];
    expect(a.id).toBe(`${BASE}/api/claims/c2`);
    for (const t of targets(a.target)) {
      expect(t.selector).toEqual([{ type: "TextQuoteSelector", exact: "gone words", prefix: "p", suffix: "s" }]);
    }
  });

  it("drops a position that does not fit the text instead of throwing", () => {
    const stale = claim({ selector: { exact: QUOTE, prefix: "", suffix: "", start: TEXT.length + 1, end: TEXT.length + 5 } });
    const a = toAnnotationCollection(input({ claims: [stale] })).first.items[0];
    expect(targets(a.target)[0].selector.map((s) => s.type)).toEqual(["TextQuoteSelector"]);
  });

  it("targets Verity's article and the original URL, with the same selectors and state, when the URL is known", () => {
    const a = toAnnotationCollection(input()).first.items[0];
    expect(Array.isArray(a.target)).toBe(true);
    const [verity, original] = targets(a.target);
    expect(verity).toMatchObject({ type: "SpecificResource", source: `${BASE}/articles/a1` });
    expect(original).toMatchObject({ type: "SpecificResource", source: "https://news.example/sky" });
    expect(original.selector).toEqual(verity.selector);
    expect(original.state).toEqual(verity.state);
  });

  it("targets Verity's article alone when the original URL is unknown", () => {
    const a = toAnnotationCollection(input({ article: { id: "a1", title: "Sky report", sourceUrl: null, text: TEXT } })).first.items[0];
    expect(Array.isArray(a.target)).toBe(false);
    expect(a.target).toMatchObject({ type: "SpecificResource", source: `${BASE}/articles/a1` });
    expect(targets(a.target)[0].selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
  });

  it("is an empty collection for an article without claims", () => {
    const c = toAnnotationCollection(input({ claims: [] }));
    expect(c.total).toBe(0);
    expect(c.first.items).toEqual([]);
  });

  it("round-trips through JSON unchanged (plain data only)", () => {
    const c = toAnnotationCollection(input());
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
