import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { dropDateline, dropPromotions, isAppPrompt, isDateline } from "./promos";

const story = (html: string) => parseHTML(`<!doctype html><html><body><div id="s">${html}</div></body></html>`).document.getElementById("s")!;
const block = (html: string) => story(html).firstElementChild!;
const text = (el: Element) => el.textContent!.replace(/\s+/g, " ").trim();

describe("isDateline", () => {
  it.each([
    "Publié aujourd’hui à 13h59, mis à jour à 15h25",
    "2019年4月4日",
    "Updated 3:04 PM ET, Tue March 5, 2019",
    "Published on 12 November 2007",
    "Veröffentlicht am 3. Mai 2021, 14:05 Uhr",
    "2023-01-05 09:30 UTC",
  ])("a dateline: %s", (t) => expect(isDateline(t)).toBe(true));
  it.each([
    "Stuxnet was first seen in November 2007.",
    "The plant employs 2,000 people.",
    "May 2019 was the wettest month on record in Paris, the agency said",
    "In 2007",
    "Published",
    "",
    `${"12 ".repeat(40)}`,
  ])("not a dateline: %s", (t) => expect(isDateline(t)).toBe(false));
});

describe("isAppPrompt", () => {
  it("a short paragraph linking to an app store or a download page, about the app", () => {
    expect(isAppPrompt(block(`<p>喜欢这篇文章？去 App 商店搜 <a href="http://m.qdaily.com/mobile/downloads/empty/2">好奇心日报</a> ，每天看点不一样的。</p>`))).toBe(true);
    expect(isAppPrompt(block(`<p>Get our app: <a href="https://apps.apple.com/us/app/x/id1">iPhone</a></p>`))).toBe(true);
  });
  it("not a story sentence that links elsewhere, nor a long paragraph", () => {
    expect(isAppPrompt(block(`<p>The app was removed from <a href="https://example.com/report">the store</a> last week.</p>`))).toBe(false);
    expect(isAppPrompt(block(`<p>${"The app maker said the download figures were wrong. ".repeat(5)}<a href="https://play.google.com/store">Google Play</a></p>`))).toBe(false);
  });
});

describe("dropPromotions", () => {
  it("removes an app prompt that ends the story, through wrappers", () => {
    const s = story(`<div><p>First paragraph of the story.</p><p>Second paragraph.</p><p>Like it? Find us in the App Store: <a href="https://itunes.apple.com/app/x">Daily</a></p></div>`);
    dropPromotions(s);
    expect(text(s)).toBe("First paragraph of the story.Second paragraph.");
  });
  it("keeps an app prompt in the middle of the story, and a story that is only the prompt", () => {
    const mid = story(`<p>One.</p><p>Like it? Find us in the App Store: <a href="https://itunes.apple.com/app/x">Daily</a></p><p>Two.</p>`);
    dropPromotions(mid);
    expect(mid.querySelectorAll("p")).toHaveLength(3);
    const only = story(`<p>Get the app: <a href="https://play.google.com/store/apps/x">Android</a></p>`);
    dropPromotions(only);
    expect(only.querySelectorAll("p")).toHaveLength(1);
  });
});

describe("dropDateline", () => {
  it("removes a dateline among the first three blocks", () => {
    const s = story(`<p>The standfirst sums it up.</p><p>Publié aujourd’hui à 13h59, mis à jour à 15h25</p><p>The story begins.</p>`);
    dropDateline(s);
    expect(text(s)).toBe("The standfirst sums it up.The story begins.");
  });
  it("leaves a date further down, and a story that is only a date", () => {
    const s = story(`<p>One.</p><p>Two.</p><p>Three.</p><p>4 May 2019</p>`);
    dropDateline(s);
    expect(s.querySelectorAll("p")).toHaveLength(4);
    const only = story(`<p>4 May 2019</p>`);
    dropDateline(only);
    expect(only.querySelectorAll("p")).toHaveLength(1);
  });
});
