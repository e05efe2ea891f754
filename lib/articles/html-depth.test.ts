import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlNestingDepth } from "./html-depth";

const VOID = new Set(["AREA", "BASE", "BR", "COL", "EMBED", "HR", "IMG", "INPUT", "LINK", "META", "SOURCE", "TRACK", "WBR"]);

/** The deepest element linkedom (htmlparser2 10) actually builds; void elements never go on the parser's stack. */
function domDepth(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  for (const el of Array.from(document.querySelectorAll("*"))) {
    if (VOID.has(el.tagName.toUpperCase())) continue;
    let d = 0;
    for (let n: Element | null = el; n; n = n.parentElement) d++;
    deepest = Math.max(deepest, d);
  }
  return deepest;
}

describe("htmlNestingDepth", () => {
  it.each([
    ["flat paragraphs", "<p>a</p><p>b</p>", 1],
    ["nesting", "<div><ul><li><b>x</b></li></ul></div>", 4],
    ["unclosed p and li close themselves", "<p>a<p>b<p>c<ul><li>1<li>2<li>3</ul>", 2],
    ["void elements", "<div><br><img src=x><hr><input></div>", 1],
    ["end tags close up to their match", "<div><b><i><u></div><span><span></span>", 4],
    ["an unmatched end tag closes nothing", "<div><b></i></u><i>", 3],
    ["markup in comments, scripts and attribute values", '<div><!-- <b><b> --><script>"<b><b>"</script><a title="<b><b>">x</a></div>', 2],
    ["self-closing only inside svg", "<svg><path/><path/><path/></svg><b/><b/>", 2],
    ["deep nesting", "<b>".repeat(5_000), 5_000],
    ["a fake end tag in a comment does not hide depth", "<b><!--</b>-->".repeat(100), 100],
    ["a fake end tag in an attribute does not hide depth", '<b><i title="</b>">'.repeat(100), 200],
  ])("%s", (_name, html, depth) => {
    expect(htmlNestingDepth(html)).toBe(depth);
  });

  it("stops counting past the limit", () => {
    expect(htmlNestingDepth("<div>".repeat(100_000), 1_000)).toBe(1_001);
  });

  it("never counts shallower than linkedom builds, and matches it on ordinary markup", () => {
    const token = fc.constantFrom(
      "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<b>", "</b>", "<B>", "<br>", "</br>", "<td>", "<tr>", "<table>", "</table>",
      "<svg>", "</svg>", "<path/>", "<b/>", "<foreignObject>", "</foreignObject>", "<title>", "</title>", "<script>", "</script>", "<style>",
      "<!--", "-->", "<![CDATA[", "]]>", "<!x>", "<?x>", '<a title="', '">', "'", "=", "<", ">", "/", "</", "x", " ", "<i ", "<option>", "<h1>",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const html = `<!doctype html><html><head></head><body>${tokens.join("")}</body></html>`;
        expect(htmlNestingDepth(html)).toBeGreaterThanOrEqual(domDepth(html));
      }),
      { numRuns: 3000 },
    );
  });

  it("is linear on tag soup", () => {
    const t = performance.now();
    for (const unit of ["<b>", "</i>", "<a ", '<a title="', "<!--", "<script>", "</", "<svg><path/>"]) htmlNestingDepth(unit.repeat(300_000), 1_000);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});
