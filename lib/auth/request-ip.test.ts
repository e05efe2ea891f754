import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, requestIp } from "./request-ip";

describe("clientAddress", () => {
  it.each([
    ["no proxy: the socket address, whatever the client claims", "203.0.113.9", "1.2.3.4, 5.6.7.8", 0, "203.0.113.9"],
    ["no proxy, no header", "203.0.113.9", undefined, 0, "203.0.113.9"],
    ["one trusted proxy: the entry it appended", "10.0.0.2", "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"],
    ["one trusted proxy: a client-forged prefix is ignored", "10.0.0.2", "6.6.6.6, 7.7.7.7, 198.51.100.7", 1, "198.51.100.7"],
    ["two trusted proxies", "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2, "198.51.100.7"],
    ["more hops trusted than the header holds: its first entry", "10.0.0.2", "198.51.100.7", 3, "198.51.100.7"],
    ["trusted proxy but no header: the socket", "10.0.0.2", undefined, 1, "10.0.0.2"],
    ["IPv4-mapped IPv6 socket address", "::ffff:203.0.113.9", undefined, 0, "203.0.113.9"],
    ["bracketed IPv6 entry", "10.0.0.2", "[2001:db8::1]", 1, "2001:db8::1"],
    ["no peer known and no trusted hops: unknown, never the client's claim", undefined, "1.2.3.4", 0, "unknown"],
    ["no peer known, one trusted hop: the last entry", undefined, "1.2.3.4, 198.51.100.7", 1, "198.51.100.7"],
  ])("%s", (_label, peer, xff, hops, expected) => {
    expect(clientAddress(peer, xff, hops)).toBe(expected);
  });

  it("rotating X-Forwarded-For does not change the address without a trusted proxy", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(requestIp(new Headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": `10.1.${i}.1` }), 0));
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("caps what it keeps at 64 characters", () => {
    expect(clientAddress("a".repeat(500), undefined, 0)).toHaveLength(64);
  });
});
