import bcrypt from "bcryptjs";

// bcrypt cost 11: ~150 ms here, slow enough for offline guessing, fast enough for sign-in.
const COST = 11;

// bcryptjs is pure JavaScript: a hash runs on the event loop, in slices. Forty
// sign-ins at once interleave their slices with every other request's work and
// starve it for seconds (database transactions then time out). Two at a time
// keep the server responsive; the others wait their turn, off the event loop.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT) running++;
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
