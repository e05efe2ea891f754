import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { assemble, type DraftBlock } from "@/lib/articles/blocks";
import { htmlToArticle, sanitizeArticleHtml } from "./html";

describe("htmlToArticle", () => {
  it("keeps the article's shape: headings, paragraphs, quotes and list items", () => {
    const { text, blocks } = htmlToArticle(`
      <h2>Iran says U.S. cyber attacks failed</h2>
      <p>TEHRAN (Dispatches) -- Iran said on <em>Monday</em> U.S. attacks had failed.</p>
      <blockquote><p>"They try hard, but have not carried out a successful attack."</p></blockquote>
      <ul><li>First point</li><li>Second point</li></ul>
      <div>Loose text in a div</div>`);
    expect(blocks.map((b) => [b.type, text.slice(b.start, b.end)])).toEqual([
      ["heading", "Iran says U.S. cyber attacks failed"],
      ["paragraph", "TEHRAN (Dispatches) -- Iran said on Monday U.S. attacks had failed."],
      ["quote", '"They try hard, but have not carried out a successful attack."'],
      ["list-item", "First point"],
      ["list-item", "Second point"],
      ["paragraph", "Loose text in a div"],
    ]);
    expect(blocks[0].level).toBe(2);
  });

  it("drops scripts and their text from both the HTML and the text", () => {
    const { html, text } = htmlToArticle(`<p>Safe</p><script>alert("x")</script><p onclick="steal()">Also safe</p>`);
    expect(html).not.toMatch(/script|onclick|alert/i);
    expect(text).toBe("Safe\n\nAlso safe");
  });
});

describe("sanitizeArticleHtml", () => {
  it.each([
    `<a href="javascript:alert(1)">x</a>`,
    `<img src=x onerror=alert(1)>`,
    `<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
    `<svg><script>alert(1)</script></svg>`,
    `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
    `<p style="background:url(javascript:alert(1))">x</p>`,
    `<a href="&#106;avascript:alert(1)">x</a>`,
  ])("neutralises %s", (payload) => {
    const out = sanitizeArticleHtml(payload);
    expect(out).not.toMatch(/javascript:|onerror|<script|<iframe|srcdoc|<meta|style=|<svg/i);
  });
});

describe("htmlToArticle: the walk", () => {
  // The recursive walk it replaced (querySelector per <li>, one stack frame per level): the reference.
  function reference(html: string) {
    const LEAF: Record<string, DraftBlock["type"]> = { P: "paragraph", H1: "heading", H2: "heading", H3: "heading", H4: "heading", H5: "heading", H6: "heading", LI: "list-item", DT: "paragraph", DD: "paragraph", FIGCAPTION: "paragraph", CAPTION: "paragraph", TR: "paragraph", PRE: "preformatted" };
    const drafts: DraftBlock[] = [];
    // textContent with each <br> a "\n" and, outside <pre>, the markup's newlines as spaces.
    const textOf = (node: Node, pre: boolean): string =>
      node.nodeType === 3
        ? pre ? node.textContent ?? "" : (node.textContent ?? "").replace(/[\r\n]/g, " ")
        : (node as Element).tagName?.toUpperCase() === "BR" ? "\n" : Array.from(node.childNodes, (c) => textOf(c, pre)).join("");
    const walk = (node: Node, inQuote: boolean): void => {
      let loose = "";
      const flush = () => {
        if (loose.trim()) drafts.push({ type: inQuote ? "quote" : "paragraph", text: loose, lineBreaks: true });
        loose = "";
      };
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) {
          loose += textOf(child, false);
          continue;
        }
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        const leaf = LEAF[tag];
        const holdsBlocks = tag !== "PRE" && el.querySelector("p, ul, ol, blockquote") !== null;
        if (tag === "BR") loose += "\n";
        else if (leaf && !holdsBlocks) {
          flush();
          const pre = leaf === "preformatted";
          const text = tag === "TR" ? Array.from(el.children).map((c) => textOf(c, false)).join(" · ") : textOf(el, pre);
          drafts.push({ type: inQuote && leaf === "paragraph" ? "quote" : leaf, text, lineBreaks: !pre, ...(leaf === "heading" ? { level: Number(tag[1]) } : {}) });
        } else if (tag === "BLOCKQUOTE") {
          flush();
          walk(el, true);
        } else if (/^(DIV|SECTION|ARTICLE|MAIN|BODY|UL|OL|TABLE|THEAD|TBODY|TFOOT|TD|TH|FIGURE|DL|HEADER|FOOTER|ASIDE|NAV|LI|HR)$/.test(tag) || holdsBlocks) {
          flush();
          walk(el, inQuote);
        } else loose += textOf(el, false);
      }
      flush();
    };
    const clean = sanitizeArticleHtml(html);
    walk(parseHTML(`<!doctype html><html><body>${clean}</body></html>`).document.body, false);
    return { html: clean, ...assemble(drafts) };
  }

  it("builds the blocks the recursive walk built", () => {
    const token = fc.constantFrom(
      "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<div>", "</div>", "<blockquote>", "</blockquote>", "<b>", "</b>", "<br>",
      "<h2>", "</h2>", "<pre>", "</pre>", "<table><tr><td>", "</td><td>", "</tr>", "<dl><dt>", "<dd>", "<figure><figcaption>", "<section>", "<hr>", "text", " ", "\n", "  x  ",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const html = tokens.join("");
        expect(htmlToArticle(html)).toEqual(reference(html));
      }),
      { numRuns: 1000 },
    );
  });

  it("walks markup nested 1,000 deep without overflowing the stack, in linear time", () => {
    for (const unit of ["<div>", "<blockquote>", "<ul><li><div>", "<li><div>"]) {
      const t = performance.now();
      const { blocks } = htmlToArticle(unit.repeat(Math.floor(990 / (unit.split("<").length - 1))) + "<p>deep</p>");
      expect(blocks).toHaveLength(1);
      expect(performance.now() - t).toBeLessThan(2_000);
    }
  });

  it("refuses markup nested deeper than that", () => {
    expect(() => htmlToArticle("<div>".repeat(1_001) + "x")).toThrow(/nests its tags more than 1000 deep/);
  });
});

