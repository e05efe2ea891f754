import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

// Isomorphic: the admin page's forms and the API validate with the same schemas.

export const PASSWORD_MIN = 10;
/** bcrypt reads 72 bytes; the bound keeps its (and the strength check's) work small. */
export const PASSWORD_MAX = 1024;
export const ROLE_LABELS = { REVIEWER: "Reviewer", EDITOR: "Editor", ADMIN: "Admin" } as const;

const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });
const nameSchema = z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters");

export const userCreateSchema = z.strictObject({
  email: z
    .string({ error: "is required" })
    .trim()
    .toLowerCase()
    .min(1, "is required")
    // abort: zod runs later checks after a failed one, and this pattern is
    // quadratic in the length (3 s for 60 KB): it must never see an over-long value.
    .max(320, { error: "must be at most 320 characters", abort: true })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address"),
  name: nameSchema,
  role: roleSchema,
  // Not trimmed: spaces are part of a passphrase. The upper bound keeps bcrypt's work bounded.
  password: z
    .string({ error: "is required" })
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(1024, "must be at most 1024 characters"),
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
      ctx.addIssue({ code: "custom", path: [], message: "must change at least one of role, active, name" });
    }
  });

export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const TOKEN_EXPIRY_DAYS_MAX = 3650;

export const tokenCreateSchema = z.strictObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  /** Omitted: the token never expires (it can still be revoked). */
  expiresInDays: z
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(TOKEN_EXPIRY_DAYS_MAX, `must be at most ${TOKEN_EXPIRY_DAYS_MAX} days`)
    .optional(),
});

export type TokenCreateInput = z.output<typeof tokenCreateSchema>;
