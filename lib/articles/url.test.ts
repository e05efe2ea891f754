import { describe, expect, it } from "vitest";
import { isHttpUrl, normalizeSourceUrl, resolveLink } from "./url";

describe("normalizeSourceUrl", () => {
  it.each([
    ["HTTPS://Example.COM/News/Story/", "https://example.com/News/Story"],
    ["https://example.com:443/a?utm_source=x&b=2&a=1#top", "https://example.com/a?a=1&b=2"],
    ["http://example.com:80/", "http://example.com/"],
    ["https://example.com/a?fbclid=123", "https://example.com/a"],
    ["https://example.com/a//b///", "https://example.com/a//b"],
    ["https://example.com////", "https://example.com/"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeSourceUrl(input)).toBe(expected);
  });
});

describe("isHttpUrl", () => {
  it.each([
    ["https://example.com/x", true],
    ["http://example.com", true],
    ["javascript:alert(1)", false],
    ["ftp://example.com/file", false],
    ["data:text/html,hi", false],
    ["not a url", false],
  ])("%s → %s", (input, expected) => {
    expect(isHttpUrl(input)).toBe(expected);
  });
});

describe("resolveLink", () => {
  it.each([
    ["/x", "https://news.example/a/b", "https://news.example/x"],
    ["x", "https://news.example/a/b", "https://news.example/a/x"],
    ["\u200b\ufeff https://other.example/\u2060 ", undefined, "https://other.example/"],
    ['"https://other.example/"', undefined, "https://other.example/"],
    ["`javascript:alert(1)`", "https://news.example/", undefined],
    ["java\u200bscript:alert(1)", "https://news.example/", undefined],
    ["vbscript:msgbox(1)", "https://news.example/", undefined],
    ["file:///etc/passwd", "https://news.example/", undefined],
    ["https://", undefined, undefined],
    ["relative", undefined, undefined],
    ["/x", "not a url", undefined],
    ["MAILTO:a@b.example", undefined, "mailto:a@b.example"],
  ])("%j against %j → %j", (value, base, expected) => {
    expect(resolveLink(value, base)).toBe(expected);
  });
});
