import { env } from "@/lib/env";

// The client address for sign-in limits and the audit log.
//
// Next's own server only fills X-Forwarded-For when the client did not send one
// (`??=`), so any client could name any address by sending the header itself:
// rotating it defeated the per-address sign-in limit and forged audit entries.
// Verity's app server (scripts/app-server.mjs) therefore puts the socket's peer
// address in PEER_HEADER on every request, overwriting whatever a client sent,
// and this module trusts X-Forwarded-For only as far as TRUST_PROXY says: that
// many reverse proxies in front of Verity each appended the address they saw.

/** Set by scripts/app-server.mjs from the TCP socket; a client-sent value is overwritten. */
export const PEER_HEADER = "x-verity-peer";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 on a dual-stack socket. */
function normalise(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  return (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a).slice(0, 64);
}

/**
 * The address `trustProxy` hops in front of the socket: 0 is the socket's peer
 * (no proxy, or a proxy you do not trust); 1 is the last X-Forwarded-For entry
 * (the one your proxy appended), and so on. A header shorter than the hops you
 * trust yields its first entry; "unknown" when the peer is not known (a request
 * that did not come through Verity's app server, e.g. `next dev`).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustProxy: number): string {
  const chain = (forwardedFor ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  if (peer) chain.push(peer);
  else if (trustProxy === 0 || chain.length === 0) return "unknown";
  // Without the peer, the chain's last entry already stands one hop in.
  const hops = peer ? trustProxy : trustProxy - 1;
  const index = Math.max(0, chain.length - 1 - hops);
  return normalise(chain[index]) || "unknown";
}

export function requestIp(headers: HeaderSource, trustProxy: number = env().TRUST_PROXY): string {
  return clientAddress(header(headers, PEER_HEADER), header(headers, "x-forwarded-for"), trustProxy);
}
