import { randomFillSync } from "node:crypto";

// Ids for rows written with raw SQL (the hot paths), in the shape of the cuids
// Prisma makes for the same columns: "c", then time, a process counter and
// randomness in base 36, 25 characters. Unique without coordination between
// app instances (72 random bits per millisecond and process), and roughly
// ordered by time like Prisma's.
let counter = 0;
const pad = (s: string, n: number) => (s.length >= n ? s.slice(-n) : "0".repeat(n - s.length) + s);

// Random bytes drawn 4 KB at a time: one call per id was 4 % of the claim
// write's CPU in the profile (Next wraps node:crypto's random functions with a
// check of its own on every call). Ids are not secrets; the bytes are still
// the operating system's CSPRNG, each byte used once.
const RANDOM_BYTES = 9;
const pool = Buffer.alloc(RANDOM_BYTES * 455);
let offset = pool.length;

function randomHex(): string {
  if (offset + RANDOM_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString("hex", offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  return hex;
}

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = BigInt(`0x${randomHex()}`).toString(36);
  return `c${pad(Date.now().toString(36), 8)}${pad(counter.toString(36), 4)}${pad(random, 12)}`;
}