describe("htmlToArticle: paragraphs inside a paragraph", () => {
  it.each([
    // Readability wraps an inline element holding a story's paragraphs in a <p> of its own (a Reuters page: <span id="article-text"><p>…).
    ["a <p> around a <span> of paragraphs", "<p><span>Lead <p>Rates rose.</p><p>Though few expected it.</p> tail</span></p>", [["paragraph", "Lead"], ["paragraph", "Rates rose."], ["paragraph", "Though few expected it."], ["paragraph", "tail"]]],
    ["a <span> of paragraphs in a <div>", "<div><span><p>Rates rose.</p><p>Though few expected it.</p></span></div>", [["paragraph", "Rates rose."], ["paragraph", "Though few expected it."]]],
    ["a list inside a paragraph", "<p>Three things:<ul><li>one</li><li>two</li></ul></p>", [["paragraph", "Three things:"], ["list-item", "one"], ["list-item", "two"]]],
  ])("%s: one block each, words never run together", (_label, html, want) => {
    const { text, blocks } = htmlToArticle(html);
    expect(blocks.map((b) => [b.type, text.slice(b.start, b.end)])).toEqual(want);
  });
});

describe("htmlToArticle: line breaks", () => {
  it.each([
    ["a <br> in a paragraph", "<p>Line one<br>Line two</p>", [["paragraph", "Line one\nLine two"]]],
    ["several, and blanks around them", "<p><br>  One <br/> <br>\n two  <br></p>", [["paragraph", "One\ntwo"]]],
    ["the markup's own newlines are spaces", "<p>One\n  two<br>three\nfour</p>", [["paragraph", "One two\nthree four"]]],
    ["inside inline markup", "<p><b>Bold<br>still bold</b> and <a href='https://x.example/'>a<br>link</a></p>", [["paragraph", "Bold\nstill bold and a\nlink"]]],
    ["in a list item", "<ul><li>Name<br>Address</li></ul>", [["list-item", "Name\nAddress"]]],
    ["in a heading", "<h2>Title<br>Subtitle</h2>", [["heading", "Title\nSubtitle"]]],
    ["in a quote", "<blockquote>Roses are red<br>violets blue</blockquote>", [["quote", "Roses are red\nviolets blue"]]],
    ["in loose text", "<div>Loose<br>text</div>", [["paragraph", "Loose\ntext"]]],
    ["in a table row's cells", "<table><tr><td>A<br>B</td><td>C</td></tr></table>", [["paragraph", "A\nB · C"]]],
    ["in a page laid out in a table: a cell's list stays a list", "<table><tr><td><b>Score<br>9.8</b><ul><li>Network</li><li>Low</li></ul></td></tr></table>", [["paragraph", "Score\n9.8"], ["list-item", "Network"], ["list-item", "Low"]]],
    ["in code, with its own newlines kept", "<pre>let a = 1;<br>let b = 2;\n  return a;</pre>", [["preformatted", "let a = 1;\nlet b = 2;\n  return a;"]]],
  ])("keeps %s", (_label, html, expected) => {
    const { text, blocks } = htmlToArticle(html);
    expect(blocks.map((b) => [b.type, text.slice(b.start, b.end)])).toEqual(expected);
  });

  it("keeps block offsets on the canonical text, line breaks included", () => {
    const { text, blocks } = htmlToArticle("<p>One<br>two</p><p>Three</p>");
    expect(text).toBe("One\ntwo\n\nThree");
    expect(blocks).toEqual([{ type: "paragraph", start: 0, end: 7 }, { type: "paragraph", start: 9, end: 14 }]);
  });
});

