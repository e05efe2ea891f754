// What a publish request may carry. Isomorphic: the dialog and the route share it.
import { z } from "zod";

export const NOTE_MAX = 2_000;

export const publishInputSchema = z.strictObject({
  /** The correction notice readers see: optional for a first publish, required for an update. */
  note: z
    .string({ error: "Note must be text" })
    .trim()
    .max(NOTE_MAX, `Note must be at most ${NOTE_MAX} characters`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  /** The preview's fingerprint: when given, the publish is refused if what would go live changed since. */
  fingerprint: z.string({ error: "must be text" }).max(64, "must be at most 64 characters").optional(),
});

export type PublishInput = z.output<typeof publishInputSchema>;

export const NOTE_REQUIRED = "Write a note for readers: it is shown on the public page as the correction notice for this update";
