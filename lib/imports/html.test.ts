import { describe, expect, it } from "vitest";
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
