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
    const walk = (node: Node, inQuote: boolean): void => {
      let loose = "";
      const flush = () => {
        if (loose.trim()) drafts.push({ type: inQuote ? "quote" : "paragraph", text: loose });
        loose = "";
      };
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) {
          loose += child.textContent ?? "";
          continue;
        }
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        const leaf = LEAF[tag];
        if (tag === "BR") loose += "\n";
        else if (leaf && !(tag === "LI" && el.querySelector("p, ul, ol, blockquote"))) {
          flush();
          const text = tag === "TR" ? Array.from(el.children).map((c) => c.textContent ?? "").join(" · ") : el.textContent ?? "";
          drafts.push({ type: inQuote && leaf === "paragraph" ? "quote" : leaf, text, ...(leaf === "heading" ? { level: Number(tag[1]) } : {}) });
        } else if (tag === "BLOCKQUOTE") {
          flush();
          walk(el, true);
        } else if (/^(DIV|SECTION|ARTICLE|MAIN|BODY|UL|OL|TABLE|THEAD|TBODY|TFOOT|FIGURE|DL|HEADER|FOOTER|ASIDE|NAV|LI|HR)$/.test(tag)) {
          flush();
          walk(el, inQuote);
        } else loose += el.textContent ?? "";
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
