import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/articles/abc", "/articles/abc"],
    ["/review?articleId=1#top", "/review?articleId=1#top"],
    ["/search?q=caf%C3%A9", "/search?q=caf%C3%A9"],
    ["articles", "/articles"],
    // Leaving the site.
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["data:text/html,hi", "/"],
    // What the attacker used: a tab (raw or encoded) between the slashes.
    ["/%09/evil.example/phish", "/"],
    ["/\t/evil.example/phish", "/"],
    ["/%0a/evil.example", "/"],
    ["/%0D/evil.example", "/"],
    ["/%0d%0aSet-Cookie:x=1", "/"],
    ["/\n/evil.example", "/"],
    ["/%5C/evil.example", "/"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%E0%A4%A", "/"],
    ["/\u0085/evil.example", "/"],
    ["", "/"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
    ["/" + "a".repeat(5000), "/"],
  ])("%j → %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("never returns something a browser would resolve off the site", () => {
    const tricky = ["/%09/evil.example", "/\t/evil.example", "/ /evil.example", "/%20/evil.example", "/.//evil.example", "/..//evil.example", "/a/..//evil.example"];
    for (const t of tricky) {
      const out = safeCallbackPath(t);
      expect(new URL(out, "https://verity.example").origin, `${JSON.stringify(t)} → ${out}`).toBe("https://verity.example");
    }
  });
});

describe("safeRedirect (next-auth)", () => {
  it.each([
    ["/articles", "http://localhost:3000", "http://localhost:3000/articles"],
    ["http://localhost:3000/review", "http://localhost:3000", "http://localhost:3000/review"],
    ["https://evil.example/", "http://localhost:3000", "http://localhost:3000"],
    ["/%09/evil.example", "http://localhost:3000", "http://localhost:3000/"],
    ["http://localhost:3000/%09/evil.example", "http://localhost:3000", "http://localhost:3000/"],
  ])("%s on %s → %s", (url, base, expected) => {
    expect(safeRedirect(url, base)).toBe(expected);
  });
});
