import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// next-auth's authorize() can only say "signed in" or throw an error whose
// message becomes ?error=…; the sign-in route needs more to answer properly (the
// wait for a 429's Retry-After, who signed in for the device cookie). The route
// runs next-auth inside this store and authorize() writes to it.
export type SignInOutcome = { retryAfterSeconds?: number; signedInEmail?: string };

export const signInOutcome = new AsyncLocalStorage<SignInOutcome>();
