// Prisma's enums as ordered lists, for zod schemas, <select>s and tables. The
// generated enums module is plain constants (no Prisma runtime, no Node API),
// so this is isomorphic: the browser gets the same lists the database has.
export { AnchorStatus, ArticleStatus, ClaimStatus, ImportJobStatus, ReviewDecision, Role, Stance, Verdict } from "@/lib/generated/prisma/enums";

/** An enum object's values in schema order, typed as the non-empty tuple z.enum takes. */
export function enumValues<T extends Record<string, string>>(e: T): readonly [T[keyof T], ...T[keyof T][]] {
  return Object.values(e) as [T[keyof T], ...T[keyof T][]];
}
