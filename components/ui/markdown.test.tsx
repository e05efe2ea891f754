import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Markdown } from "./markdown";

function render(text: string): { html: string; ms: number } {
  const t = performance.now();
  const html = renderToStaticMarkup(<Markdown>{text}</Markdown>);
  return { html, ms: performance.now() - t };
}

describe("Markdown", () => {
  it("renders ordinary Markdown: emphasis, links with safe attributes, lists", () => {
    const { html } = render("A **bold** and _italic_ claim, see [the report](https://example.org/r).\n\n- one\n- two\n\n1. first\n2. second");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain('<a href="https://example.org/r" rel="noopener noreferrer nofollow ugc" target="_blank">the report</a>');
    expect(html).toContain("<ul>");
    expect(html).toContain("<li>two</li>");
    expect(html).toContain("<ol>");
  });

  it("drops unsafe link targets and raw HTML", () => {
    const { html } = render('[x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)> ![i](data:text/html,x)');
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("data:");
    expect(html).toContain("<span>x</span>");
  });

  // Each took seconds to minutes or overflowed the stack before the limits.
  it.each([
    ["3,000 nested >", ">".repeat(3_000) + " deep"],
    ["3,000 nested > with spaces", "> ".repeat(3_000) + "deep"],
    ["4,000 list markers on one line", "- ".repeat(4_000) + "deep"],
    ["*a × 10,000", "*a".repeat(10_000)],
    ["1 MB of [", "[".repeat(1_000_000)],
    ["16,000 * around a letter", "*".repeat(16_000) + "a" + "*".repeat(16_000)],
    ["a list nested 2,000 deep by indentation", Array.from({ length: 2_000 }, (_, i) => " ".repeat(2 * i) + "- x").join("\n")],
  ])("renders %s quickly, as plain text", (_name, text) => {
    const { html, ms } = render(text);
    expect(ms).toBeLessThan(1_000);
    expect(html).toContain('<p class="whitespace-pre-wrap">');
    expect(html).toContain(text.slice(0, 50).trim().replace(/>/g, "&gt;"));
  });

  it("keeps paragraphs of plain text and escapes markup in them", () => {
    const { html } = render("*a".repeat(500) + "\n\n<b>x</b>\n \t\nlast");
    expect(html.match(/<p class="whitespace-pre-wrap">/g)).toHaveLength(3);
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("falls back to plain text when the renderer throws", async () => {
    vi.resetModules();
    vi.doMock("react-markdown", () => ({
      default: () => {
        throw new RangeError("Maximum call stack size exceeded");
      },
    }));
    try {
      const { Markdown: Guarded } = await import("./markdown");
      const html = renderToStaticMarkup(<Guarded>{"**fine** text"}</Guarded>);
      expect(html).toContain('<p class="whitespace-pre-wrap">**fine** text</p>');
    } finally {
      vi.doUnmock("react-markdown");
      vi.resetModules();
    }
  });
});
