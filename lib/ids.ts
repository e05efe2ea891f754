import { randomBytes } from "node:crypto";

// Ids for rows written with raw SQL (the hot paths), in the shape of the cuids
// Prisma makes for the same columns: "c", then time, a process counter and
// randomness in base 36, 25 characters. Unique without coordination between
// app instances (72 random bits per millisecond and process), and roughly
// ordered by time like Prisma's.
let counter = 0;
const pad = (s: string, n: number) => (s.length >= n ? s.slice(-n) : "0".repeat(n - s.length) + s);

export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = BigInt(`0x${randomBytes(9).toString("hex")}`).toString(36);
  return `c${pad(Date.now().toString(36), 8)}${pad(counter.toString(36), 4)}${pad(random, 12)}`;
}
