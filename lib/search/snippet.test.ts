import { describe, expect, it } from "vitest";
import { escapeHtml, firstMarked, MARK_START as S, MARK_STOP as E, markedSnippet, parseSnippet, textFragment } from "./snippet";

describe("markedSnippet", () => {
  it.each<[string, string, string]>([
    ["plain text", "No marks here.", "No marks here."],
    ["one mark", `The ${S}budget${E} passed.`, "The <mark>budget</mark> passed."],
    ["markup in the text is escaped, only marks are markup", `<script>alert("x")</script> ${S}Stuxnet${E} & 'co'`, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Stuxnet</mark> &amp; &#39;co&#39;"],
    ["a mark around markup-looking text", `${S}<b>${E}`, "<mark>&lt;b&gt;</mark>"],
    ["a forged mark in the text is text", `<mark>not ours</mark> ${S}ours${E}`, "&lt;mark&gt;not ours&lt;/mark&gt; <mark>ours</mark>"],
    ["neighbouring marks of a phrase are joined", `a ${S}sharp${E} ${S}rise${E} in`, "a <mark>sharp rise</mark> in"],
    ["whitespace and newlines fold to one space", `  one\n\n${S}two${E}\tthree  `, "one <mark>two</mark> three"],
    ["a stray stop is dropped", `x${E} ${S}y${E}`, "x <mark>y</mark>"],
    ["an open mark is closed", `x ${S}y`, "x <mark>y</mark>"],
    ["a doubled start opens once", `${S}${S}y${E}`, "<mark>y</mark>"],
    ["an empty mark disappears", `x ${S}${E}y`, "x y"],
    ["entities in the text stay entities as text", `&lt; ${S}&amp;${E}`, "&amp;lt; <mark>&amp;amp;</mark>"],
    ["hidden <, > and & come back, escaped", `\uE002script\uE003 \uE004 ${S}\uE002b\uE003${E}`, "&lt;script&gt; &amp; <mark>&lt;b&gt;</mark>"],
  ])("%s", (_name, raw, expected) => {
    expect(markedSnippet(raw)).toBe(expected);
  });

  it("never lets a tag other than mark through, whatever the text", () => {
    const nasty = [`<img src=x onerror=alert(1)>`, `"><svg/onload=alert(1)>`, `</mark><script>`, `${S}<iframe>${E}`, `${E}${S}<a href="javascript:x">${S}`];
    for (const raw of nasty) {
      const out = markedSnippet(raw);
      expect(out.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
    }
  });
});

describe("parseSnippet", () => {
  it("splits text and marked runs and unescapes them", () => {
    expect(parseSnippet("&lt;script&gt; <mark>São Paulo</mark> &amp; <mark>it&#39;s</mark>")).toEqual([
      { text: "<script> ", marked: false },
      { text: "São Paulo", marked: true },
      { text: " & ", marked: false },
      { text: "it's", marked: true },
    ]);
  });

  it("round-trips: the runs' text is the snippet's text", () => {
    const raw = `<b>bold</b> and ${S}"quoted"${E} text & more`;
    expect(parseSnippet(markedSnippet(raw)).map((r) => r.text).join("")).toBe(raw.replace(/[\uE000\uE001]/g, ""));
  });

  it("reads no markup but mark", () => {
    expect(parseSnippet("<b>x</b>")).toEqual([{ text: "<b>x</b>", marked: false }]);
    expect(parseSnippet("")).toEqual([]);
  });
});

describe("firstMarked and textFragment", () => {
  it("finds the first marked words", () => {
    expect(firstMarked("a <mark>nuclear facilities</mark> b <mark>x</mark>")).toBe("nuclear facilities");
    expect(firstMarked("nothing")).toBeNull();
    expect(firstMarked("<mark>&lt;Iran&gt;</mark>")).toBe("<Iran>");
  });

  it("encodes the directive's own characters", () => {
    expect(textFragment("cyber-attacks, Iran & U.S.")).toBe("#:~:text=cyber%2Dattacks%2C%20Iran%20%26%20U.S.");
    expect(textFragment("São")).toBe("#:~:text=S%C3%A3o");
  });

  it("escapeHtml escapes the five characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});
