// Which addresses an import may connect to. Pure; parses addresses itself
// rather than trusting string prefixes, so every spelling of an address
// (::ffff:127.0.0.1, ::ffff:7f00:1, 0:0:0:0:0:ffff:7f00:1) lands in one place.
import { isIP } from "node:net";

export type AddressKind = "public" | "private" | "loopback" | "link-local" | "multicast" | "unspecified" | "reserved" | "invalid";

type Range = { prefix: number[]; bits: number; kind: Exclude<AddressKind, "public" | "invalid"> };

const v4 = (cidr: string, kind: Range["kind"]): Range => {
  const [addr, bits] = cidr.split("/");
  return { prefix: addr.split(".").map(Number), bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: Range["kind"]): Range => {
  const [addr, bits] = cidr.split("/");
  return { prefix: ipv6Bytes(addr)!, bits: Number(bits), kind };
};

// Most specific first: the first match wins.
const V4_RANGES: Range[] = [
  v4("0.0.0.0/32", "unspecified"),
  v4("0.0.0.0/8", "reserved"), // "this network"
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "private"), // carrier-grade NAT
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"), // includes cloud metadata at 169.254.169.254
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"), // IETF protocol assignments
  v4("192.0.2.0/24", "reserved"), // documentation
  v4("192.88.99.0/24", "reserved"), // old 6to4 relays
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"), // benchmarking
  v4("198.51.100.0/24", "reserved"), // documentation
  v4("203.0.113.0/24", "reserved"), // documentation
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"), // includes 255.255.255.255
];

const V6_RANGES: Range[] = [
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  v6("::/96", "reserved"), // deprecated IPv4-compatible
  v6("64:ff9b:1::/48", "private"), // local-use NAT64
  v6("100::/64", "reserved"), // discard-only
  v6("2001::/23", "reserved"), // IETF assignments, Teredo (2001::/32) among them
  v6("2001:db8::/32", "reserved"), // documentation
  v6("3fff::/20", "reserved"), // documentation
  v6("5f00::/16", "reserved"), // SRv6
  v6("fc00::/7", "private"), // unique local
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "private"), // deprecated site-local
  v6("ff00::/8", "multicast"),
];

/** IPv6 forms that carry an IPv4 address: where it sits (byte offset) under which prefix. */
const EMBEDS_V4: { range: Range; offset: number }[] = [
  { range: v6("::ffff:0:0/96", "reserved"), offset: 12 }, // IPv4-mapped
  { range: v6("::ffff:0:0:0/96", "reserved"), offset: 12 }, // IPv4-translated (SIIT)
  { range: v6("64:ff9b::/96", "reserved"), offset: 12 }, // NAT64
  { range: v6("2002::/16", "reserved"), offset: 2 }, // 6to4
];

function inRange(bytes: number[], range: Range): boolean {
  for (let bit = 0; bit < range.bits; bit += 8) {
    const take = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if ((bytes[i] & mask) !== (range.prefix[i] & mask)) return false;
  }
  return true;
}

function ipv4Bytes(ip: string): number[] {
  return ip.split(".").map(Number);
}

/** 16 bytes of an IPv6 address (zone id dropped, trailing dotted quad allowed), or undefined. */
function ipv6Bytes(ip: string): number[] | undefined {
  const addr = ip.replace(/%.*$/, "");
  let groups: string[];
  const dotted = addr.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  const head = dotted ? dotted[1] + "0:0" : addr;
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  if (halves.length === 2) groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  else groups = left;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (dotted) bytes.splice(12, 4, ...ipv4Bytes(dotted[2]));
  return bytes;
}

function classifyV4(bytes: number[]): AddressKind {
  return V4_RANGES.find((r) => inRange(bytes, r))?.kind ?? "public";
}

export function classifyAddress(ip: string): AddressKind {
  const address = ip.trim().replace(/^\[(.*)\]$/, "$1");
  const family = isIP(address);
  if (family === 4) return classifyV4(ipv4Bytes(address));
  if (family !== 6) return "invalid";
  const bytes = ipv6Bytes(address);
  if (!bytes) return "invalid";
  // The embedded IPv4 address is where the packet really goes.
  for (const { range, offset } of EMBEDS_V4) {
    if (inRange(bytes, range)) return classifyV4(bytes.slice(offset, offset + 4));
  }
  return V6_RANGES.find((r) => inRange(bytes, r))?.kind ?? "public";
}

/** True only for a well-formed, globally routable unicast address. */
export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === "public";
}
