import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { dropTeaserRepeat, findStandfirst, withStandfirst } from "./standfirst";

const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
const DEK = "The glorious world-building isn't enough to keep viewers coming back.";

describe("findStandfirst", () => {
  it("finds the dek beside the headline", () => {
    expect(findStandfirst(doc(`<header><h1>Title</h1><h2 class="article-subhead">${DEK}</h2></header><article><p>Body.</p></article>`))).toBe(DEK);
  });
  it("finds it one level further from the headline", () => {
    expect(findStandfirst(doc(`<header><div class="t"><h1>Title</h1></div><p class="standfirst">${DEK}</p></header>`))).toBe(DEK);
  });
  it.each([
    ["no headline", `<p class="dek">${DEK}</p>`],
    ["a dek far from the headline (a teaser elsewhere on the page)", `<header><h1>Title</h1></header><main><section><div><p class="dek">${DEK}</p></div></section></main>`],
    ["a teaser list's deks", `<div><h1>Title</h1><ul><li><p class="dek">${DEK}</p></li></ul></div>`],
    ["a label too short to be a standfirst", `<div><h1>Title</h1><p class="dek">Opinion</p></div>`],
    ["two different candidates", `<div><h1>Title</h1><p class="dek">${DEK}</p><p class="subhead">Another sentence that could be a standfirst too.</p></div>`],
  ])("finds none with %s", (_label, body) => {
    expect(findStandfirst(doc(body))).toBeUndefined();
  });
});

describe("withStandfirst", () => {
  it("puts the standfirst in front, escaped", () => {
    expect(withStandfirst("<p>Body.</p>", "Body.", "Tom & <Jerry> fight again, says the report.")).toBe("<p>Tom &amp; &lt;Jerry&gt; fight again, says the report.</p><p>Body.</p>");
  });
  it("leaves a story that already holds it", () => {
    expect(withStandfirst(`<p>${DEK}</p><p>Body.</p>`, `${DEK}  Body.`, DEK)).toBe(`<p>${DEK}</p><p>Body.</p>`);
  });
});

describe("dropTeaserRepeat", () => {
  const run = (html: string) => {
    const d = doc(`<div id="s">${html}</div>`);
    const s = d.getElementById("s")!;
    dropTeaserRepeat(s);
    return s.innerHTML;
  };
  it("drops an excerpt cut short that the story goes on to say in full", () => {
    expect(run(`<div><p>人们对于讨厌的事物总是能很有共同话题...</p><p>人们对于讨厌的事物总是能很有共同话题。约会软件也深谙这一点了。</p></div>`)).toBe(`<div><p>人们对于讨厌的事物总是能很有共同话题。约会软件也深谙这一点了。</p></div>`);
  });
  it.each([
    ["an opening that ends in an ellipsis but is not repeated", `<p>And then the lights went out…</p><p>Nobody knew why.</p>`],
    ["a repeat without an ellipsis", `<p>The minister said taxes would fall.</p><p>The minister said taxes would fall. She did not say when.</p>`],
    ["a stem too short to tell", `<p>Yes...</p><p>Yes, she said.</p>`],
  ])("keeps %s", (_label, html) => {
    expect(run(html)).toBe(html);
  });
});
