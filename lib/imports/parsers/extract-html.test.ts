import fs from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlToArticle } from "@/lib/articles/html";
import { AppError } from "@/lib/errors";
import { removeBoilerplate } from "./boilerplate";
import { markParagraphs, trimTrailingLinks } from "./story-bounds";
import { countStartTags, extractArticleFromHtml, MAX_ELEMENTS_FOR_READABILITY, MAX_READABILITY_WORK, MAX_TAGS_TO_PARSE } from "./extract-html";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../tests/imports/fixtures/${name}`, import.meta.url), "utf8");

/** The text the import pipeline would store (prepareArticle sanitizes the same way). */
const storedText = (html: string | undefined) => htmlToArticle(html ?? "").text;

const page = (head: string, body = "") =>
  `<!doctype html><html><head>${head}</head><body><article>${body || "<p>" + "The council met on Tuesday and agreed the budget after a long debate. ".repeat(12) + "</p>"}</article></body></html>`;

describe("extractArticleFromHtml on realistic news pages", () => {
  const BOILERPLATE = [
    "Subscribe", "Buy now", "Advertisement", "©", "All rights reserved", "Accept all", "Injected by script",
    "Absolutely outrageous", "Does anyone know how to apply", "Another month of working from home", "Pay them what they are worth",
    "Related stories", "Reservoir levels hit five-year low", "Most read", "Trending", "More from Transport", "Bus fare cap extended",
    "Share on Facebook", "Cookie settings", "Sign in",
  ];

  it.each([
    {
      file: "news-jsonld.html",
      pageUrl: "https://harborgazette.example/news/council-water-rates?src=home",
      expected: {
        title: "Council approves 12% water rate rise after marathon session",
        author: "Priya Raman, Tom Okafor",
        publisher: "The Harbor Gazette",
        publishedAt: "2024-03-05T18:42:00.000Z",
        sourceUrl: "https://harborgazette.example/news/2024/03/05/council-water-rates?utm_source=rss",
        language: "en-GB",
      },
      paragraphs: [
        "Harbor City councillors voted 7 to 4 on Tuesday night to raise residential water rates by 12 per cent",
        "Moretti told councillors the utility faced a £38 million backlog of pipe repairs",
        '"Nobody likes paying more, but the alternative is paying far more later',
        "A second vote, on a proposed levy for new housing developments, was postponed until the council's next meeting on 19 March.",
      ],
    },
    {
      file: "news-og.html",
      pageUrl: "https://www.midlandscourier.example/transport/rail-strike-talks-collapse-1234?amp=1",
      expected: {
        title: "Rail strike talks collapse as union sets three new walkout dates",
        author: "Hannah Lewis",
        publisher: "Midlands Courier",
        publishedAt: "2024-06-03T06:15:00.000Z",
        sourceUrl: "https://www.midlandscourier.example/transport/rail-strike-talks-collapse-1234",
        language: "en",
      },
      paragraphs: [
        "Talks aimed at ending the long-running dispute between train drivers and rail operators collapsed on Sunday evening",
        "Members will walk out on 14, 15 and 22 June",
        "It will be the eighteenth day of action by drivers since the dispute began in the summer of 2022.",
      ],
    },
  ])("$file: metadata, story, no boilerplate", async ({ file, pageUrl, expected, paragraphs }) => {
    const article = await extractArticleFromHtml(fixture(file), pageUrl);
    expect(article).toMatchObject(expected);
    expect(article.text).toBeUndefined();
    const text = storedText(article.html);
    for (const p of paragraphs) expect(text).toContain(p);
    for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
  });
});

describe("extractArticleFromHtml metadata", () => {
  const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

  it.each([
    ["an author string", { "@type": "NewsArticle", headline: "H", author: "Ana Silva" }, "Ana Silva"],
    ["an author object", { "@type": "Article", headline: "H", author: { "@type": "Person", name: "Ana Silva" } }, "Ana Silva"],
    ["an author list", { "@type": "ReportageNewsArticle", headline: "H", author: ["Ana Silva", { name: "Li Wei" }, "Ana Silva"] }, "Ana Silva, Li Wei"],
    ["a URL-form @type inside WebPage.mainEntity", { "@type": "WebPage", mainEntity: { "@type": "https://schema.org/NewsArticle", headline: "H", author: { name: "Li Wei" } } }, "Li Wei"],
    ["an organisation as author", { "@type": ["Article", "NewsArticle"], headline: "H", author: [{ "@type": "Organization", name: "Reuters" }] }, "Reuters"],
  ])("reads JSON-LD with %s", async (_label, data, author) => {
    const article = await extractArticleFromHtml(page(ld(data) + '<meta name="author" content="Meta Author">'));
    expect(article).toMatchObject({ title: "H", author });
  });

  it("prefers JSON-LD, then Open Graph / meta, then the page itself", async () => {
    const og = '<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2024-01-02T03:04:05Z"><title>Doc title | Site</title>';
    expect(await extractArticleFromHtml(page(ld({ "@type": "NewsArticle", headline: "LD title", datePublished: "2023-12-31", publisher: { name: "LD Pub" } }) + og))).toMatchObject({
      title: "LD title",
      publishedAt: "2023-12-31T00:00:00.000Z",
      publisher: "LD Pub",
    });
    expect(await extractArticleFromHtml(page(og))).toMatchObject({ title: "OG title", publishedAt: "2024-01-02T03:04:05.000Z", publisher: "OG Site" });
    expect((await extractArticleFromHtml(page("<title>Doc title</title>"))).title).toBe("Doc title");
  });

  it("skips JSON-LD that is not valid JSON", async () => {
    const html = page('<script type="application/ld+json">{ "@type": "NewsArticle", headline: oops }</script><meta property="og:title" content="From OG">');
    expect((await extractArticleFromHtml(html)).title).toBe("From OG");
  });

  it("decodes HTML entities some CMSs leave in JSON-LD strings", async () => {
    expect((await extractArticleFromHtml(page(ld({ "@type": "NewsArticle", headline: "Q&amp;A: the budget" })))).title).toBe("Q&A: the budget");
  });

  it.each([
    ["a relative canonical, resolved", '<link rel="canonical" href="/a/story">', "https://news.example/x?y=1", "https://news.example/a/story"],
    ["JSON-LD mainEntityOfPage", ld({ "@type": "NewsArticle", headline: "H", mainEntityOfPage: { "@id": "https://news.example/ld" } }), "https://news.example/x", "https://news.example/ld"],
    ["og:url", '<meta property="og:url" content="https://news.example/og">', "https://news.example/x", "https://news.example/og"],
    ["the page URL when nothing else", "", "https://news.example/x", "https://news.example/x"],
    ["not a javascript: canonical", '<link rel="canonical" href="javascript:alert(1)">', "https://news.example/x", "https://news.example/x"],
    ["nothing for a relative canonical without a page URL", '<link rel="canonical" href="/a/story">', undefined, undefined],
  ])("sourceUrl: %s", async (_label, head, pageUrl, expected) => {
    expect((await extractArticleFromHtml(page(head), pageUrl)).sourceUrl).toBe(expected);
  });

  it.each([
    ["<html lang>", '<html lang="pt-BR">', "", "pt-BR"],
    ["og:locale", "<html>", '<meta property="og:locale" content="en_GB">', "en-GB"],
    ["nothing usable", '<html lang="???">', "", undefined],
  ])("language from %s", async (_label, open, head, expected) => {
    const html = page(head).replace("<html>", open);
    expect((await extractArticleFromHtml(html)).language).toBe(expected);
  });

  it("drops dates it cannot read and profile URLs given as authors", async () => {
    const article = await extractArticleFromHtml(page('<meta property="article:published_time" content="yesterday-ish"><meta property="article:author" content="https://facebook.com/someone">'));
    expect(article.publishedAt).toBeUndefined();
    expect(article.author).toBeUndefined();
  });

  it("falls back to Readability's byline", async () => {
    const body = `<p class="byline">By Jane Doe</p>${"<p>The council met on Tuesday and agreed the budget after a long debate, officials said.</p>".repeat(8)}`;
    expect((await extractArticleFromHtml(page("<title>T</title>", body))).author).toBe("Jane Doe");
  });

  it("never runs the page's scripts", async () => {
    const html = page('<title>T</title><script>document.title = "pwned"; document.body.innerHTML = "<p>pwned</p>";</script>');
    const article = await extractArticleFromHtml(html);
    expect(article.title).toBe("T");
    expect(storedText(article.html)).toContain("The council met on Tuesday");
    expect(storedText(article.html)).not.toContain("pwned");
  });

  it("resolves the story's relative links against the page URL, or the page's <base href>", async () => {
    const body = `<p>The council met on Tuesday and agreed <a href="/budget/2024">the budget</a> after a long debate, officials said in a statement.</p>`.repeat(6);
    const fromUrl = await extractArticleFromHtml(page("<title>T</title>", body), "https://news.example/local/story");
    expect(fromUrl.html).toContain('href="https://news.example/budget/2024"');
    const fromBase = await extractArticleFromHtml(page('<title>T</title><base href="https://cdn.example/mirror/">', body.replaceAll('"/budget/2024"', '"budget/2024"')), "https://news.example/local/story");
    expect(fromBase.html).toContain('href="https://cdn.example/mirror/budget/2024"');
  });

  it("decodes entities in JSON-LD but keeps markup as text", async () => {
    expect((await extractArticleFromHtml(page(ld({ "@type": "NewsArticle", headline: "Tom &amp; Jerry &lt;3 <b>cheese</b>" })))).title).toBe("Tom & Jerry <3 <b>cheese</b>");
  });
});

// Pages of tens of thousands of elements take a second or two each; more on a busy machine.
describe("extractArticleFromHtml on very large pages", { timeout: 30_000 }, () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: <em>the council</em> met.</p>`).join("");
  const over = Math.ceil(MAX_ELEMENTS_FOR_READABILITY / 2) + 10; // two elements per paragraph

  it("takes the story from <article> without running Readability", async () => {
    const html = `<!doctype html><html><head><title>Long</title></head><body><nav>Menu</nav><article>${paragraphs(over)}</article></body></html>`;
    const article = await extractArticleFromHtml(html, "https://news.example/long");
    expect(article.title).toBe("Long");
    const text = storedText(article.html);
    expect(text).toContain(`Paragraph ${over - 1}: the council met.`);
    expect(text).not.toContain("Menu");
  });

  it("fails naming the field and the limit when there is no <article> or <main>", async () => {
    const html = `<!doctype html><html><body><div>${paragraphs(over)}</div></body></html>`;
    const err = await extractArticleFromHtml(html, "https://news.example/long").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields?.url).toMatch(new RegExp(`^the page has \\d+ elements, more than the ${MAX_ELEMENTS_FOR_READABILITY} `));
    const fileErr = await extractArticleFromHtml(html, undefined, { field: "files", prefix: "big.html: " }).catch((e: unknown) => e);
    expect((fileErr as AppError).fields?.files).toMatch(/^big\.html: the page has \d+ elements/);
  });

  it("refuses a page with more tags than it parses, before building a DOM", async () => {
    const tags = "<b>x</b>".repeat(MAX_TAGS_TO_PARSE + 1);
    const err = await extractArticleFromHtml(`<html><body><article>${tags}</article></body></html>`, undefined, { field: "files", prefix: "huge.html: " }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields).toEqual({ files: `huge.html: the page has more than ${MAX_TAGS_TO_PARSE} HTML tags, too many to read` });
  });

  it("refuses a page nested deeper than it parses quickly, before building a DOM", async () => {
    const t = performance.now();
    const err = await extractArticleFromHtml(`<html><body>${"<div>".repeat(90_000)}x</body></html>`, undefined, { field: "files", prefix: "deep.html: " }).catch((e: unknown) => e);
    expect(performance.now() - t).toBeLessThan(2_000);
    expect((err as AppError).fields).toEqual({ files: "deep.html: the page nests its HTML tags more than 1000 deep, too deep to read" });
  });

  it.each([["text only", "just words"], ["comments only", "<!-- a --><!-- b -->"]])("refuses a page with no elements (%s) as invalid input", async (_name, html) => {
    const err = await extractArticleFromHtml(html, undefined, { field: "files", prefix: "a.html: " }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields).toEqual({ files: "a.html: the page has no HTML elements to read" });
  });

  it("counts start tags only, and stops counting just past the limit", () => {
    expect(countStartTags("<p>a < b, 1<2</p><!-- c --><br/><IMG src=x>", 100)).toBe(3);
    expect(countStartTags("<b>x</b>".repeat(50), 10)).toBe(11);
  });
});

