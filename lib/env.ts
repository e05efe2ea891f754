import { z } from "zod";

// Every setting Verity reads, parsed one way, validated once (README: Settings).
// Scripts (npm start, imports, backups) and the app share this module, so a
// value means the same thing everywhere: `IMPORT_ALLOW_PRIVATE_HOSTS=true` used
// to pass the request check and then be refused by the job, which read only "1".

/** A yes/no setting: 1/true/yes/on or 0/false/no/off (or unset); anything else is an error naming it. */
const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? "").trim().toLowerCase();
    if (["1", "true", "yes", "on"].includes(v)) return true;
    if (["", "0", "false", "no", "off"].includes(v)) return false;
    ctx.addIssue({ code: "custom", message: `must be 1 or 0 (got "${raw}")` });
    return z.NEVER;
  });

/** A whole number within [min, max]; unset or empty takes the default. */
const int = (fallback: number, min: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = (raw ?? "").trim();
      if (!v) return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be ${what}, a whole number from ${min} to ${max} (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    });

/** A positive number (fractions allowed) within (0, max]. */
const positive = (fallback: number, max: number, what: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = (raw ?? "").trim();
      if (!v) return fallback;
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0) || n > max) {
        ctx.addIssue({ code: "custom", message: `must be ${what}, a number above 0 and at most ${max} (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : fallback));

const httpUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = raw?.trim();
    if (!v) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol === "http:" || u.protocol === "https:") return v.replace(/\/+$/, "");
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: "custom", message: `must be an http:// or https:// address (got "${raw}")` });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: int(3000, 1, 65535, "a TCP port"),
  /** Required where the database is used (see databaseUrl()); npm start sets it for the embedded database. */
  DATABASE_URL: optionalText,
  DATA_DIR: optionalText,
  NEXTAUTH_SECRET: optionalText,
  AUTH_SECRET: optionalText,
  NEXTAUTH_URL: httpUrl,
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("verity-demo"),
  SEED_DEMO: flag,
  IMPORT_ALLOW_PRIVATE_HOSTS: flag,
  /** A feed's items beyond this many are not imported (the job says so). */
  IMPORT_MAX_FEED_ITEMS: int(500, 1, 100_000, "a number of feed items"),
  /** Connections this process keeps to PostgreSQL (each app instance has its own pool). */
  DATABASE_POOL_SIZE: int(20, 1, 200, "a number of connections"),
  /** CPU seconds one import item (or one page or feed to read) may take in the import worker. */
  IMPORT_ITEM_CPU_SECONDS: positive(15, 600, "CPU seconds per import item"),
  /** JavaScript heap of each import worker process, in MB. */
  IMPORT_WORKER_MEMORY_MB: int(256, 64, 4096, "megabytes"),
  ORG_NAME: text("Verity"),
  ORG_URL: httpUrl,
  /** Reverse-proxy hops whose X-Forwarded-For entries are trusted; 0: the socket address counts. */
  TRUST_PROXY: int(0, 0, 10, "a number of proxy hops"),
  /** One-person teams: let an editor approve a claim they wrote or last edited. */
  ALLOW_SELF_APPROVAL: flag,
  /** Hours a sign-in lasts at most; using the session does not extend it. */
  SESSION_MAX_AGE: positive(12, 24 * 30, "hours"),
});

export type Env = z.output<typeof envSchema>;

let cached: Env | undefined;

/** The settings problems, one line each ("  TRUST_PROXY: must be …"), or null when all are valid. */
export function settingsProblems(source: NodeJS.ProcessEnv = process.env): string[] | null {
  const parsed = envSchema.safeParse(source);
  return parsed.success ? null : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
}

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change settings between cases; the app reads them once. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("Invalid settings:\n  DATABASE_URL: is required (npm start sets it for the embedded database)");
  return url;
}

export function authSecret(): string | undefined {
  return env().NEXTAUTH_SECRET || env().AUTH_SECRET || undefined;
}

/** Session lifetime in seconds. */
export function sessionMaxAgeSeconds(): number {
  return Math.round(env().SESSION_MAX_AGE * 3600);
}
