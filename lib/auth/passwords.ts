import bcrypt from "bcryptjs";
import { AppError } from "@/lib/errors";

// bcrypt cost 11: ~150 ms here, slow enough for offline guessing, fast enough for sign-in.
const COST = 11;

// bcryptjs is pure JavaScript: a hash runs on the event loop, in slices. Forty
// sign-ins at once interleave their slices with every other request's work and
// starve it for seconds (database transactions then time out). Two at a time
// keep the server responsive; the others wait their turn, off the event loop.
export const MAX_CONCURRENT_HASHES = 2;
// The queue is bounded: during a spray of 120 sign-ins it held them all and a
// legitimate sign-in waited 55 s behind them. Past this many waiting, callers
// get a 503 at once; a place in the queue waits about 2.5 s at most
// (32 × 150 ms / 2), and a newsroom's morning rush of 20 sign-ins still fits.
export const MAX_WAITING_HASHES = 32;

let running = 0;
const waiting: Array<() => void> = [];

export const hashQueueBusy = () =>
  new AppError("unavailable", "Verity is busy checking other sign-ins. Try again in a few seconds.");

/** Whether a hash asked for now would be run or queued rather than refused. */
export function hashQueueHasRoom(): boolean {
  return running < MAX_CONCURRENT_HASHES || waiting.length < MAX_WAITING_HASHES;
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) running++;
  else if (waiting.length >= MAX_WAITING_HASHES) throw hashQueueBusy();
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, so a newcomer cannot overtake it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => bcrypt.hash(password, COST));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return limited(() => bcrypt.compare(password, hash));
}

let cachedDummy: string | undefined;

/** Compared against when the email is unknown, so a miss takes as long as a wrong password. */
export function dummyHash(): string {
  cachedDummy ??= bcrypt.hashSync("verity-no-such-user", COST);
  return cachedDummy;
}
