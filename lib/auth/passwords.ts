import bcrypt from "bcryptjs";

// bcrypt cost 11: ~150 ms here, slow enough for offline guessing, fast enough for sign-in.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let cachedDummy: string | undefined;

/** Compared against when the email is unknown, so a miss takes as long as a wrong password. */
export function dummyHash(): string {
  cachedDummy ??= bcrypt.hashSync("verity-no-such-user", COST);
  return cachedDummy;
}
