// The DNS lookup the import's HTTP agent connects through. Checking here, on
// the very addresses the socket is about to use, closes the gap a separate
// "resolve, check, then connect" step leaves open to DNS rebinding.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { classifyAddress, type AddressKind } from "./ip-ranges";

export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: AddressKind,
  ) {
    super(`refused: ${host} resolves to ${article(kind)} ${kind} address (${address})`);
    this.name = "RefusedAddressError";
  }
}

export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

export type Resolver = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `lookup` for net/tls connect options. Resolves every address and refuses
 * the host if ANY of them is not public (rather than quietly picking a good
 * one), since the connection may try them all.
 */
export function createGuardedLookup(opts: { allowPrivate: boolean; resolve?: Resolver }): LookupFunction {
  const resolve = opts.resolve ?? systemResolver;
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family, hints: options.hints, order: options.order, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      if (!addresses.length) {
        const notFound: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
        return callback(notFound, "", 0);
      }
      if (!opts.allowPrivate) {
        for (const a of addresses) {
          const kind = classifyAddress(a.address);
          if (kind !== "public") return callback(new RefusedAddressError(hostname, a.address, kind), "", 0);
        }
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
