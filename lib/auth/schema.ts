import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN, userCreateSchema } from "@/lib/users/schema";

// Isomorphic: the account, reset and setup forms and the API validate with the
// same schemas. How strong a password must be is the server's check
// (password-policy.ts); these only bound it.

/** Not trimmed: spaces are part of a passphrase. */
export const newPasswordSchema = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: "is required" }).min(1, "is required").max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
  newPassword: newPasswordSchema,
});
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;

export const passwordResetSchema = z.strictObject({ password: newPasswordSchema });
export type PasswordResetInput = z.output<typeof passwordResetSchema>;

/** The first admin of a new install, with the one-time setup token. */
export const setupSchema = userCreateSchema.omit({ role: true }).extend({
  token: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "is not a setup token"),
  password: newPasswordSchema,
});
export type SetupInput = z.output<typeof setupSchema>;
