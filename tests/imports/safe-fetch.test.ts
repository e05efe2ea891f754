import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { safeFetch, type SafeFetchOptions } from "@/lib/imports/fetch/safe-fetch";
import { extractArticleFromHtml } from "@/lib/imports/parsers/extract-html";
import { parseFeed } from "@/lib/imports/parsers/feed";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const NEWS = fixture("news-jsonld.html");
const RSS = fixture("feed-rss.xml");

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const routes: Record<string, Route> = {
  "/news": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(NEWS);
  },
  "/feed": (_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(RSS);
  },
  "/latin1": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
    res.end(Buffer.from("<html><body><p>Caf\u00e9 cr\u00e8me: \u00a34</p></body></html>", "latin1"));
  },
  "/meta-charset": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>\u201cQuoted\u201d</p></body></html>'.replace(/[\u201c\u201d]/g, (c) => (c === "\u201c" ? "\x93" : "\x94")), "latin1"));
  },
  "/image": (_req, res) => {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.alloc(64));
  },
  "/no-type": (_req, res) => {
    res.writeHead(200);
    res.end("hello");
  },
  "/missing": (_req, res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<p>Not here</p>");
  },
  "/big": (_req, res) => {
    const body = `<html><body>${"<p>padding</p>".repeat(3700)}</body></html>`;
    res.writeHead(200, { "content-type": "text/html", "content-length": Buffer.byteLength(body) });
    res.end(body);
  },
  "/big-chunked": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    let sent = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (sent >= 50_000) return res.end();
      res.write("x".repeat(5_000));
      sent += 5_000;
      setImmediate(tick);
    };
    tick();
  },
  "/slow": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>Loading");
    // Never ends.
  },
  "/hang": () => {
    // Never answers.
  },
  "/to-file": (_req, res) => {
    res.writeHead(302, { location: "file:///etc/passwd" });
    res.end();
  },
  "/to-ftp": (_req, res) => {
    res.writeHead(301, { location: "ftp://ftp.example.com/pub/story.html" });
    res.end();
  },
  "/no-location": (_req, res) => {
    res.writeHead(302);
    res.end();
  },
};

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url ?? "/", "http://x");
  const hops = pathname.match(/^\/hop\/(\d+)$/);
  if (hops) {
    const n = Number(hops[1]);
    // Relative Location on purpose: it must be resolved against the current hop.
    res.writeHead(307, { location: n > 1 ? `/hop/${n - 1}` : "/news" });
    return res.end();
  }
  (routes[pathname] ?? routes["/missing"])(req, res);
});

let port = 0;
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local: SafeFetchOptions = { accept: "html", allowPrivate: true };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const appErr = err as AppError;
  expect(appErr.code).toBe("invalid_input");
  return appErr;
}

describe("safeFetch against a local server", () => {
  it("fetches a news page when private hosts are allowed, and the page extracts", async () => {
    const res = await safeFetch(`${base}/news`, local);
    expect(res).toMatchObject({ url: `${base}/news`, contentType: "text/html" });
    expect(res.body).toBe(NEWS);
    const article = await extractArticleFromHtml(res.body, res.url);
    expect(article.title).toBe("Council approves 12% water rate rise after marathon session");
    expect(article.sourceUrl).toBe(`${base}/news/2024/03/05/council-water-rates?utm_source=rss`);
  });

  it("takes allowPrivate from IMPORT_ALLOW_PRIVATE_HOSTS when not given", async () => {
    expect(process.env.IMPORT_ALLOW_PRIVATE_HOSTS).toBe("1");
    await expect(safeFetch(`${base}/news`, { accept: "html" })).resolves.toMatchObject({ contentType: "text/html" });
  });

  it("fetches a feed as a feed", async () => {
    const res = await safeFetch(`${base}/feed`, { ...local, accept: "feed", field: "feedUrl" });
    expect(res.contentType).toBe("application/rss+xml");
    expect(parseFeed(res.body, res.url).items).toHaveLength(3);
  });

  it.each([
    ["the charset in the header", "/latin1", "Café crème: £4"],
    ["<meta charset> when the header has none", "/meta-charset", "\u201cQuoted\u201d"],
  ])("decodes using %s", async (_label, route, expected) => {
    const res = await safeFetch(`${base}${route}`, local);
    expect(res.body).toContain(expected);
  });

  it.each([
    ["a literal loopback IP", () => `http://127.0.0.1:${port}/news`, /^refused: 127\.0\.0\.1 is a loopback address$/],
    ["localhost, refused at DNS lookup", () => `http://localhost:${port}/news`, /^refused: localhost resolves to a loopback address \((127\.0\.0\.1|::1)\)$/],
    ["an IPv4-mapped IPv6 loopback literal", () => `http://[::ffff:127.0.0.1]:${port}/news`, /^refused: \[::ffff:7f00:1\] is a loopback address$/],
  ])("refuses %s when private hosts are not allowed", async (_label, url, message) => {
    const err = await failure(safeFetch(url(), { accept: "html", allowPrivate: false }));
    expect(err.fields?.url).toMatch(message);
  });

  it("reports errors against the field it is told to", async () => {
    const err = await failure(safeFetch(`${base}/feed`, { accept: "feed", allowPrivate: false, field: "feedUrl" }));
    expect(Object.keys(err.fields ?? {})).toEqual(["feedUrl"]);
    expect(err.fields?.feedUrl).toMatch(/^refused: /);
  });

  it("follows up to maxRedirects redirects, re-resolving relative locations", async () => {
    const res = await safeFetch(`${base}/hop/5`, local);
    expect(res.url).toBe(`${base}/news`);
  });

  it.each([
    ["more than 5 redirects", "/hop/6", {}, "too many redirects (more than 5)"],
    ["more than a lower maxRedirects", "/hop/2", { maxRedirects: 1 }, "too many redirects (more than 1)"],
    ["a redirect to file:", "/to-file", {}, "refused: only http and https URLs can be fetched (got file:)"],
    ["a redirect to ftp:", "/to-ftp", {}, "refused: only http and https URLs can be fetched (got ftp:)"],
    ["a redirect without a Location", "/no-location", {}, "the server answered 302 without saying where to"],
    ["a body over maxBytes (content-length)", "/big", { maxBytes: 10_000 }, "too large: over 10 KB"],
    ["a chunked body over maxBytes", "/big-chunked", { maxBytes: 10_000 }, "too large: over 10 KB"],
    ["an image", "/image", {}, "not an HTML page (content type image/png)"],
    ["a response without a content type", "/no-type", {}, "not an HTML page (content type missing)"],
    ["a 404", "/missing", {}, "the server answered 404 Not Found"],
    ["an HTML page where a feed was asked for", "/news", { accept: "feed" as const }, "not an RSS or Atom feed (content type text/html)"],
    ["a body that never ends", "/slow", { timeoutMs: 500 }, "timed out after 0.5 s"],
    ["a server that never answers", "/hang", { timeoutMs: 500 }, "timed out after 0.5 s"],
  ])("refuses %s", async (_label, route, opts, message) => {
    const started = Date.now();
    const err = await failure(safeFetch(`${base}${route}`, { ...local, ...opts }));
    expect(err.fields).toEqual({ url: message });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a closed port as a connection failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure(safeFetch(`http://127.0.0.1:${closedPort}/`, local));
    expect(err.fields?.url).toBe("could not connect: connection refused");
  });
});
