import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeBody } from "./decode";
import { checkHop, formatBytes, safeFetch } from "./safe-fetch";

function refusal(fn: () => unknown): Record<string, string> | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("invalid_input");
    return (e as AppError).fields;
  }
  return undefined;
}

describe("checkHop (run on the first URL and on every redirect target)", () => {
  it.each([
    ["http://10.0.0.1/x", "refused: 10.0.0.1 is a private address"],
    ["http://127.0.0.1:3000/", "refused: 127.0.0.1 is a loopback address"],
    ["http://2130706433/", "refused: 127.0.0.1 is a loopback address"],
    ["http://0x7f.1/", "refused: 127.0.0.1 is a loopback address"],
    ["http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"],
    ["http://[::1]/", "refused: [::1] is a loopback address"],
    ["http://[::ffff:7f00:1]/", "refused: [::ffff:7f00:1] is a loopback address"],
    ["http://[fd00::5]:8080/", "refused: [fd00::5] is a private address"],
    ["http://0.0.0.0/", "refused: 0.0.0.0 is an unspecified address"],
    ["http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"],
    ["file:///etc/passwd", "refused: only http and https URLs can be fetched (got file:)"],
    ["ftp://ftp.example.com/a", "refused: only http and https URLs can be fetched (got ftp:)"],
    ["gopher://example.com/", "refused: only http and https URLs can be fetched (got gopher:)"],
    ["javascript:alert(1)", "refused: only http and https URLs can be fetched (got javascript:)"],
    ["not a url", "is not a valid URL"],
  ])("refuses %s", (url, message) => {
    expect(refusal(() => checkHop(url, { allowPrivate: false }))).toEqual({ url: message });
  });

  it.each([["https://news.example/story"], ["http://93.184.216.34/"], ["https://[2606:4700::1111]/"]])("accepts %s", (url) => {
    expect(checkHop(url, { allowPrivate: false }).toString()).toBe(new URL(url).toString());
  });

  it("accepts private literals only when allowed, and never other schemes", () => {
    expect(checkHop("http://10.0.0.1/x", { allowPrivate: true }).hostname).toBe("10.0.0.1");
    expect(refusal(() => checkHop("file:///etc/passwd", { allowPrivate: true, field: "feedUrl" }))).toEqual({
      feedUrl: "refused: only http and https URLs can be fetched (got file:)",
    });
  });

  it("makes safeFetch reject before any request", async () => {
    await expect(safeFetch("http://10.0.0.1/x", { accept: "html", allowPrivate: false, field: "feedUrl" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { feedUrl: "refused: 10.0.0.1 is a private address" },
    });
  });
});

describe("formatBytes", () => {
  it.each([
    [5_000_000, "5 MB"],
    [10_000, "10 KB"],
    [2_500, "2.5 KB"],
    [512, "512 bytes"],
  ])("%d → %s", (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });
});

describe("decodeBody", () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
  it.each([
    ["utf-8 by default", new TextEncoder().encode("<p>Café</p>"), null, "html" as const, "<p>Café</p>"],
    ["the header charset", latin1("<p>Caf\u00e9</p>"), "text/html; charset=ISO-8859-1", "html" as const, "<p>Café</p>"],
    ["windows-1252 quotes", latin1("<p>\x93Hi\x94 \x96 \x80</p>"), "text/html; charset=windows-1252", "html" as const, "<p>“Hi” – €</p>"],
    ["<meta charset>", latin1('<meta charset="iso-8859-1"><p>Caf\u00e9</p>'), "text/html", "html" as const, "Café"],
    ["<meta http-equiv>", latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\u00e9</p>'), null, "html" as const, "<p>é</p>"],
    ["the XML declaration", latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><t>\u00e9</t></rss>'), "application/xml", "feed" as const, "<t>é</t>"],
    ["an unknown charset label, falling back", new TextEncoder().encode("é"), "text/html; charset=x-made-up", "html" as const, "é"],
  ])("decodes with %s", (_label, bytes, contentType, kind, expected) => {
    expect(decodeBody(bytes, contentType, kind)).toContain(expected);
  });
});