describe("sanitizeArticleHtml: links", () => {
  const BASE = "https://news.example/world/story.html";
  const link = (href: string, base?: string) => {
    const out = sanitizeArticleHtml(`<a href="${href}">text</a>`, base);
    return { href: parseHTML(out).document.querySelector("a")?.getAttribute("href") ?? null, text: parseHTML(out).document.querySelector("a")?.textContent };
  };

  it.each([
    ["a relative path", "../photos/1.jpg", "https://news.example/photos/1.jpg"],
    ["a root-relative path", "/about", "https://news.example/about"],
    ["a fragment", "#para-2", "https://news.example/world/story.html#para-2"],
    ["a protocol-relative URL", "//other.example/x", "https://other.example/x"],
    ["an absolute https URL", "https://other.example/a?b=1", "https://other.example/a?b=1"],
    ["an http URL", "HTTP://Other.example/", "http://other.example/"],
    ["a mailto: link", "mailto:desk@news.example", "mailto:desk@news.example"],
    ["a link wrapped in spaces", "  https://other.example/  ", "https://other.example/"],
    ["a javascript: link", "javascript:alert(1)", null],
    ["a javascript: link in backticks", "`javascript:alert(1)`", null],
    ["a javascript: link in quotes", "'javascript:alert(1)'", null],
    ["a scheme split by a zero-width space", "java\u200bscript:alert(1)", null],
    ["a scheme split by a soft hyphen", "java\u00adscript:alert(1)", null],
    ["a scheme split by a tab (entity)", "jav&#x09;ascript:alert(1)", null],
    ["an entity-encoded scheme", "&#106;avascript:alert(1)", null],
    ["a data: URL", "data:text/html,<script>alert(1)</script>", null],
    ["a tel: link", "tel:+441234", null],
    ["an empty href", "", null],
  ])("with the page's URL: %s", (_label, href, expected) => {
    expect(link(href, BASE)).toEqual({ href: expected, text: "text" });
  });

  it.each([
    ["a relative path", "../photos/1.jpg", null],
    ["a fragment", "#para-2", null],
    ["a protocol-relative URL", "//other.example/x", null],
    ["a javascript: link in backticks", "`javascript:alert(1)`", null],
    ["a scheme split by a zero-width joiner", "java\u200dscript:alert(1)", null],
    ["an absolute https URL", "https://other.example/a", "https://other.example/a"],
    ["a mailto: link", "mailto:desk@news.example", "mailto:desk@news.example"],
  ])("pasted (no base): %s", (_label, href, expected) => {
    expect(link(href)).toEqual({ href: expected, text: "text" });
  });

  it("resolves quotes' cite the same way, and ignores a base that is not http(s)", () => {
    expect(sanitizeArticleHtml('<blockquote cite="/source">q</blockquote><q cite="javascript:x">q</q>', BASE)).toBe('<blockquote cite="https://news.example/source">q</blockquote><q>q</q>');
    expect(link("/about", "javascript:alert(1)//")).toEqual({ href: null, text: "text" });
  });

  it("resolves through htmlToArticle (the stored HTML)", () => {
    expect(htmlToArticle('<p>See <a href="/a">this</a></p>', BASE).html).toBe('<p>See <a href="https://news.example/a">this</a></p>');
  });
});
