import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseFeed } from "./feed";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../tests/imports/fixtures/${name}`, import.meta.url), "utf8");

function feedError(xml: string): string | undefined {
  try {
    parseFeed(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("invalid_input");
    return (e as AppError).fields?.feedUrl;
  }
  return undefined;
}

describe("parseFeed: RSS 2.0", () => {
  const feed = parseFeed(fixture("feed-rss.xml"), "https://harborgazette.example/feed.xml");

  it("reads the channel", () => {
    expect(feed.title).toBe("The Harbor Gazette – Local news");
    expect(feed.items).toHaveLength(3);
  });

  it.each([
    {
      i: 0,
      expected: {
        title: "Council approves 12% water rate rise after marathon session",
        sourceUrl: "https://harborgazette.example/news/2024/03/05/council-water-rates",
        author: "Priya Raman",
        publishedAt: "2024-03-05T18:42:00.000Z",
        language: "en-gb",
      },
      html: ["<p>Harbor City councillors voted 7 to 4", '<blockquote><p>"Nobody likes paying more," the mayor said.</p></blockquote>'],
    },
    {
      i: 1,
      expected: {
        title: "Ferry timetable changes from Monday",
        sourceUrl: "https://harborgazette.example/news/2024/03/04/ferry-timetable",
        author: "Sam Whitfield",
        publishedAt: "2024-03-04T07:30:00.000Z",
      },
      html: ["<p>The 07:15 crossing to Port Ellis", "<p>Weekend sailings are unchanged.</p>"],
    },
  ])("item $i: content:encoded or escaped description becomes html", ({ i, expected, html }) => {
    const item = feed.items[i];
    expect(item).toMatchObject(expected);
    expect(item.text).toBeUndefined();
    for (const h of html) expect(item.html).toContain(h);
  });

  it("keeps a plain description as text, decoding entities", () => {
    expect(feed.items[2]).toMatchObject({
      title: "Missing dog found 40 miles away after three weeks",
      text: "A spaniel that vanished from a Millbrook garden in February was found safe and well near Eastcombe & returned to its owners on Saturday.",
      author: "Jo Mensah",
      publishedAt: "2024-03-03T12:00:00.000Z",
    });
    expect(feed.items[2].html).toBeUndefined();
  });

  it("falls back to a permalink guid when there is no link, but not to an opaque one", () => {
    const xml = (guid: string) => `<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Body</description>${guid}</item></channel></rss>`;
    expect(parseFeed(xml("<guid>https://news.example/a</guid>")).items[0].sourceUrl).toBe("https://news.example/a");
    expect(parseFeed(xml('<guid isPermaLink="false">https://news.example/a</guid>')).items[0].sourceUrl).toBeUndefined();
  });
});

describe("parseFeed: Atom", () => {
  const feed = parseFeed(fixture("feed-atom.xml"), "https://www.midlandscourier.example/transport/atom.xml");

  it.each([
    {
      i: 0,
      expected: {
        title: "Rail strike talks collapse as union sets three new dates",
        sourceUrl: "https://www.midlandscourier.example/transport/rail-strike-talks-collapse-1234",
        author: "Hannah Lewis, Raj Patel",
        publishedAt: "2024-06-03T06:15:00.000Z",
        language: "en-US",
        html: "<p>Talks aimed at ending the long-running dispute between train drivers and rail operators collapsed on Sunday evening.</p><p>Members will walk out on 14, 15 and 22 June, the union said.</p>",
      },
    },
    {
      i: 1,
      expected: {
        title: "Bus fare cap extended to December",
        sourceUrl: "https://www.midlandscourier.example/transport/bus-fares",
        author: "Midlands Courier newsroom",
        publishedAt: "2024-06-01T16:00:00.000Z",
        language: "en-US",
        text: "The £2 single fare cap on buses across the region will stay in place until the end of December, the combined authority said.\n\nOperators had warned that fares could double without the subsidy.",
      },
    },
  ])("entry $i", ({ i, expected }) => {
    expect(feed.title).toBe("Midlands Courier: Transport");
    expect(feed.items[i]).toEqual(expect.objectContaining(expected));
  });

  it("reads xhtml content as text and ignores out-of-line content", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>X</title><link href="https://news.example/x"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline body</p></div></content></entry>
      <entry><title>Y</title><link href="https://news.example/y"/><content src="https://news.example/y.html" type="text/html"/><summary>Summary only</summary></entry>
    </feed>`;
    const [x, y] = parseFeed(xml).items;
    expect(x.text).toBe("Inline body");
    expect(y).toMatchObject({ text: "Summary only" });
  });
});

