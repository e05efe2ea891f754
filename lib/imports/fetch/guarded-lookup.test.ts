import type { LookupAddress, LookupOptions } from "node:dns";
import { describe, expect, it } from "vitest";
import { RefusedAddressError, createGuardedLookup, type Resolver } from "./guarded-lookup";

const fakeDns = (answers: Record<string, string[]>): Resolver => (hostname, _options, callback) => {
  const list = answers[hostname];
  if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
  callback(null, list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
};

const DNS = fakeDns({
  "news.example": ["93.184.216.34", "2606:2800:220:1::248"],
  "example.internal": ["10.0.0.5"],
  // A rebinding-style answer: one public address to pass a naive check, one private to attack with.
  "rebind.example": ["93.184.216.34", "127.0.0.1"],
  "mapped.example": ["::ffff:169.254.169.254"],
  "empty.example": [],
});

type Outcome = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookup(hostname: string, options: LookupOptions, allowPrivate = false): Promise<Outcome> {
  const fn = createGuardedLookup({ allowPrivate, resolve: DNS });
  return new Promise((resolve) => fn(hostname, options, (err, address, family) => resolve({ err, address, family })));
}

describe("createGuardedLookup", () => {
  it.each([
    ["example.internal", "refused: example.internal resolves to a private address (10.0.0.5)"],
    ["rebind.example", "refused: rebind.example resolves to a loopback address (127.0.0.1)"],
    ["mapped.example", "refused: mapped.example resolves to a link-local address (::ffff:169.254.169.254)"],
  ])("refuses %s when any address is not public", async (host, message) => {
    for (const all of [false, true]) {
      const { err } = await lookup(host, { all });
      expect(err).toBeInstanceOf(RefusedAddressError);
      expect(err?.message).toBe(message);
    }
  });

  it("answers in the shape the caller asked for", async () => {
    expect(await lookup("news.example", {})).toMatchObject({ err: null, address: "93.184.216.34", family: 4 });
    expect(await lookup("news.example", { all: true })).toMatchObject({
      err: null,
      address: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::248", family: 6 },
      ],
    });
  });

  it("lets private addresses through when allowed", async () => {
    expect(await lookup("example.internal", {}, true)).toMatchObject({ err: null, address: "10.0.0.5" });
  });

  it.each([["nowhere.example"], ["empty.example"]])("passes on a failed lookup for %s as ENOTFOUND", async (host) => {
    const { err } = await lookup(host, {});
    expect(err?.code).toBe("ENOTFOUND");
  });
});