describe("the story finder's work is bounded by elements × depth", () => {
  const stacks = (depth: number, copies: number, wrap = (s: string) => s) =>
    `<!doctype html><html><head><title>Stacks</title></head><body>${wrap(`${"<div>".repeat(depth)}<p>words here and there, a sentence of the story.</p>${"</div>".repeat(depth)}`.repeat(copies))}</body></html>`;

  it("refuses quickly, naming the reason, a page too deep for it and without <article> or <main>", async () => {
    // 18,000 elements 900 deep: Readability took 78 s of CPU on this.
    const started = performance.now();
    await expect(extractArticleFromHtml(stacks(900, 20))).rejects.toMatchObject({ fields: { url: expect.stringMatching(/nest 90\d deep, more than the story finder can read/) } });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("takes the story from <main> instead when there is one", async () => {
    const raw = await extractArticleFromHtml(stacks(900, 20, (s) => `<main>${s}</main>`));
    expect(raw.html).toContain("a sentence of the story");
  });

  it("still runs on an ordinary page", async () => {
    const raw = await extractArticleFromHtml(stacks(20, 30));
    expect(raw.html).toContain("a sentence of the story");
    expect(20 * 30 * 23).toBeLessThan(MAX_READABILITY_WORK);
  });
});

describe("extractArticleFromHtml never removes the story with the boilerplate", () => {
  const STORY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the council met on Tuesday and agreed the budget after a long debate.</p>`).join("");
  const MENU = `<header><ul class="login-menu"><li><a href="/login">Se connecter</a></li><li><a href="/abo">S'abonner</a></li></ul></header>`;

  it.each([
    ["an id^=ad- wrapper around the whole page (a French daily's ad-portal)", `<div id="ad-portal">${MENU}<div class="story">${STORY}</div></div>`],
    ["a class^=ad- wrapper", `<div class="ad-free-layout">${MENU}<div>${STORY}</div></div>`],
    ["an ASP.NET page, all in one <form>", `<form id="aspnetForm" action="/x">${MENU}<div class="body">${STORY}</div></form>`],
    ["a [role=dialog] wrapper (a consent overlay left around the page)", `<div role="dialog">${MENU}<article>${STORY}</article></div>`],
  ])("keeps %s", async (_label, body) => {
    const article = await extractArticleFromHtml(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`, "https://news.example/x");
    const text = storedText(article.html);
    expect(text).toContain("Paragraph 1 of the story");
    expect(text).toContain("Paragraph 8 of the story");
    expect(text).not.toContain("Se connecter");
  });

  it("still removes ads and comments inside and beside the story", async () => {
    const body = `<div id="ad-portal"><article>${STORY.slice(0, 400)}<div id="ad-slot-1"><p>Advertisement: buy our sponsored product today, limited offer for readers only.</p></div>${STORY.slice(400)}</article>
      <div id="comments">${"<p>Comment: I completely disagree with the council's decision on this budget.</p>".repeat(20)}</div></div>`;
    const text = storedText((await extractArticleFromHtml(`<html><body>${body}</body></html>`)).html);
    expect(text).toContain("Paragraph 8 of the story");
    expect(text).not.toContain("Advertisement");
    expect(text).not.toContain("I completely disagree");
  });
});

describe("extractArticleFromHtml: a section's own header is the story's", () => {
  const STORY = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the council met on Tuesday and agreed the budget after a long debate.</p>`).join("");
  const LEDE = "<p>The lede: after months of argument the council has a budget, and the city's libraries keep their opening hours.</p>";
  const page = (main: string) =>
    `<!doctype html><html><head><title>T</title></head><body><header><ul><li><a href="/">Home</a></li><li><a href="/join">Join us</a></li></ul></header><main>${main}</main><footer><p>© The Party, all rights reserved</p></footer></body></html>`;

  it("keeps the headline and lede in the <header> of the <section> holding the story (HTML makes it no banner)", async () => {
    const text = storedText((await extractArticleFromHtml(page(`<section><header><h1>Budget agreed</h1>${LEDE}</header>${STORY}</section>`), "https://news.example/x")).html);
    expect(text).toContain("The lede: after months of argument");
    expect(text).toContain("Paragraph 6 of the story");
    expect(text).not.toMatch(/Join us|all rights reserved/);
  });

  it("still removes a page header with role=banner inside <main>", async () => {
    const text = storedText((await extractArticleFromHtml(page(`<header role="banner"><p>Site banner: the party of the city, for the city, since nineteen ninety.</p></header><section>${STORY}</section>`), "https://news.example/x")).html);
    expect(text).toContain("Paragraph 6 of the story");
    expect(text).not.toContain("Site banner");
  });
});

describe("extractArticleFromHtml: the page's footer is never the story", () => {
  // A short item (a teaser, a brief in a language whose commas Readability does not count) above a long legal notice.
  const STORY = ["The board costs less than the Pi and runs a full desktop system out of the box", "It has four cores and twice the memory of its rival at the same price point", "The rest of this review was first published by our sister site last June"]
    .map((p) => `<p>${p}.</p>`).join("");
  const LEGAL = `<p>${"This edition is published under license from the parent company, and items that were first published elsewhere are the copyright properties of their owners, all rights reserved, no reproduction without permission. ".repeat(3)}</p>`;

  it("finds the story when the footer holds the page's longest paragraphs", async () => {
    const html = `<!doctype html><html><head><title>T</title></head><body><div id="wrap"><div id="left"><h1>Board review</h1><div class="article_body">${STORY}</div></div><footer><div id="terms">${LEGAL}</div></footer></div></body></html>`;
    const text = storedText((await extractArticleFromHtml(html, "https://news.example/x")).html);
    expect(text).toContain("It has four cores");
    expect(text).not.toContain("published under license");
  });

  it("still keeps an article's own footer, and removes the page's", async () => {
    const { parseHTML } = await import("linkedom");
    const html = `<!doctype html><html><body><article><div class="article_body">${STORY}${STORY}</div><footer><p>Correction: an earlier version of this review misstated the price of the board.</p></footer></article><footer>${LEGAL}</footer></body></html>`;
    const doc = parseHTML(html).document as unknown as Document;
    removeBoilerplate(doc);
    expect(doc.body.textContent).toContain("Correction: an earlier version");
    expect(doc.body.textContent).not.toContain("published under license");
  });
});

describe("extractArticleFromHtml keeps quotations in boxes of their own", () => {
  const STORY = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the launch was delayed again, the company said, while engineers looked for the cause.</p>`).join("");
  const TWEET = `<blockquote class="twitter-tweet"><p lang="en">Still working on the <a href="https://x.example/a">#investigation</a>. The most complex failure in 14 years. <a href="https://t.example/x">pic.x.example/x</a></p>&mdash; Chief Executive (@ceo) <a href="https://x.example/ceo/status/1">September 9, 2016</a></blockquote>`;

  it.each([
    ["a link-dense embedded post in a wrapper <div>", `<div class="embed-wrapper"><div> ${TWEET} </div></div>`],
    ["a quote in a box whose class weighs against it (widget)", `<div class="widget widget_tweet">${TWEET}</div>`],
  ])("%s", async (_label, box) => {
    const html = `<!doctype html><html><head><title>T</title></head><body><div class="story">${STORY.slice(0, 300)}${box}${STORY.slice(300)}</div></body></html>`;
    const text = storedText((await extractArticleFromHtml(html, "https://news.example/x")).html);
    expect(text).toContain("The most complex failure in 14 years");
    expect(text).toContain("Paragraph 6 of the story");
  });
});

describe("extractArticleFromHtml leaves out prompts outside the story", () => {
  const STORY = `<h1>Budget agreed</h1>${"<p>The council met on Tuesday and agreed the budget after a long and often heated debate, officials said.</p>".repeat(6)}`;
  const page = (after: string, wrap = (s: string) => `<main>${s}</main>`) =>
    `<!doctype html><html><head><title>T</title></head><body><div class="page">${wrap(STORY)}${after}<footer><p>© The Paper</p></footer></div></body></html>`;

  it.each([
    ["a newsletter box by class", `<div class="newsletter-box"><h3>Get our morning briefing</h3><p>The stories that matter, delivered to your inbox every weekday morning before breakfast, free of charge.</p></div>`],
    ["a subscription pitch by id", `<section id="subscribe-cta"><p>Subscribe today for unlimited access to all of our journalism, with a first month free for new readers.</p></section>`],
    ["a cookie notice", `<div class="cc-cookie-banner"><p>We use cookies to improve your experience on our site and to show you personalised content and advertising.</p></div>`],
    ["a box around an e-mail field, whatever its class", `<div class="box-7"><h3>Get our morning briefing</h3><p>The stories that matter, delivered to your inbox every weekday morning before breakfast, free of charge.</p><form><input type="email" name="e"><button>Go</button></form></div>`],
  ])("%s after </main>", async (_label, after) => {
    const text = storedText((await extractArticleFromHtml(page(after), "https://news.example/x")).html);
    expect(text).toContain("agreed the budget");
    expect(text).not.toMatch(/briefing|Subscribe today|We use cookies/);
  });

  it("keeps a story whose own wrapper's class mentions subscribers, and a story about newsletters", async () => {
    const html = page("", (s) => `<div class="subscriber-content"><article>${s}<p>Newsletter sign-ups rose by a third, the council's report on its subscriber numbers said today.</p></article></div>`);
    const text = storedText((await extractArticleFromHtml(html, "https://news.example/x")).html);
    expect(text).toContain("agreed the budget");
    expect(text).toContain("Newsletter sign-ups rose");
  });
});

describe("extractArticleFromHtml: JSON-LD", () => {
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
  const data = JSON.stringify({ "@type": "NewsArticle", headline: "H", author: { "@type": "Person", name: "Ana Silva" }, datePublished: "2024-03-05T10:00:00Z" });

  it.each([
    ["CDATA behind //", `//<![CDATA[\n${data}\n//]]>`],
    ["CDATA in C comments", `/*<![CDATA[*/${data}/*]]>*/`],
    ["bare CDATA", `<![CDATA[ ${data} ]]>`],
    ["an HTML comment", `<!-- ${data} -->`],
    ["a trailing semicolon", `${data};`],
  ])("reads JSON-LD wrapped in %s", async (_label, json) => {
    const article = await extractArticleFromHtml(page(ld(json) + '<meta name="author" content="Meta Author">'));
    expect(article).toMatchObject({ title: "H", author: "Ana Silva", publishedAt: "2024-03-05T10:00:00.000Z" });
  });

  it("still skips JSON with junk around it", async () => {
    expect((await extractArticleFromHtml(page(ld(`var x = ${data}`) + "<title>Doc</title>"))).title).toBe("Doc");
  });

  it.each([
    "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "TechArticle", "APIReference", "Report", "SatiricalArticle", "AdvertiserContentArticle",
  ])("reads a %s as an article", async (type) => {
    const article = await extractArticleFromHtml(page(ld(JSON.stringify({ "@graph": [{ "@type": "WebPage", name: "Page" }, { "@type": type, headline: "H", author: "Ana Silva" }] }))));
    expect(article).toMatchObject({ title: "H", author: "Ana Silva" });
  });
});

describe("extractArticleFromHtml: the site's name is cut from the title", () => {
  it.each([
    ["og:site_name, a | suffix", '<meta property="og:title" content="Budget agreed after long debate | The Harbor Gazette"><meta property="og:site_name" content="The Harbor Gazette">', "Budget agreed after long debate"],
    ["the JSON-LD publisher, a dash suffix", '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Midlands Courier"}}</script><title>Rail talks collapse - Midlands Courier</title><meta property="og:site_name" content="Courier">', "Rail talks collapse"],
    ["application-name, a prefix", '<meta name="application-name" content="Le Quotidien"><title>Le Quotidien : la réforme adoptée</title>', "la réforme adoptée"],
    ["a title that merely contains the name", '<meta property="og:title" content="Why The Harbor Gazette is changing"><meta property="og:site_name" content="The Harbor Gazette">', "Why The Harbor Gazette is changing"],
    ["a title that is only the name", '<meta property="og:title" content="The Harbor Gazette"><meta property="og:site_name" content="The Harbor Gazette">', "The Harbor Gazette"],
    ["no known name", "<title>Budget agreed | Somewhere</title>", "Budget agreed | Somewhere"],
  ])("%s", async (_label, head, title) => {
    expect((await extractArticleFromHtml(page(head))).title).toBe(title);
  });
});

describe("extractArticleFromHtml: links in the story taken from <article> or <main>", () => {
  it("resolves them against the page, dropping what cannot be an http(s) or mailto link", async () => {
    const links = '<p><a href="/a">root</a> <a href="b">rel</a> <a href="`javascript:alert(1)`">bt</a> <a href="java\u200bscript:x">zw</a></p>';
    const paragraphs = Array.from({ length: MAX_ELEMENTS_FOR_READABILITY / 2 + 10 }, () => "<p>x</p>").join("");
    const article = await extractArticleFromHtml(`<html><head><base href="https://cdn.example/m/"></head><body><article>${links}${paragraphs}</article></body></html>`, "https://news.example/s/1");
    expect(article.html).toContain('href="https://cdn.example/a"');
    expect(article.html).toContain('href="https://cdn.example/m/b"');
    expect(article.html).not.toMatch(/javascript|\u200b/);
  });
});

describe("extractArticleFromHtml: a short post the page marks as its entry body", () => {
  // A blog template: the post is a few lines in .entry-body; around it in the
  // same column a date line, sponsored links and a signature; beside it a
  // sidebar. Readability climbs from the post to the column (or, its clean-up
  // emptying that, to the whole page).
  const sidebar = Array.from({ length: 6 }, (_, i) => `<div class="box"><a href="/ad/${i}"><img src="/ad${i}.png"><br><span>Sidebar advertisement number ${i + 1}, for a product unrelated to the post</span></a></div>`).join("");
  const blog = (post: string) => `<!doctype html><html><head><title>Treeviz: a dev diary</title></head><body><div id="container">
    <div id="banner"><h1><a href="/">A developer's diary</a></h1><h2>News about web development, every day</h2></div>
    <div class="content"><div id="con_left">
      <div id="article_navi">Previous post: <a href="/prev">A CSS and jQuery text animation</a></div>
      <h3>Draw mind-map trees with Treeviz</h3><h4>April 4, 2019</h4>
      <div><span>Sponsored links</span><br></div><div><a href="/pr">[PR] Learn vocabulary with a spaced-repetition app</a></div>
      ${post}
      <p class="posted"><span>By KJ: April 4, 2019 09:00</span> <a href="/subscribe">Subscribe</a></p>
      <p><a href="/contact">Found a mistake? Tell us by mail or on social media (click)</a></p>
    </div><div id="rightbar"><div><span>TOPICS OF THIS BLOG</span></div>${sidebar}</div></div>
  </div></body></html>`;
  const post = `<div class="entry-body"><p><a href="https://codepen.io/x">Treeviz</a><br><br>Treeviz draws mind-map style trees.<br>Here is a sample on codepen.<br><img src="/tree.png"><br><br>Related posts</p>
    <ul><li><a href="/arbor">arbor.js, a library to visualise relations</a></li><li><a href="/viz">Libraries that visualise data</a></li></ul></div>`;

  it("takes the entry body when Readability's choice is much larger, keeping the post's own related links", async () => {
    const text = storedText((await extractArticleFromHtml(blog(post), "https://blog.example/2019/04/treeviz.html")).html);
    expect(text).toContain("Treeviz draws mind-map style trees.");
    expect(text).toContain("arbor.js, a library to visualise relations");
    expect(text).not.toContain("Sidebar advertisement");
    expect(text).not.toContain("Learn vocabulary");
    expect(text).not.toContain("Found a mistake");
  });

  it("keeps Readability's choice when the page marks several entry bodies (a list of posts)", async () => {
    const two = post + post.replace("Treeviz draws", "Another post draws");
    const text = storedText((await extractArticleFromHtml(blog(two), "https://blog.example/")).html);
    expect(text).toContain("Treeviz draws mind-map style trees.");
    expect(text).toContain("Another post draws mind-map style trees.");
  });
});

describe("extractArticleFromHtml: navigation after a story loose in a column", () => {
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: the company announced a storage drive holding a petabyte, built for data centres.</p>`).join("");
  const column = (end: string) => `<!doctype html><html><head><title>T</title></head><body><div id="container"><div id="maincol">
    <h1>A petabyte on one drive</h1><div class="pubdate">April 4, 2019</div><br>${story}
    ${end}
    </div><div id="subcol"><h4>Categories</h4><ul><li><a href="/cloud">Cloud</a></li><li><a href="/dev">Development</a></li></ul></div></div></body></html>`;

  it("drops the tag list and the next and previous links at the end", async () => {
    const end = `<ul><li>Category <a href="/storage">Servers / storage / networks</a></li><li>Tags <a href="/t/intel">Intel</a>, <a href="/t/ssd">SSD</a>, <a href="/t/nvm">Non-volatile memory</a></li></ul>
      <em>Next article</em><br><a href="/next">Stack Overflow is looking for a new chief executive, its founder says</a><br><br>
      <em>Previous article</em><br><a href="/prev">Storage-class memory is finally here: it fits the same DDR4 slots as DRAM</a><p><br></p>`;
    const text = storedText((await extractArticleFromHtml(column(end), "https://news.example/19/pb.html")).html);
    expect(text).toContain("Paragraph 6: the company announced");
    expect(text).not.toContain("Non-volatile memory");
    expect(text).not.toContain("Stack Overflow");
    expect(text).not.toContain("Storage-class memory");
  });

  it("keeps a last paragraph the page wrote, however many links it holds", async () => {
    const end = `<p>Sold at <a href="/s/1">Tsukumo main store</a>, <a href="/s/2">Tsukumo eX. PC hall</a> and <a href="/s/3">PC Shop Ark</a>.</p><p><strong>[Photos: <a href="/s/1">Tsukumo main store</a>]</strong></p>`;
    const text = storedText((await extractArticleFromHtml(column(end), "https://news.example/19/pb.html")).html);
    expect(text).toContain("Sold at Tsukumo main store, Tsukumo eX. PC hall and PC Shop Ark.");
    expect(text).toContain("[Photos: Tsukumo main store]");
  });
});

describe("extractArticleFromHtml: other stories' teasers after the story", () => {
  const story = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the central bank raised interest rates on Wednesday and signalled a faster pace of increases next year.</p>`).join("");
  const teaser = (i: number, headline: (s: string) => string) =>
    `<div class="story"><a href="/article/other-${i}"><div><img src="/t${i}.jpg"></div>${headline(`Other headline number ${i} about markets`)}</a>` +
    `<p>A summary of other story ${i}, two lines long, telling what happened to stocks and bonds after the decision on Wednesday.</p></div>`;
  const column = (end: string) => `<!doctype html><html><head><title>T</title></head><body><div id="content"><div class="col">
    <h1>Fed raises rates</h1>${story}
    <div class="linebreak"></div>${end}
    </div><div class="sidebar"><h4>Most read</h4><ul><li><a href="/a">A</a></li></ul></div></div></body></html>`;

  it.each([
    ["a section whose heading is inside it (headlines inside the links)", `<section><header><h4>Next in <span>Business</span></h4></header><div class="next-articles">${[1, 2, 3].map((i) => teaser(i, (s) => `<h3>${s}</h3>`)).join("")}</div></section>`],
    ["a heading before a list (links inside the headlines)", `<h2>More on this</h2><ul class="more-articles">${[1, 2, 3].map((i) => `<li><h3><a href="/article/other-${i}">Other headline number ${i} about markets</a></h3><p>A summary of other story ${i}, two lines long, telling what happened to stocks and bonds after the decision.</p></li>`).join("")}</ul>`],
  ])("drops %s", async (_label, end) => {
    const text = storedText((await extractArticleFromHtml(column(end), "https://news.example/article/fed")).html);
    expect(text).toContain("Paragraph 8: the central bank");
    expect(text).not.toMatch(/Other headline|summary of other story|Next in|More on this/);
  });

  it("keeps the story's own subheads, even those that link to a part of the page", async () => {
    const section = (id: string, title: string) =>
      `<h3><a href="#${id}">${title}</a></h3><p>${title}: markets expect two more increases next year, a strategist said, and bond yields rose on the news of the decision.</p>`;
    const end = section("outlook", "Outlook") + section("risks", "Risks");
    const text = storedText((await extractArticleFromHtml(column(end), "https://news.example/article/fed")).html);
    expect(text).toContain("Outlook: markets expect two more increases");
    expect(text).toContain("Risks: markets expect two more increases");
  });
});

describe("extractArticleFromHtml: a short sign-up pitch beside the story", () => {
  // A short story (so Readability's bar for the story's siblings is low) and a sibling whose id says "article".
  const STORY = `<p>The low-cost pocket computer due next year runs full versions of two operating systems.</p><p>It runs many systems, and it seems to outperform its best-known rival.</p><p>(First published by our sister site on 8 June 2017: read the rest there.)</p>`;
  const page = (after: string) => `<!doctype html><html><head><title>T</title></head><body><div id="main"><h1>A pocket computer</h1><div class="leaf clearfix"><div class="article_body">${STORY}</div></div>
    ${after}<div class="box"><h2>Related</h2><ul><li><a href="/a/1">One</a></li><li><a href="/a/2">Two</a></li></ul></div></div></body></html>`;

  it("drops a box whose only link is to a newsletter sign-up, with no e-mail field and no telling class", async () => {
    const after = `<div id="article_under" class="section"><p>Our articles in your inbox every morning (free)</p><div><a href="/newsletter/">Sign up for the mail magazine</a></div></div>`;
    const text = storedText((await extractArticleFromHtml(page(after), "https://news.example/article/1")).html);
    expect(text).toContain("outperform its best-known rival");
    expect(text).toContain("read the rest there");
    expect(text).not.toMatch(/inbox|mail magazine/);
  });

  it("keeps a box with other links beside the sign-up one", async () => {
    const after = `<div id="article_under" class="section"><p>Our reporter <a href="/authors/ann">Ann Lee</a> covers computing; her articles in your inbox every morning</p><div><a href="/newsletter/">Sign up</a></div></div>`;
    const { document } = parseHTML(page(after));
    removeBoilerplate(document as unknown as Document);
    expect(document.body.textContent).toContain("outperform its best-known rival");
    expect(document.body.textContent).toContain("covers computing");
    expect(document.body.textContent).not.toContain("Sign up");
  });
});

describe("trimTrailingLinks: a side menu at the end of the block holding the story", () => {
  // Readability's result when it climbed past the story's column to the block that also holds the site's side menu.
  const talks = Array.from({ length: 5 }, (_, i) => `<p>Talk ${i + 1}: how a small company can find and answer an intrusion early, with time for questions from the floor.</p>`).join("");
  const side = `<div id="side"><ul><li><a href="/seminars">Seminars</a></li><li><a href="/forum">Security forum</a></li><li><a href="/reports">Activity reports</a></li><li><a href="/award">Awards</a></li><li><a href="/events">Events</a></li></ul></div>`;
  const trimmed = (column: string) => {
    const { document } = parseHTML(`<html><body><div id="readability-page-1"><div id="wrapper"><p id="crumbs"><a href="/">Home</a> &gt; <a href="/seminars">Seminars</a> &gt; Forum 2019</p><div id="bg"><div id="main"><h2>Security forum 2019</h2>${column}</div>${side}</div></div></div></body></html>`);
    markParagraphs(document as unknown as Document);
    const result = document.getElementById("readability-page-1") as unknown as Element;
    trimTrailingLinks(result);
    return result.textContent ?? "";
  };

  it("drops the menu beside the story's column", () => {
    const text = trimmed(`${talks}<p>(*) The programme may change without notice.</p>`);
    expect(text).toContain("programme may change without notice");
    expect(text).not.toMatch(/Activity reports|Awards/);
  });

  it("keeps a list of links that follows the story's own paragraphs inside its column", () => {
    const text = trimmed(`<div class="body">${talks}<p>Read also:</p><ul><li><a href="/a/1">Last year's forum in pictures</a></li><li><a href="/a/2">The speakers of 2018</a></li></ul></div>`);
    expect(text).toContain("The speakers of 2018");
    expect(text).not.toMatch(/Activity reports|Awards/);
  });
});

describe("removeBoilerplate: breadcrumbs, whatever the template calls them", () => {
  it.each([
    ["an id", `<p id="breadcrumb-trail"><a href="/">Home</a> &gt; <a href="/events">Events</a> &gt; Forum 2019</p>`],
    ["a Japanese template's id (pankuzu)", `<p id="pankuzu"><a href="/">HOME</a> ＞ <a href="/events">Events</a> ＞ Forum 2019</p>`],
    ["a Japanese template's class (topicpath)", `<ol class="topicpath"><li><a href="/">HOME</a></li><li><a href="/events">Events</a></li><li>Forum 2019</li></ol>`],
  ])("by %s", (_label, crumbs) => {
    const story = "<p>The forum meets in March to discuss finding intrusions early, with talks for managers and administrators.</p>".repeat(4);
    const { document } = parseHTML(`<html><body><div id="wrapper">${crumbs}<div id="main"><h2>Forum 2019</h2>${story}</div></div></body></html>`);
    removeBoilerplate(document as unknown as Document);
    expect(document.body.textContent).toContain("finding intrusions early");
    expect(document.body.textContent).not.toContain("Events");
  });
});

describe("trimTrailingLinks: a heading left at the end of the story", () => {
  it("drops a heading that heads nothing (its list of related pages already gone), and keeps the story's own subheads", () => {
    const story = "<h2>What changes</h2>" + "<p>The party wants a shorter working week, with pay kept, for all employees who ask for it.</p>".repeat(4);
    const { document } = parseHTML(`<html><body><div id="readability-page-1"><section id="main"><header><h1>Work</h1></header><div>${story}</div><div><h2><span>Related topics</span></h2></div></section></div></body></html>`);
    markParagraphs(document as unknown as Document);
    const result = document.getElementById("readability-page-1") as unknown as Element;
    trimTrailingLinks(result);
    expect(result.textContent).toContain("What changes");
    expect(result.textContent).toContain("for all employees who ask for it.");
    expect(result.textContent).not.toContain("Related topics");
  });
});

describe("extractArticleFromHtml: what is not the story's words", () => {
  const STORY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the council met on Tuesday and agreed the budget after a long debate.</p>`).join("");
  const page = (article: string, header = "") => `<!doctype html><html><head><title>T</title></head><body>${header}<article>${article}</article></body></html>`;

  it.each([
    ["a photo credit", `<figure><img src="a.jpg"><figcaption>The council chamber <span class="photo-credit">Photo: Jane Doe/Agency</span></figcaption></figure>`, "Jane Doe"],
    ["a credit element of its own", `<image-credits>Foto: Tibor Boz/Redux/laif</image-credits>`, "Tibor"],
    ["a pull quote", `<aside class="pullquote"><p>The budget is a betrayal of every promise</p></aside>`, "betrayal"],
    ["an affiliate shopping box", `<div class="amazlet-box"><div class="amazlet-detail">Some Author<br>Some Publisher<br>Sales rank: 6,808</div></div>`, "Sales rank"],
  ])("leaves out %s", async (_label, extra, word) => {
    const text = storedText((await extractArticleFromHtml(page(STORY.slice(0, 300) + extra + STORY.slice(300)), "https://news.example/x")).html);
    expect(text).toContain("Paragraph 8 of the story");
    expect(text).not.toContain(word);
  });

  it("keeps the standfirst beside the headline, in front of the story", async () => {
    const dek = "The council's budget passed after a night of debate, but the cuts fall hardest on libraries.";
    const text = storedText((await extractArticleFromHtml(page(STORY, `<header><h1>Budget passes</h1><h2 class="article-subhead">${dek}</h2></header>`), "https://news.example/x")).html);
    expect(text.startsWith(dek)).toBe(true);
    expect(text.split(dek)).toHaveLength(2);
  });
});
