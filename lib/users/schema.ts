import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { MSG } from "@/lib/messages";

// Isomorphic: the admin page's forms and the API validate with the same schemas.
// Messages are plain words (lib/messages.ts): the forms show them as they are.

export const PASSWORD_MIN = 10;
/** bcrypt reads 72 bytes; the bound keeps its (and the strength check's) work small. */
export const PASSWORD_MAX = 1024;
export const ROLE_LABELS = { REVIEWER: "Reviewer", EDITOR: "Editor", ADMIN: "Admin" } as const;

const roleSchema = z.enum(ROLES, { error: MSG.roleRequired });
const nameSchema = z.string({ error: MSG.nameRequired }).trim().min(1, MSG.nameRequired).max(200, MSG.tooLong(200));

export const userCreateSchema = z.strictObject({
  email: z
    .string({ error: MSG.emailRequired })
    .trim()
    .toLowerCase()
    .min(1, MSG.emailRequired)
    // abort: zod runs later checks after a failed one, and this pattern is
    // quadratic in the length (3 s for 60 KB): it must never see an over-long value.
    .max(320, { error: MSG.tooLong(320), abort: true })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address"),
  name: nameSchema,
  role: roleSchema,
  // Not trimmed: spaces are part of a passphrase. The upper bound keeps bcrypt's work bounded.
  password: z
    .string({ error: MSG.passwordRequired })
    .min(1, { error: MSG.passwordRequired, abort: true })
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, MSG.tooLong(PASSWORD_MAX)),
});

export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z
  .strictObject({
    role: roleSchema.optional(),
    active: z.boolean({ error: "must be true or false" }).optional(),
    name: nameSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === undefined && v.active === undefined && v.name === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: MSG.changeSomething("role, active or name") });
    }
  });

export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const TOKEN_EXPIRY_DAYS_MAX = 3650;

export const tokenCreateSchema = z.strictObject({
  name: z.string({ error: MSG.tokenNameRequired }).trim().min(1, MSG.tokenNameRequired).max(100, MSG.tooLong(100)),
  /** Omitted: the token never expires (it can still be revoked). */
  expiresInDays: z
    .number({ error: MSG.tokenExpiry(TOKEN_EXPIRY_DAYS_MAX) })
    .int(MSG.tokenExpiry(TOKEN_EXPIRY_DAYS_MAX))
    .min(1, MSG.tokenExpiry(TOKEN_EXPIRY_DAYS_MAX))
    .max(TOKEN_EXPIRY_DAYS_MAX, MSG.tokenExpiry(TOKEN_EXPIRY_DAYS_MAX))
    .optional(),
});

export type TokenCreateInput = z.output<typeof tokenCreateSchema>;