describe("parseFeed: RSS 1.0 (RDF)", () => {
  it("reads items beside the channel", () => {
    const xml = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://news.example/"><title>RDF news</title><link>https://news.example/</link><dc:language>fr</dc:language></channel>
        <item rdf:about="https://news.example/1"><title>Un</title><link>https://news.example/1</link><description>Texte</description><dc:date>2024-05-01T10:00:00Z</dc:date><dc:creator>Marie</dc:creator></item>
      </rdf:RDF>`;
    expect(parseFeed(xml)).toEqual({
      title: "RDF news",
      items: [expect.objectContaining({ title: "Un", sourceUrl: "https://news.example/1", text: "Texte", author: "Marie", publishedAt: "2024-05-01T10:00:00.000Z", language: "fr" })],
    });
  });
});

describe("parseFeed: hostile and broken input", () => {
  it("refuses a billion-laughs style entity expansion instead of expanding it", () => {
    const entities = `<!ENTITY lol "${"lol".repeat(300)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss><channel><title>${"&lol;".repeat(500)}</title></channel></rss>`;
    expect(feedError(xml)).toMatch(/^is not valid XML \(.*(limit|exceed)/i);
  });

  it("does not expand nested entities", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`;
    expect(parseFeed(xml).title).not.toContain("aaaaaaaaaa");
  });

  it.each([
    ["malformed XML", "<rss><channel><title>Broken</channel></rss>", /^is not valid XML/],
    ["XML that is not a feed", "<?xml version=\"1.0\"?><html><body>hi</body></html>", /^is not an RSS or Atom feed$/],
    ["an HTML page", "<!doctype html><html><body><p>Hello</p></body></html>", /^is not (valid XML|an RSS or Atom feed)/],
  ])("refuses %s", (_label, xml, message) => {
    expect(feedError(xml)).toMatch(message);
  });

  it("keeps an empty feed empty", () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')).toEqual({ title: "Quiet", items: [] });
  });
});

describe("parseFeed: RSS <author> names", () => {
  const authorOf = (author: string) =>
    parseFeed(`<rss version="2.0"><channel><item><title>t</title><author>${author.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</author></item></channel></rss>`).items[0].author;
  // What the old regex (cubic in the "@" and "(" of the address) made of an author.
  const reference = (raw: string) => {
    const s = raw.replace(/[\s\u00a0]+/g, " ").trim() || undefined;
    const named = s?.match(/^\S+@\S+\s*\((.+)\)$/);
    const name = named ? named[1].replace(/[\s\u00a0]+/g, " ").trim() || undefined : undefined;
    return named ? name : s;
  };

  it.each([
    ["jane@example.com (Jane Doe)", "Jane Doe"],
    ["jane@example.com(Jane Doe)", "Jane Doe"],
    ["Jane Doe", "Jane Doe"],
    ["a@b (x) (y)", "x) (y"],
  ])("%s → %s", (author, expected) => {
    expect(authorOf(author)).toBe(expected);
    expect(reference(author)).toBe(expected);
  });

  it("reads names as the old regex did", () => {
    const unit = fc.constantFrom("a", "@", "(", ")", " ", "\t", "b");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (author) => {
        expect(authorOf(author)).toBe(reference(author));
      }),
      { numRuns: 400 },
    );
  });
});
